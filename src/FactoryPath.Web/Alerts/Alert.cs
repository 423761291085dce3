namespace FactoryPath.Web.Alerts;

/// <summary>Why an alert is no longer active.</summary>
public enum AlertEnd
{
    /// <summary>The condition no longer held (a good value said so).</summary>
    Cleared,
    /// <summary>Its rule was edited, disabled or deleted; the condition is evaluated afresh.</summary>
    RuleChanged,
}

/// <summary>
/// One time a rule fired for one machine: when the condition began to hold, when it had held long enough (raised), when it
/// stopped holding (cleared) and who acknowledged it. The rule's name and severity are copied so the history stays
/// readable after the rule changes or is deleted.
/// </summary>
public sealed class Alert
{
    public long Id { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid? RuleId { get; set; }
    public string? RuleName { get; set; }
    public string? RuleNameKey { get; set; }
    public AlertSeverity Severity { get; set; }
    /// <summary>The machine's asset path (for KPI and tag rules alike).</summary>
    public string Subject { get; set; } = "";
    public string? GatewayId { get; set; }
    /// <summary>When the condition began to hold (the first sample that satisfied it).</summary>
    public DateTime Since { get; set; }
    public DateTime RaisedAt { get; set; }
    public double? RaisedValue { get; set; }
    public double? LastValue { get; set; }
    public DateTime? ClearedAt { get; set; }
    public AlertEnd? End { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AckComment { get; set; }

    public bool IsActive => ClearedAt is null;
}

/// <summary>
/// Where a rule stands for one machine between samples, stored so a restart of the platform continues where it was: the
/// condition's start while it holds, the time of the last usable observation and the open alert.
/// </summary>
public sealed class AlertRuleState
{
    public Guid RuleId { get; set; }
    public string Subject { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string? GatewayId { get; set; }
    public DateTime? Since { get; set; }
    public DateTime? LastAt { get; set; }
    public double? LastValue { get; set; }
    public long? OpenAlertId { get; set; }

    public ConditionState ToState() => new(Since, LastAt, LastValue, OpenAlertId is not null);
}
