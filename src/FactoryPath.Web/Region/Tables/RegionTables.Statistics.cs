using System.Globalization;
using System.Text.Json;

namespace FactoryPath.Web.Regional;

/// <summary>The console tables of the indicator rates, the level trend and the scene × industry heat map.</summary>
public static partial class RegionTables
{
    /// <summary>The indicators of the issue's list, each with its model, pooled value, enterprises and how it is computed (proxies marked).</summary>
    private static RegionTableDefinition IndicatorsTable() => new("indicators", Text("region.indicators"),
        [new("indicator", Text("region.rates.indicator"), RegionColumnKind.Label), new("model", Text("region.indicators.model"), RegionColumnKind.Label),
         new("percent", Text("region.rates.percent"), RegionColumnKind.Percent), new("enterprises", Text("region.enterprises"), RegionColumnKind.Count),
         new("method", Text("region.indicators.method"), RegionColumnKind.Label)],
        (s, zh) => RegionTableGroup.Single(s.Indicators.Select(i => new RegionTableRow($"{i.IndicatorId}:{i.ModelId}",
        [
            RegionCell.Label(Pick(zh, i.NameZh, i.NameEn) + (i.Proxy ? $" ({Get("region.indicators.proxy", zh)})" : "")),
            RegionCell.Label(ModelName(s, i.ModelId, zh)),
            RegionCell.Percent(i.Percent, i.Enterprises.Suppressed),
            RegionCell.Of(i.Enterprises),
            RegionCell.Label(MethodText(i, zh) + (string.IsNullOrEmpty(i.NoteZh) ? "" : " — " + Pick(zh, i.NoteZh, i.NoteEn))),
        ]))))
    {
        Lead = Text("region.indicators.lead"),
        Empty = Text("region.levels.empty"),
    };

    /// <summary>Per model, enterprises per level at each month's end; the levels are the columns (all models' levels together).</summary>
    private static RegionTableDefinition TrendTable() => new("trend", Text("region.trend"),
        [new("month", Text("region.trend.month"), RegionColumnKind.Label), new("assessed", Text("region.assessed"), RegionColumnKind.Count)],
        (s, zh) =>
        {
            var levels = TrendLevels(s);
            return s.LevelTrend.Select(t => new RegionTableGroup(t.ModelId, Pick(zh, t.NameZh ?? t.ModelId, t.NameEn), null,
                t.Months.Select(m => new RegionTableRow(m.Month,
                    [RegionCell.Label(m.Month), .. levels.Select(l => m.Levels.FirstOrDefault(c => c.Level == l) is { } c ? RegionCell.Of(c.Enterprises) : RegionCell.Label("–")),
                     RegionCell.Of(m.Assessed)])).ToList())).ToList();
        })
    {
        Lead = Text("region.trend.lead"),
        GroupHeader = Text("region.export.model"),
        Empty = Text("region.levels.empty"),
        ColumnsFor = s => [new("month", Text("region.trend.month"), RegionColumnKind.Label),
            .. TrendLevels(s).Select(l => new RegionColumn($"level-{l}", LevelText(l), RegionColumnKind.Count)),
            new("assessed", Text("region.assessed"), RegionColumnKind.Count)],
        Chart = (table, group) => group.Rows.Count == 0 ? null : JsonSerializer.Serialize(new
        {
            type = "trend",
            categories = group.Rows.Select(r => r.Cells[0].Text).ToArray(),
            series = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key.StartsWith("level-", StringComparison.Ordinal))
                .Select(x => new { name = x.c.HeaderIn(table.Chinese), values = group.Rows.Select(r => r.Cells[x.i].Number).ToArray() }).ToArray(),
        }),
    };

    /// <summary>Per model, the mean score share of each scene in each industry division (divisions are the columns).</summary>
    private static RegionTableDefinition HeatTable() => new("heat", Text("region.heat"),
        [new("scene", Text("region.heat.scene"), RegionColumnKind.Label)],
        (s, zh) =>
        {
            var divisions = HeatDivisions(s);
            return s.SceneMaturity.GroupBy(c => c.ModelId).Select(model => new RegionTableGroup(model.Key, ModelName(s, model.Key, zh), null,
                model.Select(c => (c.SceneId, c.SceneNameZh, c.SceneNameEn)).Distinct().Select(scene => new RegionTableRow(scene.SceneId,
                    [RegionCell.Label(Pick(zh, scene.SceneNameZh, scene.SceneNameEn)), .. divisions.Select(d =>
                        model.FirstOrDefault(c => c.SceneId == scene.SceneId && c.Division == d.Code) is not { } cell ? RegionCell.Label("–")
                        : cell.MeanPercent is { } mean ? RegionCell.Percent(mean, false)
                        : new RegionCell(cell.Enterprises.Text, null, true))])).ToList())).ToList();
        })
    {
        Lead = Text("region.heat.lead"),
        GroupHeader = Text("region.export.model"),
        Empty = Text("region.levels.empty"),
        ColumnsFor = s => [new("scene", Text("region.heat.scene"), RegionColumnKind.Label),
            .. HeatDivisions(s).Select(d => new RegionColumn(d.Code, d.Name, RegionColumnKind.Percent))],
        Chart = (table, group) => group.Rows.Count == 0 ? null : JsonSerializer.Serialize(new
        {
            type = "heatmap",
            x = table.Columns.Skip(1).Select(c => c.HeaderIn(table.Chinese)).ToArray(),
            y = group.Rows.Select(r => r.Cells[0].Text).ToArray(),
            cells = group.Rows.SelectMany((r, y) => r.Cells.Skip(1).Select((c, x) => new object?[] { x, y, c.Number }))
                .Where(c => c[2] is not null).ToArray(),
        }),
    };

    private static List<int> TrendLevels(RegionSummary s) => s.LevelTrend.SelectMany(t => t.Levels).Distinct().Order().ToList();

    private static List<(string Code, Core.Assessment.LocalizedText Name)> HeatDivisions(RegionSummary s) =>
        s.SceneMaturity.GroupBy(c => c.Division).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First() is var c && c.DivisionNameZh is { } dz
                ? new Core.Assessment.LocalizedText($"{g.Key} {dz}", $"{g.Key} {c.DivisionNameEn ?? dz}")
                : new Core.Assessment.LocalizedText(g.Key, g.Key))).ToList();

    private static Core.Assessment.LocalizedText LevelText(int level) => new(
        string.Format(Zh, Texts.Get("region.levelN", Zh), level), string.Format(En, Texts.Get("region.levelN", En), level));

    private static string MethodText(IndicatorValue i, bool chinese) => i.Method == "share-at-least"
        ? string.Format(Culture(chinese), Get("region.indicators.method.share-at-least", chinese), (i.AtLeast ?? 1) * 100)
        : Get($"region.indicators.method.{i.Method}", chinese);
}
