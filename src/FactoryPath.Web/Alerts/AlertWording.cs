using System.Globalization;
using FactoryPath.Edge.Model;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Alerts;

/// <summary>How rules and values read on the pages, in the current UI language.</summary>
public static class AlertWording
{
    public static string Target(UiText t, AlertRule r)
    {
        var what = r.Target == AlertTargetKind.Kpi
            ? $"{t[$"alerts.kpi.{r.Kpi}"]} ({t.Format("alerts.rules.window", r.WindowMinutes)})"
            : t[$"gateways.role.{r.Role}"];
        var where = r.Scope == AlertScope.Machine ? r.AssetPath : r.AssetPath.Length == 0 ? t["alerts.rules.allMachines"] : t.Format("alerts.rules.under", r.AssetPath);
        return $"{what} · {where}";
    }

    public static string Condition(UiText t, AlertRule r)
    {
        if (r.Target == AlertTargetKind.Tag && r.Role == TagRole.State)
        {
            var activity = t[$"alerts.activity.{(int)r.Threshold}"];
            return t.Format(r.Operator == AlertOperator.NotEqualTo ? "alerts.state.isNot" : "alerts.state.is", activity);
        }
        var unit = r.Target == AlertTargetKind.Kpi ? (r.Kpi == AlertKpi.EnergyPerUnit ? " kWh" : " %") : "";
        return $"{t[$"alerts.op.{r.Operator}"]} {Number(r.Threshold)}{unit}";
    }

    public static string Duration(UiText t, int seconds) => seconds switch
    {
        >= 3600 when seconds % 3600 == 0 => t.Format("alerts.duration.h", seconds / 3600),
        >= 60 when seconds % 60 == 0 => t.Format("alerts.duration.min", seconds / 60),
        _ => t.Format("alerts.duration.s", seconds),
    };

    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.CurrentCulture) ?? "–";

    public static string Time(DateTime? utc) => utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";
}
