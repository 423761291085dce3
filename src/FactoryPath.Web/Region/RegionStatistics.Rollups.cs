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

/// <summary>The parts of the statistics read from the regional rollups: gaps, rates, indicators, scene maturity and the level trend.</summary>
public sealed partial class RegionStatistics
{
    /// <summary>The sums of the regional rollup of one model's node over the region (all divisions).</summary>
    private sealed record NodeTotal(string ModelId, string NodeKind, string NodeId, string NameZh, string NameEn, int Answered, int AtFull,
        int AtThreeQuarters, int AtHalf, int AtQuarter, double ShareSum, int RateEnterprises, double RateNumerator, double RateDenominator);

    private readonly Dictionary<string, IReadOnlyList<NodeTotal>> _nodeTotals = new(StringComparer.Ordinal);

    /// <summary>The rollup rows kept for the region itself (<see cref="RollupKeys"/>): one key of the primary key.</summary>
    private IQueryable<RegionNodeStat> NodeStatsIn(RegionRef region)
    {
        var key = RollupKeys.For(region);
        return db.Set<RegionNodeStat>().AsNoTracking().Where(s => s.RegionCode == key);
    }

    /// <summary>One row of <see cref="RegionNodeStat"/> as the statistics read it.</summary>
    private sealed record NodeRow(string ModelId, string NodeKind, string NodeId, string Division, string NameZh, string NameEn, int Answered, int AtFull,
        int AtThreeQuarters, int AtHalf, int AtQuarter, double ShareSum, int RateEnterprises, double RateNumerator, double RateDenominator);

    private readonly Dictionary<string, IReadOnlyList<NodeRow>> _nodeRows = new(StringComparer.Ordinal);

    /// <summary>
    /// The region's own rollup rows (one key of the primary key: a few thousand rows for a province), read once per request
    /// and summed here, per node for gaps, rates and indicators and per scene and division for the heat map.
    /// </summary>
    private async Task<IReadOnlyList<NodeRow>> NodeRowsAsync(RegionRef region, CancellationToken ct)
    {
        if (_nodeRows.TryGetValue(region.Code, out var cached)) return cached;
        await EnsureRollupsAsync(ct);
        var rows = await NodeStatsIn(region)
            .Select(x => new NodeRow(x.ModelId, x.NodeKind, x.NodeId, x.Division, x.NameZh, x.NameEn, x.Answered, x.AtFull, x.AtThreeQuarters, x.AtHalf,
                x.AtQuarter, x.ShareSum, x.RateEnterprises, x.RateNumerator, x.RateDenominator))
            .ToListAsync(ct);
        _nodeRows[region.Code] = rows;
        return rows;
    }

    /// <summary>Per model and node, the rollup summed over the region's divisions: shared by gaps, rates and indicators.</summary>
    private async Task<IReadOnlyList<NodeTotal>> NodeTotalsAsync(RegionRef region, CancellationToken ct)
    {
        if (_nodeTotals.TryGetValue(region.Code, out var cached)) return cached;
        var totals = (await NodeRowsAsync(region, ct)).GroupBy(x => (x.ModelId, x.NodeKind, x.NodeId))
            .Select(g => new NodeTotal(g.Key.ModelId, g.Key.NodeKind, g.Key.NodeId, g.Select(x => x.NameZh).Max(StringComparer.Ordinal) ?? "", g.Select(x => x.NameEn).Max(StringComparer.Ordinal) ?? "",
                g.Sum(x => x.Answered), g.Sum(x => x.AtFull), g.Sum(x => x.AtThreeQuarters), g.Sum(x => x.AtHalf), g.Sum(x => x.AtQuarter),
                g.Sum(x => x.ShareSum), g.Sum(x => x.RateEnterprises), g.Sum(x => x.RateNumerator), g.Sum(x => x.RateDenominator)))
            .ToList();
        _nodeTotals[region.Code] = totals;
        return totals;
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
        // the region's rows hold one row per scene and division already
        var rows = (await NodeRowsAsync(region, ct)).Where(s => s.NodeKind == RegionNodeStat.SceneKind).ToList();
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
        var changes = await LevelChangesAsync(region, ct);
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

    /// <summary>A month's change of the enterprises at one level of one model in the region.</summary>
    private sealed record LevelDelta(string ModelId, int Month, int Level, int Delta);

    private readonly Dictionary<string, IReadOnlyList<LevelDelta>> _levelChanges = new(StringComparer.Ordinal);

    /// <summary>The region's own <see cref="RegionLevelChange"/> rows (one key), shared by the level distribution and its trend.</summary>
    private async Task<IReadOnlyList<LevelDelta>> LevelChangesAsync(RegionRef region, CancellationToken ct)
    {
        if (_levelChanges.TryGetValue(region.Code, out var cached)) return cached;
        await EnsureRollupsAsync(ct);
        var key = RollupKeys.For(region);
        var rows = await db.Set<RegionLevelChange>().AsNoTracking().Where(c => c.RegionCode == key && c.Delta != 0)
            .Select(c => new LevelDelta(c.ModelId, c.Month, c.Level, c.Delta)).ToListAsync(ct);
        _levelChanges[region.Code] = rows;
        return rows;
    }
}
