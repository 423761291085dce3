using System.Globalization;
using System.Text.Json;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Regional;

/// <summary>
/// Every table of the regional console, in the order the page, the report and the workbook show them. Headers and titles
/// are the interface texts (Localization/Text), so screen and files say the same.
/// </summary>
public static partial class RegionTables
{
    private static readonly UiText Texts = new();
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en");

    public static readonly IReadOnlyList<RegionTableDefinition> All =
    [
        new("district", Text("region.byDistrict"),
            [new("district", Text("region.district"), RegionColumnKind.Label), new("registered", Text("region.registered"), RegionColumnKind.Count), new("assessed", Text("region.assessed"), RegionColumnKind.Count)],
            (s, zh) => RegionTableGroup.Single(s.ByDistrict.Select(r => new RegionTableRow(r.Code,
                [RegionCell.Label(RegionName(r.Code, r.NameZh, r.NameEn, zh), r.CanDrillDown ? $"/region/{r.Code}" : null), RegionCell.Of(r.Registered), RegionCell.Of(r.Assessed)])))),
        new("industry", Text("region.byIndustry"),
            [new("industry", Text("profile.industry"), RegionColumnKind.Label), new("registered", Text("region.registered"), RegionColumnKind.Count), new("assessed", Text("region.assessed"), RegionColumnKind.Count)],
            (s, zh) => RegionTableGroup.Single(s.ByIndustry.Select(r => new RegionTableRow(r.Code,
                [RegionCell.Label(r.NameZh is null ? r.Code : $"{r.Code} {Pick(zh, r.NameZh, r.NameEn)}"), RegionCell.Of(r.Registered), RegionCell.Of(r.Assessed)])))),
        new("levels", Text("region.levels"),
            [new("level", Text("region.level"), RegionColumnKind.Label), new("enterprises", Text("region.enterprises"), RegionColumnKind.Count)],
            (s, zh) => s.Levels.Select(m => new RegionTableGroup(m.ModelId, ModelName(s, m.ModelId, zh), $"{Get("region.assessed", zh)} {m.Assessed.Text}",
                m.Levels.Select(l => new RegionTableRow(l.Level.ToString(CultureInfo.InvariantCulture),
                    [RegionCell.Label(string.Format(Culture(zh), Get("region.levelN", zh), l.Level)), RegionCell.Of(l.Enterprises)])).ToList())).ToList())
        {
            GroupHeader = Text("region.export.model"),
            Empty = Text("region.levels.empty"),
            Chart = CountsChart("enterprises"),
        },
        TrendTable(),
        IndicatorsTable(),
        new("rates", Text("region.rates"),
            [new("indicator", Text("region.rates.indicator"), RegionColumnKind.Label), new("percent", Text("region.rates.percent"), RegionColumnKind.Percent), new("enterprises", Text("region.enterprises"), RegionColumnKind.Count)],
            (s, zh) => RegionTableGroup.Single(s.Rates.Select(r => new RegionTableRow(r.QuestionId,
                [RegionCell.Label(Pick(zh, r.NameZh, r.NameEn)), RegionCell.Percent(r.Percent, r.Enterprises.Suppressed), RegionCell.Of(r.Enterprises)]))))
        {
            Lead = Text("region.rates.lead"),
            Empty = Text("region.levels.empty"),
        },
        HeatTable(),
        new("gaps", Text("region.gaps"),
            [new("question", Text("region.gaps.question"), RegionColumnKind.Label), new("enterprises", Text("region.enterprises"), RegionColumnKind.Count)],
            (s, zh) => s.Gaps.GroupBy(g => g.ModelId).Select(m => new RegionTableGroup(m.Key, ModelName(s, m.Key, zh), null,
                m.Select(g => new RegionTableRow(g.NodeId, [RegionCell.Label(Pick(zh, g.NameZh, g.NameEn)), RegionCell.Of(g.Enterprises)])).ToList())).ToList())
        {
            Lead = Text("region.gaps.lead"),
            GroupHeader = Text("region.export.model"),
            Empty = Text("region.levels.empty"),
        },
        new("market", Text("region.market"),
            [new("stage", Text("region.export.stage"), RegionColumnKind.Label), new("demands", Text("region.market.demands"), RegionColumnKind.Count), new("enterprises", Text("region.enterprises"), RegionColumnKind.Count)],
            (s, zh) => RegionTableGroup.Single(new (string Key, string Text, MarketStage Stage)[]
            {
                ("posted", "region.market.posted", s.Market.Posted), ("matched", "region.market.matched", s.Market.Matched),
                ("with-proposals", "region.market.withProposals", s.Market.WithProposals), ("accepted", "region.market.accepted", s.Market.Accepted),
            }.Select(m => new RegionTableRow(m.Key, [RegionCell.Label(Get(m.Text, zh)), RegionCell.Of(m.Stage.Demands), RegionCell.Of(m.Stage.Enterprises)])))),
        SolutionsTable(),
        RecognitionsTable(),
    ];

    /// <summary>The definition with this key, or null (keys are lower case, e.g. "district").</summary>
    public static RegionTableDefinition? Find(string? key) => All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.Ordinal));

    /// <summary>Every table for a summary in one language.</summary>
    public static IReadOnlyList<RegionTable> Build(RegionSummary summary, bool chinese) => All.Select(d => d.For(summary, chinese)).ToList();

    /// <summary>
    /// A bar chart per group over the first column's labels, of the count column <paramref name="columnKey"/>
    /// (wwwroot/js/charts.js "counts"); a suppressed count is an empty bar labelled "&lt;5".
    /// </summary>
    public static Func<RegionTable, RegionTableGroup, string?> CountsChart(string columnKey) => (table, group) =>
    {
        var column = table.Columns.ToList().FindIndex(c => c.Key == columnKey);
        if (column < 0 || group.Rows.Count == 0) return null;
        return JsonSerializer.Serialize(new
        {
            type = "counts",
            categories = group.Rows.Select(r => r.Cells[0].Text).ToArray(),
            values = group.Rows.Select(r => r.Cells[column].Number).ToArray(),
            suppressedLabel = $"<{Suppression.MinimumEnterprises}",
        });
    };

    /// <summary>An interface text in both languages.</summary>
    public static LocalizedText Text(string key) => new(Texts.Get(key, Zh), Texts.Get(key, En));

    private static string Get(string key, bool chinese) => Texts.Get(key, Culture(chinese));

    private static CultureInfo Culture(bool chinese) => chinese ? Zh : En;

    private static string Pick(bool chinese, string zh, string? en) => chinese || string.IsNullOrEmpty(en) ? zh : en;

    // prefectures have no English name in the catalogue: the Chinese one stands in
    internal static string RegionName(string code, string? zh, string? en, bool chinese) => zh is null ? code : $"{Pick(chinese, zh, en)} ({code})";

    private static string ModelName(RegionSummary s, string modelId, bool chinese) =>
        s.Levels.FirstOrDefault(l => l.ModelId == modelId) is { NameZh: { } zh } m ? Pick(chinese, zh, m.NameEn) : modelId;
}
