namespace FactoryPath.Web.Production;

/// <summary>
/// One machine over one minute as its gateway reported it (the edge's KpiMinute): ISO 22400-2 time elements in
/// milliseconds, quantities and energy. Dashboards sum these over any period and group of machines. Stored once per
/// (gateway, asset path, minute); a minute sent again replaces the stored one.
/// </summary>
public sealed class ProductionMinute
{
    public long Id { get; set; }
    public string GatewayId { get; set; } = "";
    /// <summary>The gateway's enterprise, kept on the row so an enterprise's dashboards read one index range.</summary>
    public Guid EnterpriseId { get; set; }
    public string AssetPath { get; set; } = "";
    /// <summary>UTC, on a whole minute.</summary>
    public DateTime PeriodStart { get; set; }
    public string? Shift { get; set; }
    public long PlannedBusyMs { get; set; }
    public long RunningMs { get; set; }
    public long DownMs { get; set; }
    public long SetupMs { get; set; }
    public long IdleMs { get; set; }
    public long UnknownMs { get; set; }
    public int DownStarts { get; set; }
    public bool DownCarriedIn { get; set; }
    public long Good { get; set; }
    public long Scrap { get; set; }
    public double? EnergyKwh { get; set; }
    public double IdealCycleSeconds { get; set; }
    /// <summary>IdealCycleSeconds × (Good + Scrap), kept so effectiveness over many minutes is one SQL sum.</summary>
    public double IdealProductionSeconds { get; set; }
}

/// <summary>Down time of one machine in one minute for one reason code (the rows behind the downtime Pareto).</summary>
public sealed class ProductionDownTime
{
    public long Id { get; set; }
    public string GatewayId { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string AssetPath { get; set; } = "";
    public DateTime PeriodStart { get; set; }
    public int Reason { get; set; }
    public long DownMs { get; set; }
}

/// <summary>
/// The minutes of one machine in one UTC hour and one shift, summed when they are stored: what the dashboards read for
/// whole hours, so a month is 720 rows per machine instead of 43,200. Rebuilt from the hour's minutes whenever one of them
/// arrives or is replaced. <see cref="Shift"/> is "" for minutes outside every shift (a key column is never null).
/// </summary>
public sealed class ProductionHour
{
    public long Id { get; set; }
    public string GatewayId { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string AssetPath { get; set; } = "";
    /// <summary>UTC, on a whole hour.</summary>
    public DateTime HourStart { get; set; }
    public string Shift { get; set; } = "";
    /// <summary>The first minute of the hour in this shift (a shift may begin mid-hour).</summary>
    public DateTime FirstMinute { get; set; }
    public int Minutes { get; set; }
    public long PlannedBusyMs { get; set; }
    public long RunningMs { get; set; }
    public long DownMs { get; set; }
    public long SetupMs { get; set; }
    public long IdleMs { get; set; }
    public long UnknownMs { get; set; }
    public long Good { get; set; }
    public long Scrap { get; set; }
    public double? EnergyKwh { get; set; }
    public double IdealProductionSeconds { get; set; }
}

/// <summary>Down time of one machine in one UTC hour for one reason code, summed from its minutes.</summary>
public sealed class ProductionDownHour
{
    public long Id { get; set; }
    public string GatewayId { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string AssetPath { get; set; } = "";
    public DateTime HourStart { get; set; }
    public int Reason { get; set; }
    public long DownMs { get; set; }
}
