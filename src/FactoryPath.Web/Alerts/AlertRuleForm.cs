using System.Globalization;
using FactoryPath.Edge.Model;

namespace FactoryPath.Web.Alerts;

/// <summary>The rule form's fields as posted (text); <see cref="ToInput"/> reads them into an <see cref="AlertRuleInput"/> for validation.</summary>
public sealed class AlertRuleForm
{
    public string? Name { get; set; }
    public string? Target { get; set; } = nameof(AlertTargetKind.Tag);
    public string? Role { get; set; } = nameof(TagRole.State);
    public string? Kpi { get; set; } = nameof(AlertKpi.Oee);
    public string? WindowMinutes { get; set; } = "60";
    public string? Scope { get; set; } = nameof(AlertScope.Prefix);
    public string? AssetPath { get; set; }
    public string? Operator { get; set; } = nameof(AlertOperator.EqualTo);
    public string? Threshold { get; set; } = "3";
    public string? DurationSeconds { get; set; } = "600";
    public string? Severity { get; set; } = nameof(AlertSeverity.Warning);
    public bool Enabled { get; set; } = true;

    public static AlertRuleForm From(AlertRule r) => new()
    {
        Name = r.Name,
        Target = r.Target.ToString(),
        Role = r.Role?.ToString() ?? nameof(TagRole.State),
        Kpi = r.Kpi?.ToString() ?? nameof(AlertKpi.Oee),
        WindowMinutes = (r.WindowMinutes ?? 60).ToString(CultureInfo.InvariantCulture),
        Scope = r.Scope.ToString(),
        AssetPath = r.AssetPath,
        Operator = r.Operator.ToString(),
        Threshold = r.Threshold.ToString(CultureInfo.InvariantCulture),
        DurationSeconds = r.DurationSeconds.ToString(CultureInfo.InvariantCulture),
        Severity = r.Severity.ToString(),
        Enabled = r.Enabled,
    };

    /// <summary>The input the form describes; fields of the other target kind are left out (the form shows both).</summary>
    public AlertRuleInput ToInput()
    {
        var target = Parse<AlertTargetKind>(Target);
        return new AlertRuleInput(
            Name,
            target,
            target == AlertTargetKind.Tag ? Parse<TagRole>(Role) : null,
            target == AlertTargetKind.Kpi ? Parse<AlertKpi>(Kpi) : null,
            target == AlertTargetKind.Kpi ? Int(WindowMinutes) : null,
            Parse<AlertScope>(Scope),
            AssetPath,
            Parse<AlertOperator>(Operator),
            double.TryParse(Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null,
            Int(DurationSeconds),
            Parse<AlertSeverity>(Severity),
            Enabled);
    }

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(text, out _) ? v : null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
