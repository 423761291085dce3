namespace FactoryPath.Edge.Model;

/// <summary>What a tag means to production KPIs; the configuration gives each tag one role.</summary>
public enum TagRole
{
    /// <summary>Machine state code (running, idle, down, changeover …).</summary>
    State,

    /// <summary>Cumulative counter of good parts.</summary>
    GoodCount,

    /// <summary>Cumulative counter of scrap parts.</summary>
    ScrapCount,

    /// <summary>Last cycle time in seconds.</summary>
    CycleTime,

    /// <summary>Active power in kW.</summary>
    PowerKw,

    /// <summary>Cumulative energy in kWh.</summary>
    EnergyKwh,

    /// <summary>Alarm active (non-zero) or alarm code.</summary>
    Alarm,

    /// <summary>Down-time reason code, meaningful while the state is down.</summary>
    DownReason,

    Temperature,
    Pressure,
    Speed,

    /// <summary>Any other measurement.</summary>
    Other,
}
