using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Demands;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>
/// Statistics of the enterprises located in one region (GB/T 2260 code): a province, a prefecture (city) or a county.
/// A regional administrator may ask for its own region or any region inside it; a platform operator for any region.
/// Counts are grouped by the database; every published count of enterprises goes through <see cref="Suppression"/>.
/// </summary>
public sealed partial class RegionStatistics(
    PlatformDbContext db, ModelRegistry models, TimeProvider clock, ScenarioLibrary scenarios, ScenarioSupplyCache supply, DemonstrationTierCatalog tiers)
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
            Solutions = await SolutionsAsync(region, ct),
            Recognitions = await RecognitionsAsync(region, ct),
        };
        return Outcome<RegionSummary>.Ok(summary);
    }

    private IQueryable<Enterprise> EnterprisesIn(RegionRef region)
    {
        var (low, high) = RegionScope.RangeOf(region.Code);
        return db.Enterprises.AsNoTracking().Where(e => string.Compare(e.RegionCode, low) >= 0 && string.Compare(e.RegionCode, high) <= 0);
    }

    private async Task<(int Registered, int Assessed)> TotalsAsync(RegionRef region, CancellationToken ct)
    {
        var cells = await CellsAsync(region, ct);
        return (cells.Sum(c => c.Registered), cells.Sum(c => c.Assessed));
    }

    /// <summary>Enterprises registered and assessed per county (or other code) and industry division of the region.</summary>
    private sealed record CountCell(string RegionCode, string Division, int Registered, int Assessed);

    /// <summary>
    /// The counts behind the totals and both breakdowns, per region code and industry division: registered enterprises
    /// grouped from the (RegionCode, IndustryCode) index, assessed ones from <see cref="RegionAssessedCount"/> (a range
    /// of county rows). The breakdowns are sums of these cells. Kept for the request.
    /// </summary>
    private async Task<IReadOnlyList<CountCell>> CellsAsync(RegionRef region, CancellationToken ct)
    {
        if (_cells.TryGetValue(region.Code, out var cached)) return cached;
        await EnsureRollupsAsync(ct);
        var registered = (await EnterprisesIn(region).GroupBy(e => new { e.RegionCode, e.IndustryCode })
                .Select(g => new { g.Key.RegionCode, g.Key.IndustryCode, N = g.Count() }).ToListAsync(ct))
            .GroupBy(r => (r.RegionCode, Division: RegionContributions.DivisionOf(r.IndustryCode))).ToDictionary(g => g.Key, g => g.Sum(r => r.N));
        var (low, high) = RegionScope.RangeOf(region.Code);
        var assessed = (await db.Set<RegionAssessedCount>().AsNoTracking()
                .Where(a => string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0 && a.Enterprises > 0)
                .Select(a => new { a.RegionCode, a.Division, a.Enterprises }).ToListAsync(ct))
            .ToDictionary(a => (a.RegionCode, a.Division), a => a.Enterprises);
        var cells = registered.Keys.Union(assessed.Keys)
            .Select(k => new CountCell(k.RegionCode, k.Division, registered.GetValueOrDefault(k), assessed.GetValueOrDefault(k))).ToList();
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
        var registered = cells.GroupBy(c => c.Division).ToDictionary(g => g.Key, g => g.Sum(c => c.Registered));
        var assessed = cells.GroupBy(c => c.Division).ToDictionary(g => g.Key, g => g.Sum(c => c.Assessed));
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

    /// <summary>
    /// Latest results per model, counted per level (one latest result per enterprise and model): the sum of the region's
    /// <see cref="RegionLevelChange"/> rows over every month.
    /// </summary>
    public async Task<IReadOnlyList<ModelLevels>> LevelsAsync(RegionRef region, CancellationToken ct = default)
    {
        var counts = (await LevelChangesAsync(region, ct)).GroupBy(c => (c.ModelId, c.Level))
            .Select(g => new { g.Key.ModelId, g.Key.Level, N = g.Sum(c => c.Delta) }).Where(c => c.N > 0).ToList();
        return counts.GroupBy(c => c.ModelId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var model = models.Latest(g.Key);
            var levels = g.OrderBy(c => c.Level).ToList();
            var cells = Suppression.Group(levels.Select(l => l.N).ToList());
            return new ModelLevels(g.Key, model?.Name.Zh, model?.Name.En, Suppression.Single(levels.Sum(l => l.N)),
                levels.Select((l, i) => new LevelCount(l.Level, cells[i])).ToList());
        }).ToList();
    }

    /// <summary>Demands posted by the region's enterprises; matched to at least one provider; with a proposal; with an accepted proposal.</summary>
    public async Task<MarketCounts> MarketAsync(RegionRef region, CancellationToken ct = default)
    {
        // one grouped read: per stage, the demands and the distinct enterprises behind them
        var row = await (from d in db.Demands.AsNoTracking()
                         join e in EnterprisesIn(region) on d.EnterpriseId equals e.Id
                         select new
                         {
                             d.EnterpriseId,
                             Matched = db.DemandRecipients.Any(r => r.DemandId == d.Id),
                             Proposed = db.Proposals.Any(p => p.DemandId == d.Id),
                             Accepted = db.Proposals.Any(p => p.DemandId == d.Id && p.Status == ProposalStatus.Accepted),
                         })
            .GroupBy(d => 1)
            .Select(g => new
            {
                Posted = g.Count(), PostedBy = g.Select(d => d.EnterpriseId).Distinct().Count(),
                Matched = g.Count(d => d.Matched), MatchedBy = g.Where(d => d.Matched).Select(d => d.EnterpriseId).Distinct().Count(),
                Proposed = g.Count(d => d.Proposed), ProposedBy = g.Where(d => d.Proposed).Select(d => d.EnterpriseId).Distinct().Count(),
                Accepted = g.Count(d => d.Accepted), AcceptedBy = g.Where(d => d.Accepted).Select(d => d.EnterpriseId).Distinct().Count(),
            }).FirstOrDefaultAsync(ct);
        return row is null
            ? new MarketCounts(Stage(0, 0), Stage(0, 0), Stage(0, 0), Stage(0, 0))
            : new MarketCounts(Stage(row.Posted, row.PostedBy), Stage(row.Matched, row.MatchedBy), Stage(row.Proposed, row.ProposedBy), Stage(row.Accepted, row.AcceptedBy));
    }

    /// <summary>A stage is hidden when fewer than five enterprises stand behind it: its demand count would describe them.</summary>
    private static MarketStage Stage(int demands, int enterprises) =>
        Suppression.IsSmall(enterprises)
            ? new MarketStage(StatCell.Hidden(), StatCell.Hidden())
            : new MarketStage(StatCell.Shown(demands), StatCell.Shown(enterprises));

    private bool _ensured;

    /// <summary>Rebuilds the rollups first when they are empty but results exist (<see cref="RegionStatsRebuild.EnsureAsync"/>), once per request.</summary>
    private async Task EnsureRollupsAsync(CancellationToken ct)
    {
        if (_ensured) return;
        await RegionStatsRebuild.EnsureAsync(db, models, ct);
        _ensured = true;
    }
}
