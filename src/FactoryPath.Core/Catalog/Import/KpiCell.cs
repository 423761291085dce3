using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Catalog.Import;

/// <summary>
/// The KPI changes of a case in one cell: items <c>indicator:change%</c>, optionally followed by
/// <c>:before:after:unit</c>, separated like any list cell — e.g. <c>production_efficiency:+30%;carbon:-12%</c> or
/// <c>energy_per_unit:-15%:0.82:0.70:吨标煤/万元</c>.
/// </summary>
public static class KpiCell
{
    public static bool TryParse(string cell, out List<KpiChangeInput> kpis, out EnterpriseMessage? error)
    {
        kpis = [];
        error = null;
        foreach (var item in ListCell.Split(cell))
        {
            var parts = item.Split([':', '：']).Select(p => p.Trim()).ToArray();
            if (parts.Length is < 2 or > 5 || parts[0].Length == 0)
            {
                error = new EnterpriseMessage("kpis.format",
                    $"成效指标 '{item}' 的格式应为 指标:变化%（可再加 :改造前:改造后:单位）",
                    $"KPI '{item}' should read indicator:change% (optionally :before:after:unit)");
                return false;
            }

            if (!CellValues.TryDouble(parts[1], out var change, out error)
                || !CellValues.TryDouble(parts.ElementAtOrDefault(2) ?? "", out var before, out error)
                || !CellValues.TryDouble(parts.ElementAtOrDefault(3) ?? "", out var after, out error))
            {
                return false;
            }

            var unit = parts.ElementAtOrDefault(4);
            kpis.Add(new KpiChangeInput(parts[0], before, after, string.IsNullOrEmpty(unit) ? null : unit, change));
        }

        return true;
    }

    public static string Format(IEnumerable<(string Indicator, double? Before, double? After, string? Unit, double ChangePercent)> kpis) =>
        ListCell.Join(kpis.Select(k =>
        {
            var change = (k.ChangePercent > 0 ? "+" : "") + CellValues.Show(k.ChangePercent) + "%";
            return k.Before is null && k.After is null && string.IsNullOrEmpty(k.Unit)
                ? $"{k.Indicator}:{change}"
                : $"{k.Indicator}:{change}:{CellValues.Show(k.Before)}:{CellValues.Show(k.After)}:{k.Unit}";
        }));
}
