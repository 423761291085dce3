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

public sealed record RegionSummary(
    RegionRef Region, RegionTotals Totals, IReadOnlyList<BreakdownRow> ByDistrict, IReadOnlyList<BreakdownRow> ByIndustry,
    IReadOnlyList<ModelLevels> Levels, IReadOnlyList<GapCount> Gaps, MarketCounts Market, IReadOnlyList<IndicatorRate> Rates, int MinimumCell);

/// <summary>
/// Statistics of the enterprises located in one region (GB/T 2260 code): a province, a prefecture (city) or a county.
/// A regional administrator may ask for its own region or any region inside it; a platform operator for any region.
/// Counts are grouped by the database; every published count of enterprises goes through <see cref="Suppression"/>.
/// </summary>
public sealed class RegionStatistics(PlatformDbContext db, ModelRegistry models)
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
            await MarketAsync(region, ct), await RatesAsync(region, ct), Suppression.MinimumEnterprises);
        return Outcome<RegionSummary>.Ok(summary);
    }

    private IQueryable<Enterprise> EnterprisesIn(RegionRef region)
    {
        var prefix = RegionScope.PrefixOf(region.Code);
        return db.Enterprises.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix));
    }

    private IQueryable<Enterprise> AssessedIn(RegionRef region) =>
        EnterprisesIn(region).Where(e => db.Results.Any(r => r.EnterpriseId == e.Id && r.IsLatest));

    private async Task<(int Registered, int Assessed)> TotalsAsync(RegionRef region, CancellationToken ct) =>
        (await EnterprisesIn(region).CountAsync(ct), await AssessedIn(region).CountAsync(ct));

    /// <summary>Province → its prefectures (by the first four digits), prefecture → its counties, county → itself.</summary>
    public async Task<IReadOnlyList<BreakdownRow>> ByDistrictAsync(RegionRef region, CancellationToken ct = default)
    {
        Dictionary<string, int> registered, assessed;
        switch (region.Level)
        {
            case RegionLevel.Province:
                registered = await EnterprisesIn(region).GroupBy(e => e.RegionCode.Substring(0, 4)).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key + "00", x => x.N, ct);
                assessed = await AssessedIn(region).GroupBy(e => e.RegionCode.Substring(0, 4)).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key + "00", x => x.N, ct);
                foreach (var city in RegionCatalog.ChildrenOf(region.Code)) registered.TryAdd(city.Code, 0);
                break;
            case RegionLevel.Prefecture:
                registered = await EnterprisesIn(region).GroupBy(e => e.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
                assessed = await AssessedIn(region).GroupBy(e => e.RegionCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
                break;
            default:
                registered = new() { [region.Code] = await EnterprisesIn(region).CountAsync(ct) };
                assessed = new() { [region.Code] = await AssessedIn(region).CountAsync(ct) };
                break;
        }
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
        var registered = await EnterprisesIn(region).GroupBy(e => e.IndustryCode.Substring(0, 2)).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var assessed = await AssessedIn(region).GroupBy(e => e.IndustryCode.Substring(0, 2)).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
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

    /// <summary>
    /// The questions most often below full marks in the latest results, per model. The scores per question live only in
    /// each result's frozen JSON, so this reads the latest results of the region one at a time (streamed, two columns)
    /// and counts them here; the enterprise rows are not loaded.
    /// </summary>
    public async Task<IReadOnlyList<GapCount>> GapsAsync(RegionRef region, CancellationToken ct = default)
    {
        var latest = from r in db.Results.AsNoTracking()
                     join e in EnterprisesIn(region) on r.EnterpriseId equals e.Id
                     where r.IsLatest
                     select new { r.ModelId, r.ResultJson };
        var counts = new Dictionary<(string Model, string Node), (LocalizedText Name, int N, int Answered)>();
        await foreach (var row in latest.AsAsyncEnumerable().WithCancellation(ct))
        {
            AssessmentResult? result;
            try { result = AssessmentJson.Deserialize<AssessmentResult>(row.ResultJson); }
            catch (System.Text.Json.JsonException) { continue; }
            if (result?.Nodes is null) continue;
            foreach (var node in result.Nodes)
            {
                if (node.Kind == "group" || node.NotApplicable || node.MaxScore <= 0) continue;
                var key = (row.ModelId, node.Id);
                var below = node.Score < node.MaxScore ? 1 : 0;
                counts[key] = counts.TryGetValue(key, out var c) ? (c.Name, c.N + below, c.Answered + 1) : (node.Name, below, 1);
            }
        }
        // below full marks + at full marks = enterprises answering: both parts form a group, so that a shown count of
        // gaps never reveals a small number of enterprises at full marks
        return counts.Where(c => c.Value.N > 0).GroupBy(c => c.Key.Model).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(c => c.Value.N).ThenBy(c => c.Key.Node, StringComparer.Ordinal).Take(TopGaps)
                .Select(c => new GapCount(c.Key.Model, c.Key.Node, c.Value.Name.Zh, c.Value.Name.En,
                    Suppression.Group([c.Value.N, c.Value.Answered - c.Value.N])[0])))
            .ToList();
    }

    /// <summary>
    /// Rate indicators (band questions with a rate) pooled over the latest results of the region, read from the answers of
    /// the sheets those results came from (streamed, like <see cref="GapsAsync"/>). Each result is read against the model
    /// version it was scored with; a result whose version is no longer installed is skipped.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorRate>> RatesAsync(RegionRef region, CancellationToken ct = default)
    {
        var latest = from r in db.Results.AsNoTracking()
                     join e in EnterprisesIn(region) on r.EnterpriseId equals e.Id
                     join sheet in db.AnswerSheets.AsNoTracking() on r.AnswerSheetId equals sheet.Id
                     where r.IsLatest
                     select new { r.ModelId, r.ModelVersion, sheet.AnswersJson };
        var sums = new Dictionary<(string Model, string Question), (LocalizedText Name, decimal Num, decimal Den, int N)>();
        var order = new List<(string Model, string Question)>();
        await foreach (var row in latest.AsAsyncEnumerable().WithCancellation(ct))
        {
            var model = models.Find(row.ModelId, row.ModelVersion);
            if (model is null) continue;
            AnswerSheetData? answers;
            try { answers = AssessmentJson.Deserialize<AnswerSheetData>(row.AnswersJson); }
            catch (System.Text.Json.JsonException) { continue; }
            if (answers is null) continue;
            foreach (var q in model.Nodes.OfType<BandQuestion>())
            {
                if (q.Rate is not { } rate || answers.Get(q.Id) is not { NotApplicable: false }) continue;
                if (ValueOf(answers, q, rate.Numerator) is not { } num || ValueOf(answers, q, rate.Denominator) is not { } den || den <= 0 || num < 0) continue;
                var key = (row.ModelId, q.Id);
                if (sums.TryGetValue(key, out var sum)) sums[key] = (sum.Name, sum.Num + num, sum.Den + den, sum.N + 1);
                else { sums[key] = (q.Name, num, den, 1); order.Add(key); }
            }
        }
        return order.OrderBy(k => k.Model, StringComparer.Ordinal).Select(k =>
        {
            var (name, num, den, n) = sums[k];
            var cell = Suppression.Single(n);
            return new IndicatorRate(k.Model, k.Question, name.Zh, name.En, cell, cell.Suppressed ? null : Math.Round((double)(num / den * 100), 1));
        }).ToList();
    }

    private static decimal? ValueOf(AnswerSheetData answers, Question owner, InputReference input) =>
        answers.Get(input.QuestionId ?? owner.Id)?.Values is { } values && values.TryGetValue(input.InputId, out var v) ? v : null;

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
