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
