using FactoryPath.Edge.Model;

namespace FactoryPath.Web.Alerts;

/// <summary>What a rule watches: a live tag (by role) of machines, or a KPI of machines over a trailing window.</summary>
public enum AlertTargetKind { Tag, Kpi }

/// <summary>The KPIs a rule can watch, summed from the machines' KPI minutes (ISO 22400-2 via KpiTotals).</summary>
public enum AlertKpi
{
    /// <summary>OEE in percent.</summary>
    Oee,
    /// <summary>Availability (APT / PBT) in percent.</summary>
    Availability,
    /// <summary>Energy per good unit, kWh/unit.</summary>
    EnergyPerUnit,
}

/// <summary>Which machines a rule covers: one machine by its exact asset path, or every machine under a path prefix.</summary>
public enum AlertScope { Machine, Prefix }

public enum AlertOperator { GreaterThan, AtLeast, LessThan, AtMost, EqualTo, NotEqualTo }

public enum AlertSeverity { Info, Warning, Critical }

/// <summary>
/// A threshold-and-duration rule of one enterprise: it fires for a machine when the condition on the target has held
/// continuously for <see cref="DurationSeconds"/>, and clears when it no longer holds.
/// </summary>
public sealed class AlertRule
{
    public Guid Id { get; set; }
    public Guid EnterpriseId { get; set; }
    /// <summary>The name as the user typed it; null for a built-in rule still named by <see cref="NameKey"/>.</summary>
    public string? Name { get; set; }
    /// <summary>Interface text key of a built-in rule's name (shown in the viewer's language).</summary>
    public string? NameKey { get; set; }
    public AlertTargetKind Target { get; set; }
    /// <summary>The tag role watched (tag rules).</summary>
    public TagRole? Role { get; set; }
    /// <summary>The KPI watched (KPI rules).</summary>
    public AlertKpi? Kpi { get; set; }
    /// <summary>The trailing window a KPI is taken over, in minutes (KPI rules).</summary>
    public int? WindowMinutes { get; set; }
    public AlertScope Scope { get; set; }
    /// <summary>Exact asset path (<see cref="AlertScope.Machine"/>) or a prefix of whole levels; empty prefix: every machine.</summary>
    public string AssetPath { get; set; } = "";
    public AlertOperator Operator { get; set; }
    public double Threshold { get; set; }
    public int DurationSeconds { get; set; }
    public AlertSeverity Severity { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public AlertCondition Condition => new(Operator, Threshold, TimeSpan.FromSeconds(DurationSeconds));

    /// <summary>Whether a machine at <paramref name="assetPath"/> is covered (a prefix matches whole levels only).</summary>
    public bool Covers(string assetPath) => Scope == AlertScope.Machine
        ? string.Equals(assetPath, AssetPath, StringComparison.Ordinal)
        : AssetPath.Length == 0 || string.Equals(assetPath, AssetPath, StringComparison.Ordinal)
            || assetPath.StartsWith(AssetPath.TrimEnd('/') + "/", StringComparison.Ordinal);
}
