using FactoryPath.Core.Assessment;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>The region a set of statistics covers, with its parent when the viewer may go up to it.</summary>
public sealed record RegionRef(string Code, RegionLevel Level, string? NameZh, string? NameEn, string? ParentCode);

/// <summary>One row of a breakdown: a sub-region or an industry division, enterprises registered and assessed.</summary>
public sealed record BreakdownRow(string Code, string? NameZh, string? NameEn, StatCell Registered, StatCell Assessed, bool CanDrillDown);

public sealed record LevelCount(int Level, StatCell Enterprises);

/// <summary>Latest results of one model in the region: how many enterprises, and how many reached each level.</summary>
public sealed record ModelLevels(string ModelId, string? NameZh, string? NameEn, StatCell Assessed, IReadOnlyList<LevelCount> Levels);

/// <summary>A question or indicator below full marks in the latest results of <see cref="Enterprises"/> enterprises.</summary>
public sealed record GapCount(string ModelId, string NodeId, string NameZh, string NameEn, StatCell Enterprises);

/// <summary>Demands of the region's enterprises at one stage, and how many enterprises posted them.</summary>
public sealed record MarketStage(StatCell Demands, StatCell Enterprises);

public sealed record MarketCounts(MarketStage Posted, MarketStage Matched, MarketStage WithProposals, MarketStage Accepted);

/// <summary>
/// A rate indicator of a model (a band question with a rate, e.g. equipment networking) pooled over the region: the sum
/// of the numerators over the sum of the denominators of the latest results that answer it, in percent. Null and
/// suppressed when fewer than five enterprises answered it.
/// </summary>
public sealed record IndicatorRate(string ModelId, string QuestionId, string NameZh, string NameEn, StatCell Enterprises, double? Percent);

public sealed record RegionTotals(StatCell Registered, StatCell Assessed);

/// <summary>
/// One indicator of <see cref="RegionIndicators"/> as one model measures it over the region: the pooled rate, mean score
/// share or share of enterprises at or above <see cref="AtLeast"/> of the node's maximum, in percent; <see cref="Proxy"/>
/// when the model asks no direct question and the closest one stands in (the note says which and why). Null and
/// suppressed when fewer than five enterprises stand behind it.
/// </summary>
public sealed record IndicatorValue(string IndicatorId, string NameZh, string NameEn, string ModelId, string NodeKind, string NodeId, string Method,
    double? AtLeast, bool Proxy, string NoteZh, string NoteEn, StatCell Enterprises, double? Percent);

/// <summary>Enterprises per level of their latest result at the end of one month (yyyy-MM, UTC).</summary>
public sealed record LevelMonth(string Month, StatCell Assessed, IReadOnlyList<LevelCount> Levels);

/// <summary>The level distribution of one model month by month.</summary>
public sealed record LevelTrend(string ModelId, string? NameZh, string? NameEn, IReadOnlyList<int> Levels, IReadOnlyList<LevelMonth> Months);

/// <summary>
/// One cell of the scene × industry heat map: the latest results of a model in one GB/T 4754 division that rate the
/// scene, their mean level as a percentage of the highest level, and the percentage at half the highest level or above.
/// </summary>
public sealed record SceneMaturityCell(string ModelId, string SceneId, string SceneNameZh, string SceneNameEn, string Division,
    string? DivisionNameZh, string? DivisionNameEn, StatCell Enterprises, double? MeanPercent, double? AtHalfPercent);

public sealed record RegionSummary(
    RegionRef Region, RegionTotals Totals, IReadOnlyList<BreakdownRow> ByDistrict, IReadOnlyList<BreakdownRow> ByIndustry,
    IReadOnlyList<ModelLevels> Levels, IReadOnlyList<GapCount> Gaps, MarketCounts Market, IReadOnlyList<IndicatorRate> Rates, int MinimumCell)
{
    /// <summary>The five indicator rates of the issue, per model (<see cref="RegionIndicators"/>).</summary>
    public IReadOnlyList<IndicatorValue> Indicators { get; init; } = [];

    /// <summary>Level distribution per model at the end of each of the last twelve months.</summary>
    public IReadOnlyList<LevelTrend> LevelTrend { get; init; } = [];

    /// <summary>Scene maturity per industry division (heat map cells).</summary>
    public IReadOnlyList<SceneMaturityCell> SceneMaturity { get; init; } = [];
}

/// <summary>
/// Statistics of the enterprises located in one region (GB/T 2260 code): a province, a prefecture (city) or a county.
/// A regional administrator may ask for its own region or any region inside it; a platform operator for any region.
/// Counts are grouped by the database; every published count of enterprises goes through <see cref="Suppression"/>.
/// </summary>
public sealed class RegionStatistics(PlatformDbContext db, ModelRegistry models, TimeProvider clock)
{
    /// <summary>How many of the most common gaps are listed per model.</summary>
    public const int TopGaps = 10;

    /// <summary>Whether the viewer may see statistics of <paramref name="code"/>: 404 for a code that is no region, 403 outside its scope.</summary>
    public static Outcome<RegionRef> Resolve(Viewer viewer, string? code)
    {
        if (!viewer.IsPlatformAdmin && !viewer.IsRegionalAdmin)
            return Outcome<RegionRef>.Forbidden(Localization.UiText.Pick("只有区域管理员和平台运营人员可以查看区域统计。", "Only regional administrators and platform operators see regional statistics."));
        if (!RegionCatalog.IsValidCode(code)) return Outcome<RegionRef>.NotFound();
        var trimmed = code.Trim();
        if (!viewer.IsPlatformAdmin && !RegionScope.Contains(viewer.RegionCode, trimmed))
            return Outcome<RegionRef>.Forbidden(Localization.UiText.Pick("该地区不在您的管辖范围内。", "This region lies outside your scope."));
        var level = Core.Enterprises.RegionCode.LevelOf(trimmed) ?? RegionLevel.County;
        var named = RegionCatalog.Find(trimmed);
        string? parent = level switch
        {
            RegionLevel.Prefecture => Core.Enterprises.RegionCode.ProvinceCodeOf(trimmed),
            RegionLevel.County => RegionCatalog.PrefectureOf(trimmed)?.Code ?? Core.Enterprises.RegionCode.ProvinceCodeOf(trimmed),
            _ => null,
        };
        if (parent is not null && !viewer.IsPlatformAdmin && !RegionScope.Contains(viewer.RegionCode, parent)) parent = null;
        return Outcome<RegionRef>.Ok(new RegionRef(trimmed, level, named?.NameZh, named?.NameEn, parent));
    }

    public async Task<Outcome<RegionSummary>> SummaryAsync(Viewer viewer, string? code, CancellationToken ct = default)
    {
        var resolved = Resolve(viewer, code);
        if (!resolved.IsOk) return new Outcome<RegionSummary>(resolved.Kind, null, resolved.Errors, resolved.Message);
        var region = resolved.Value!;
        var (registered, assessed) = await TotalsAsync(region, ct);
        var summary = new RegionSummary(region, new RegionTotals(Suppression.Single(registered), Suppression.Single(assessed)),
            await ByDistrictAsync(region, ct), await ByIndustryAsync(region, ct), await LevelsAsync(region, ct), await GapsAsync(region, ct),
            await MarketAsync(region, ct), await RatesAsync(region, ct), Suppression.MinimumEnterprises)
        {
            Indicators = await IndicatorsAsync(region, ct),
            LevelTrend = await LevelTrendAsync(region, ct),
            SceneMaturity = await SceneMaturityAsync(region, ct),
        };
        return Outcome<RegionSummary>.Ok(summary);
    }

    private IQueryable<Enterprise> EnterprisesIn(RegionRef region)
    {
        var (low, high) = CodeRange(region);
        return db.Enterprises.AsNoTracking().Where(e => string.Compare(e.RegionCode, low) >= 0 && string.Compare(e.RegionCode, high) <= 0);
    }

    private IQueryable<Enterprise> AssessedIn(RegionRef region) =>
        EnterprisesIn(region).Where(e => db.Results.Any(r => r.EnterpriseId == e.Id && r.IsLatest));

    private async Task<(int Registered, int Assessed)> TotalsAsync(RegionRef region, CancellationToken ct)
    {
        var cells = await CellsAsync(region, ct);
        return (cells.Sum(c => c.Registered), cells.Sum(c => c.Assessed));
    }

    /// <summary>Enterprises registered and assessed per county (or other code) and industry code of the region.</summary>
    private sealed record CountCell(string RegionCode, string IndustryCode, int Registered, int Assessed);

    /// <summary>
    /// The one grouped read behind the totals and both breakdowns: registered and assessed enterprises per region code and
    /// industry code, from the (RegionCode, IndustryCode) index; the breakdowns are sums of these cells. Kept for the request.
    /// </summary>
    private async Task<IReadOnlyList<CountCell>> CellsAsync(RegionRef region, CancellationToken ct)
    {
        if (_cells.TryGetValue(region.Code, out var cached)) return cached;
        var registered = await EnterprisesIn(region).GroupBy(e => new { e.RegionCode, e.IndustryCode })
            .Select(g => new { g.Key.RegionCode, g.Key.IndustryCode, N = g.Count() }).ToListAsync(ct);
        var assessed = (await AssessedIn(region).GroupBy(e => new { e.RegionCode, e.IndustryCode })
            .Select(g => new { g.Key.RegionCode, g.Key.IndustryCode, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(a => (a.RegionCode, a.IndustryCode), a => a.N);
        var cells = registered.Select(r => new CountCell(r.RegionCode, r.IndustryCode, r.N, assessed.GetValueOrDefault((r.RegionCode, r.IndustryCode)))).ToList();
        _cells[region.Code] = cells;
        return cells;
    }

    private readonly Dictionary<string, IReadOnlyList<CountCell>> _cells = new(StringComparer.Ordinal);

    /// <summary>Province → its prefectures (by the first four digits), prefecture → its counties, county → itself.</summary>
    public async Task<IReadOnlyList<BreakdownRow>> ByDistrictAsync(RegionRef region, CancellationToken ct = default)
    {
        var cells = await CellsAsync(region, ct);
        Func<string, string> district = region.Level switch
        {
            RegionLevel.Province => code => code[..4] + "00",
            RegionLevel.Prefecture => code => code,
            _ => _ => region.Code,
        };
        var registered = cells.GroupBy(c => district(c.RegionCode)).ToDictionary(g => g.Key, g => g.Sum(c => c.Registered));
        var assessed = cells.GroupBy(c => district(c.RegionCode)).ToDictionary(g => g.Key, g => g.Sum(c => c.Assessed));
        if (region.Level == RegionLevel.Province)
            foreach (var city in RegionCatalog.ChildrenOf(region.Code)) registered.TryAdd(city.Code, 0);
        if (region.Level == RegionLevel.County) registered.TryAdd(region.Code, 0);
        var codes = registered.Keys.Order(StringComparer.Ordinal).ToList();
        return Rows(codes, registered, assessed, c =>
        {
            var r = RegionCatalog.Find(c);
            var drill = region.Level != RegionLevel.County && c != region.Code && RegionCatalog.IsValidCode(c) && RegionScope.Contains(region.Code, c);
            return (r?.NameZh, r?.NameEn, drill);
        });
    }

    /// <summary>By GB/T 4754-2017 division (the first two digits of the industry code).</summary>
    public async Task<IReadOnlyList<BreakdownRow>> ByIndustryAsync(RegionRef region, CancellationToken ct = default)
    {
        var cells = await CellsAsync(region, ct);
        static string Division(string code) => code.Length > 2 ? code[..2] : code;
        var registered = cells.GroupBy(c => Division(c.IndustryCode)).ToDictionary(g => g.Key, g => g.Sum(c => c.Registered));
        var assessed = cells.GroupBy(c => Division(c.IndustryCode)).ToDictionary(g => g.Key, g => g.Sum(c => c.Assessed));
        var codes = registered.Keys.Order(StringComparer.Ordinal).ToList();
        return Rows(codes, registered, assessed, c => IndustryCatalog.Find(c) is { } i ? (i.NameZh, i.NameEn, false) : (null, null, false));
    }

    private static List<BreakdownRow> Rows(List<string> codes, Dictionary<string, int> registered, Dictionary<string, int> assessed,
        Func<string, (string? Zh, string? En, bool Drill)> describe)
    {
        var reg = Suppression.Group(codes.Select(c => registered.GetValueOrDefault(c)).ToList());
        var ass = Suppression.Group(codes.Select(c => assessed.GetValueOrDefault(c)).ToList());
        return codes.Select((c, i) =>
        {
            var (zh, en, drill) = describe(c);
            return new BreakdownRow(c, zh, en, reg[i], ass[i], drill);
        }).ToList();
    }

    /// <summary>Latest results per model, counted per level (one latest result per enterprise and model).</summary>
    public async Task<IReadOnlyList<ModelLevels>> LevelsAsync(RegionRef region, CancellationToken ct = default)
    {
        var counts = await (from r in db.Results.AsNoTracking()
                            join e in EnterprisesIn(region) on r.EnterpriseId equals e.Id
                            where r.IsLatest
                            group r by new { r.ModelId, r.Level } into g
                            select new { g.Key.ModelId, g.Key.Level, N = g.Count() }).ToListAsync(ct);
        return counts.GroupBy(c => c.ModelId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var model = models.Latest(g.Key);
            var levels = g.OrderBy(c => c.Level).ToList();
            var cells = Suppression.Group(levels.Select(l => l.N).ToList());
            return new ModelLevels(g.Key, model?.Name.Zh, model?.Name.En, Suppression.Single(levels.Sum(l => l.N)),
                levels.Select((l, i) => new LevelCount(l.Level, cells[i])).ToList());
        }).ToList();
    }

    /// <summary>The sums of the regional rollup of one model's node over the region (all divisions).</summary>
    private sealed record NodeTotal(string ModelId, string NodeKind, string NodeId, string NameZh, string NameEn, int Answered, int AtFull,
        int AtThreeQuarters, int AtHalf, int AtQuarter, double ShareSum, int RateEnterprises, double RateNumerator, double RateDenominator);

    private readonly Dictionary<string, IReadOnlyList<NodeTotal>> _nodeTotals = new(StringComparer.Ordinal);

    /// <summary>The rollup rows of the counties inside the region: a range of the key's leading county code.</summary>
    private IQueryable<RegionNodeStat> NodeStatsIn(RegionRef region)
    {
        var (low, high) = CodeRange(region);
        return db.Set<RegionNodeStat>().AsNoTracking().Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0);
    }

    /// <summary>
    /// The six-digit codes inside a region as an inclusive range (e.g. 330000–339999 for Zhejiang): a range uses the
    /// index on both databases under any collation, where <c>LIKE 'prefix%'</c> does not (SQLite's LIKE is case-folding
    /// and PostgreSQL's needs the C collation or a pattern operator class).
    /// </summary>
    public static (string Low, string High) CodeRange(RegionRef region)
    {
        var prefix = RegionScope.PrefixOf(region.Code);
        return (prefix.PadRight(6, '0'), prefix.PadRight(6, '9'));
    }

    /// <summary>Per model and node, the rollup summed over the region: one grouped read, shared by gaps, rates and indicators.</summary>
    private async Task<IReadOnlyList<NodeTotal>> NodeTotalsAsync(RegionRef region, CancellationToken ct)
    {
        if (_nodeTotals.TryGetValue(region.Code, out var cached)) return cached;
        await RegionStatsRebuild.EnsureAsync(db, models, ct);
        var rows = await NodeStatsIn(region)
            .GroupBy(s => new { s.ModelId, s.NodeKind, s.NodeId })
            .Select(g => new NodeTotal(g.Key.ModelId, g.Key.NodeKind, g.Key.NodeId, g.Max(x => x.NameZh)!, g.Max(x => x.NameEn)!,
                g.Sum(x => x.Answered), g.Sum(x => x.AtFull), g.Sum(x => x.AtThreeQuarters), g.Sum(x => x.AtHalf), g.Sum(x => x.AtQuarter),
                g.Sum(x => x.ShareSum), g.Sum(x => x.RateEnterprises), g.Sum(x => x.RateNumerator), g.Sum(x => x.RateDenominator)))
            .ToListAsync(ct);
        _nodeTotals[region.Code] = rows;
        return rows;
    }

    /// <summary>
    /// The questions most often below full marks in the latest results, per model, summed from the regional rollup
    /// (<see cref="RegionNodeStat"/>) that submission keeps up to date.
    /// </summary>
    public async Task<IReadOnlyList<GapCount>> GapsAsync(RegionRef region, CancellationToken ct = default)
    {
        var totals = (await NodeTotalsAsync(region, ct)).Where(t => t.NodeKind == RegionNodeStat.QuestionKind && t.Answered > 0 && t.Answered > t.AtFull);
        // below full marks + at full marks = enterprises answering: both parts form a group, so that a shown count of
        // gaps never reveals a small number of enterprises at full marks
        return totals.GroupBy(t => t.ModelId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(t => t.Answered - t.AtFull).ThenBy(t => t.NodeId, StringComparer.Ordinal).Take(TopGaps)
                .Select(t => new GapCount(t.ModelId, t.NodeId, t.NameZh, t.NameEn, Suppression.Group([t.Answered - t.AtFull, t.AtFull])[0])))
            .ToList();
    }

    /// <summary>
    /// Rate indicators (band questions with a rate) pooled over the latest results of the region: Σ numerators ÷
    /// Σ denominators of the answers, summed from the regional rollup, in the order of the model's questions.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorRate>> RatesAsync(RegionRef region, CancellationToken ct = default)
    {
        var totals = (await NodeTotalsAsync(region, ct)).Where(t => t.NodeKind == RegionNodeStat.QuestionKind && t.RateEnterprises > 0);
        return totals.OrderBy(t => t.ModelId, StringComparer.Ordinal).ThenBy(t => QuestionOrder(t.ModelId, t.NodeId)).ThenBy(t => t.NodeId, StringComparer.Ordinal)
            .Select(t =>
            {
                var cell = Suppression.Single(t.RateEnterprises);
                return new IndicatorRate(t.ModelId, t.NodeId, t.NameZh, t.NameEn, cell, cell.Suppressed ? null : Percent(t.RateNumerator, t.RateDenominator));
            }).ToList();
    }

    private static double? Percent(double numerator, double denominator) =>
        denominator > 0 ? Math.Round((double)((decimal)numerator / (decimal)denominator * 100), 1) : null;

    private int QuestionOrder(string modelId, string nodeId)
    {
        var nodes = models.Latest(modelId)?.Nodes;
        if (nodes is null) return int.MaxValue;
        for (var i = 0; i < nodes.Count; i++) if (nodes[i].Id == nodeId) return i;
        return int.MaxValue;
    }

    /// <summary>
    /// The indicator rates of <see cref="RegionIndicators"/> (equipment networking, digitalisation, data-collection
    /// coverage, digital design tools, numerical control of key processes) over the latest results of the region, one
    /// value per indicator and model that asks for it.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorValue>> IndicatorsAsync(RegionRef region, CancellationToken ct = default)
    {
        var totals = (await NodeTotalsAsync(region, ct)).ToDictionary(t => (t.ModelId, t.NodeKind, t.NodeId));
        var values = new List<IndicatorValue>();
        foreach (var indicator in RegionIndicators.All)
        {
            foreach (var source in indicator.Sources)
            {
                if (models.Latest(source.Model) is null) continue;
                var t = totals.GetValueOrDefault((source.Model, source.Kind, source.Node));
                (int n, double? percent) = source.Method switch
                {
                    IndicatorMethod.PooledRate => (t?.RateEnterprises ?? 0, t is null ? (double?)null : Percent(t.RateNumerator, t.RateDenominator)),
                    IndicatorMethod.MeanShare => (t?.Answered ?? 0, t is { Answered: > 0 } ? Math.Round(t.ShareSum / t.Answered * 100, 1) : (double?)null),
                    _ => (t?.Answered ?? 0, t is { Answered: > 0 } ? Math.Round(100.0 * AtLeast(t, source.AtLeast ?? 1) / t.Answered, 1) : (double?)null),
                };
                var cell = Suppression.Single(n);
                values.Add(new IndicatorValue(indicator.Id, indicator.Name.Zh, indicator.Name.En, source.Model, source.Kind, source.Node,
                    RegionIndicators.MethodName(source.Method), source.AtLeast, source.Proxy, source.Note.Zh, source.Note.En,
                    cell, cell.Suppressed || n == 0 ? null : percent));
            }
        }
        return values;
    }

    private static int AtLeast(NodeTotal t, double share) => share switch
    {
        >= 1 => t.AtFull,
        >= 0.75 => t.AtThreeQuarters,
        >= 0.5 => t.AtHalf,
        _ => t.AtQuarter,
    };

    /// <summary>
    /// Scene maturity per industry division: for every business scene of a model, per division, how many latest results
    /// rate it and their mean level as a share of the highest level (and the share at half the highest level or above).
    /// The divisions of one scene form a group for <see cref="Suppression"/>; a hidden cell has no values.
    /// </summary>
    public async Task<IReadOnlyList<SceneMaturityCell>> SceneMaturityAsync(RegionRef region, CancellationToken ct = default)
    {
        await RegionStatsRebuild.EnsureAsync(db, models, ct);
        var rows = await NodeStatsIn(region).Where(s => s.NodeKind == RegionNodeStat.SceneKind)
            .GroupBy(s => new { s.ModelId, s.NodeId, s.Division })
            .Select(g => new { g.Key.ModelId, g.Key.NodeId, g.Key.Division, NameZh = g.Max(x => x.NameZh)!, NameEn = g.Max(x => x.NameEn)!,
                Answered = g.Sum(x => x.Answered), AtHalf = g.Sum(x => x.AtHalf), ShareSum = g.Sum(x => x.ShareSum) })
            .ToListAsync(ct);
        var cells = new List<SceneMaturityCell>();
        foreach (var scene in rows.Where(r => r.Answered > 0).GroupBy(r => (r.ModelId, r.NodeId))
                     .OrderBy(g => g.Key.ModelId, StringComparer.Ordinal).ThenBy(g => SceneOrder(g.Key.ModelId, g.Key.NodeId)))
        {
            var divisions = scene.OrderBy(r => r.Division, StringComparer.Ordinal).ToList();
            var counts = Suppression.Group(divisions.Select(d => d.Answered).ToList());
            cells.AddRange(divisions.Select((d, i) =>
            {
                var industry = IndustryCatalog.Find(d.Division);
                var shown = !counts[i].Suppressed;
                return new SceneMaturityCell(d.ModelId, d.NodeId, d.NameZh, d.NameEn, d.Division, industry?.NameZh, industry?.NameEn, counts[i],
                    shown ? Math.Round(d.ShareSum / d.Answered * 100, 1) : null, shown ? Math.Round(100.0 * d.AtHalf / d.Answered, 1) : null);
            }));
        }
        return cells;
    }

    private int SceneOrder(string modelId, string sceneId)
    {
        var scenes = models.Latest(modelId)?.Scenes;
        if (scenes is null) return int.MaxValue;
        for (var i = 0; i < scenes.Count; i++) if (scenes[i].Id == sceneId) return i;
        return int.MaxValue;
    }

    /// <summary>How many months <see cref="LevelTrendAsync"/> covers, the current one included.</summary>
    public const int TrendMonths = 12;

    /// <summary>
    /// Enterprises per level of their latest result as of the end of each of the last <see cref="TrendMonths"/> months
    /// (UTC; the current month up to now), per model: the running sum of <see cref="RegionLevelChange"/>. The levels of
    /// one month form a group for <see cref="Suppression"/>.
    /// </summary>
    public async Task<IReadOnlyList<LevelTrend>> LevelTrendAsync(RegionRef region, CancellationToken ct = default)
    {
        await RegionStatsRebuild.EnsureAsync(db, models, ct);
        var (low, high) = CodeRange(region);
        var changes = await db.Set<RegionLevelChange>().AsNoTracking()
            .Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0)
            .GroupBy(c => new { c.ModelId, c.Month, c.Level })
            .Select(g => new { g.Key.ModelId, g.Key.Month, g.Key.Level, Delta = g.Sum(c => c.Delta) })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var months = Enumerable.Range(0, TrendMonths).Select(i => new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(i - TrendMonths + 1)).ToList();
        var trends = new List<LevelTrend>();
        foreach (var model in changes.GroupBy(c => c.ModelId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var perMonth = months.Select(m =>
            {
                var key = RegionContributions.MonthOf(m);
                return model.Where(c => c.Month <= key).GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Sum(c => c.Delta));
            }).ToList();
            var levels = perMonth.SelectMany(p => p.Where(kv => kv.Value != 0).Select(kv => kv.Key)).Distinct().Order().ToList();
            if (levels.Count == 0) continue;
            var info = models.Latest(model.Key);
            trends.Add(new LevelTrend(model.Key, info?.Name.Zh, info?.Name.En, levels, months.Select((m, i) =>
            {
                var counts = levels.Select(l => Math.Max(0, perMonth[i].GetValueOrDefault(l))).ToList();
                var cells = Suppression.Group(counts);
                return new LevelMonth(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Suppression.Single(counts.Sum()),
                    levels.Select((l, j) => new LevelCount(l, cells[j])).ToList());
            }).ToList()));
        }
        return trends;
    }

    /// <summary>Demands posted by the region's enterprises; matched to at least one provider; with a proposal; with an accepted proposal.</summary>
    public async Task<MarketCounts> MarketAsync(RegionRef region, CancellationToken ct = default)
    {
        var demands = from d in db.Demands.AsNoTracking()
                      join e in EnterprisesIn(region) on d.EnterpriseId equals e.Id
                      select d;
        return new MarketCounts(
            await StageAsync(demands, ct),
            await StageAsync(demands.Where(d => db.DemandRecipients.Any(r => r.DemandId == d.Id)), ct),
            await StageAsync(demands.Where(d => db.Proposals.Any(p => p.DemandId == d.Id)), ct),
            await StageAsync(demands.Where(d => db.Proposals.Any(p => p.DemandId == d.Id && p.Status == ProposalStatus.Accepted)), ct));
    }

    /// <summary>A stage is hidden when fewer than five enterprises stand behind it: its demand count would describe them.</summary>
    private static async Task<MarketStage> StageAsync(IQueryable<Demands.Demand> demands, CancellationToken ct)
    {
        var count = await demands.CountAsync(ct);
        var enterprises = await demands.Select(d => d.EnterpriseId).Distinct().CountAsync(ct);
        return Suppression.IsSmall(enterprises)
            ? new MarketStage(StatCell.Hidden(), StatCell.Hidden())
            : new MarketStage(StatCell.Shown(count), StatCell.Shown(enterprises));
    }
}
