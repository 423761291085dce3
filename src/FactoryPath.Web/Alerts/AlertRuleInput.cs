using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Alerts;

/// <summary>A rule as the API and the form send it; every field is checked by <see cref="AlertRuleInput.Validate"/>.</summary>
public sealed record AlertRuleInput(
    string? Name,
    AlertTargetKind? Target,
    TagRole? Role,
    AlertKpi? Kpi,
    int? WindowMinutes,
    AlertScope? Scope,
    string? AssetPath,
    AlertOperator? Operator,
    double? Threshold,
    int? DurationSeconds,
    AlertSeverity? Severity,
    bool? Enabled)
{
    public const int MaxDurationSeconds = 7 * 24 * 3600;
    public const int MinWindowMinutes = 5;
    public const int MaxWindowMinutes = 7 * 24 * 60;

    /// <summary>
    /// Field errors in the current UI language (empty when the input is a valid rule). <paramref name="builtInName"/>: the
    /// rule being edited is a built-in one, so an empty name keeps its built-in name.
    /// </summary>
    public Dictionary<string, string[]> Validate(UiText text, bool builtInName = false)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string key, params object?[] args) =>
            errors.TryAdd(field, [args.Length == 0 ? text[key] : text.Format(key, args)]);

        var name = Name?.Trim() ?? "";
        if (name.Length == 0 && !builtInName) Add("name", "alerts.error.name");
        if (name.Length > 100) Add("name", "alerts.error.name");

        switch (Target)
        {
            case null:
                Add("target", "alerts.error.target");
                break;
            case AlertTargetKind.Tag:
                if (Role is null || !Enum.IsDefined(Role.Value)) Add("role", "alerts.error.role");
                if (Kpi is not null) Add("kpi", "alerts.error.kpiOnlyForKpi");
                if (WindowMinutes is not null) Add("windowMinutes", "alerts.error.windowOnlyForKpi");
                break;
            case AlertTargetKind.Kpi:
                if (Kpi is null || !Enum.IsDefined(Kpi.Value)) Add("kpi", "alerts.error.kpi");
                if (Role is not null) Add("role", "alerts.error.roleOnlyForTag");
                if (WindowMinutes is not { } w || w < MinWindowMinutes || w > MaxWindowMinutes) Add("windowMinutes", "alerts.error.window", MinWindowMinutes, MaxWindowMinutes);
                break;
            default:
                Add("target", "alerts.error.target");
                break;
        }

        CheckScope(Add);

        if (Operator is null || !Enum.IsDefined(Operator.Value)) Add("operator", "alerts.error.operator");
        if (Threshold is not { } threshold || !double.IsFinite(threshold))
        {
            Add("threshold", "alerts.error.threshold");
        }
        else if (Target == AlertTargetKind.Tag && Role == TagRole.State)
        {
            // a state is a code, not a measurement: "is" or "is not" one of the machine activities
            if (Operator is not (null or AlertOperator.EqualTo or AlertOperator.NotEqualTo)) Add("operator", "alerts.error.stateOperator");
            if (threshold is < (int)MachineActivity.Running or > (int)MachineActivity.Changeover || threshold != Math.Floor(threshold)) Add("threshold", "alerts.error.state");
        }
        else if (Target == AlertTargetKind.Kpi && Kpi is AlertKpi.Oee or AlertKpi.Availability && threshold is < 0 or > 100)
        {
            Add("threshold", "alerts.error.percent");
        }
        else if (Target == AlertTargetKind.Kpi && Kpi == AlertKpi.EnergyPerUnit && threshold < 0)
        {
            Add("threshold", "alerts.error.energy");
        }

        if (DurationSeconds is not { } d || d < 0 || d > MaxDurationSeconds) Add("durationSeconds", "alerts.error.duration", MaxDurationSeconds);
        if (Severity is null || !Enum.IsDefined(Severity.Value)) Add("severity", "alerts.error.severity");
        return errors;
    }

    private void CheckScope(Action<string, string, object?[]> add)
    {
        var path = AssetPath?.Trim() ?? "";
        switch (Scope)
        {
            case AlertScope.Machine:
                if (FactoryPath.Edge.Model.AssetPath.TryParse(path, out _) is null || path.Length > 300) add("assetPath", "alerts.error.machinePath", []);
                break;
            case AlertScope.Prefix:
                var levels = path.TrimEnd('/').Split('/');
                if (path.Length > 300 || (path.Length > 0 && (levels.Length > 6 || levels.Any(l => l.Length == 0 || l.Trim() != l || l.Contains('+') || l.Contains('#')))))
                    add("assetPath", "alerts.error.prefix", []);
                break;
            default:
                add("scope", "alerts.error.scope", []);
                break;
        }
    }

    /// <summary>Copies a valid input onto a rule.</summary>
    public void ApplyTo(AlertRule rule)
    {
        var name = Name?.Trim() ?? "";
        rule.Name = name.Length == 0 ? null : name;
        if (rule.Name is not null) rule.NameKey = null;
        rule.Target = Target!.Value;
        rule.Role = Target == AlertTargetKind.Tag ? Role : null;
        rule.Kpi = Target == AlertTargetKind.Kpi ? Kpi : null;
        rule.WindowMinutes = Target == AlertTargetKind.Kpi ? WindowMinutes : null;
        rule.Scope = Scope!.Value;
        rule.AssetPath = Scope == AlertScope.Prefix ? (AssetPath?.Trim() ?? "").TrimEnd('/') : AssetPath!.Trim();
        rule.Operator = Operator!.Value;
        rule.Threshold = Threshold!.Value;
        rule.DurationSeconds = DurationSeconds!.Value;
        rule.Severity = Severity!.Value;
        rule.Enabled = Enabled ?? true;
    }

    public static AlertRuleInput From(AlertRule rule) => new(rule.Name, rule.Target, rule.Role, rule.Kpi, rule.WindowMinutes, rule.Scope, rule.AssetPath,
        rule.Operator, rule.Threshold, rule.DurationSeconds, rule.Severity, rule.Enabled);
}
