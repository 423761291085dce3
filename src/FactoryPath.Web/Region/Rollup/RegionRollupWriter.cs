using System.Text;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>A stored result as the rollups read it.</summary>
public sealed record RollupResult(string ModelId, string ModelVersion, int Level, DateTime SubmittedAt, string ResultJson, string? AnswersJson);

/// <summary>
/// Keeps <see cref="RegionNodeStat"/>, <see cref="RegionLevelChange"/> and <see cref="RegionAssessedCount"/> up to date,
/// the first two under each of <see cref="RollupKeys.Of"/>. Every change is an atomic
/// <c>INSERT … ON CONFLICT … DO UPDATE SET x = x + excluded.x</c> (SQLite ≥ 3.24 and PostgreSQL ≥ 9.5 both have it),
/// so concurrent submissions of different enterprises of one county add up instead of overwriting each other. Callers
/// run it inside the transaction that stores the result, so the rollup never counts a result that was not stored.
/// </summary>
public static class RegionRollupWriter
{
    /// <summary>
    /// A new latest result of an enterprise (in <paramref name="region"/> and <paramref name="division"/>) for its model,
    /// already saved: adds its rows and takes away those of the results it supersedes (the model's previous latest
    /// results); the enterprise's first latest result of any model counts it as assessed.
    /// </summary>
    public static async Task ReplaceLatestAsync(PlatformDbContext db, ModelRegistry models, Guid enterpriseId, string region, string division,
        IReadOnlyList<RollupResult> superseded, RollupResult added, CancellationToken ct = default)
    {
        if (superseded.Count == 0 && await db.Results.CountAsync(r => r.EnterpriseId == enterpriseId && r.IsLatest, ct) == 1)
            await UpsertAssessedAsync(db, new Dictionary<(string, string), int> { [(region, division)] = 1 }, ct);
        var nodes = new Dictionary<(string Region, string Division, RollupNode Node), NodeSums>();
        foreach (var old in superseded) AddNodes(nodes, region, division, old, models, -1);
        AddNodes(nodes, region, division, added, models, +1);
        var levels = new Dictionary<(string Region, string Model, int Month, int Level), int>();
        var month = RegionContributions.MonthOf(added.SubmittedAt);
        foreach (var old in superseded) AddLevel(levels, (region, added.ModelId, month, old.Level), -1);
        AddLevel(levels, (region, added.ModelId, month, added.Level), +1);
        await UpsertNodesAsync(db, nodes, ct);
        await UpsertLevelsAsync(db, levels, ct);
    }

    /// <summary>
    /// An enterprise's profile moved it to another county or division: its latest results' rows and its level history
    /// leave the old place and arrive at the new one. Call it in the transaction that saves the profile.
    /// </summary>
    public static async Task MoveAsync(PlatformDbContext db, ModelRegistry models, Guid enterpriseId,
        (string Region, string Division) from, (string Region, string Division) to, CancellationToken ct = default)
    {
        if (from == to) return;
        var results = await (from r in db.Results.AsNoTracking()
                             join s in db.AnswerSheets.AsNoTracking() on r.AnswerSheetId equals s.Id
                             where r.EnterpriseId == enterpriseId
                             select new { r.ModelId, r.ModelVersion, r.Level, r.SubmittedAt, r.IsLatest, r.ResultJson, s.AnswersJson }).ToListAsync(ct);
        var nodes = new Dictionary<(string Region, string Division, RollupNode Node), NodeSums>();
        var levels = new Dictionary<(string Region, string Model, int Month, int Level), int>();
        foreach (var r in results.Where(r => r.IsLatest))
        {
            var facts = new RollupResult(r.ModelId, r.ModelVersion, r.Level, r.SubmittedAt, r.ResultJson, r.AnswersJson);
            AddNodes(nodes, from.Region, from.Division, facts, models, -1);
            AddNodes(nodes, to.Region, to.Division, facts, models, +1);
        }
        if (results.Any(r => r.IsLatest))
        {
            var assessed = new Dictionary<(string, string), int>();
            AddAssessed(assessed, from, -1);
            AddAssessed(assessed, to, +1);
            await UpsertAssessedAsync(db, assessed, ct);
        }
        if (from.Region != to.Region)
        {
            foreach (var model in results.GroupBy(r => r.ModelId))
            {
                foreach (var (month, level, delta) in LevelHistory(model.OrderBy(r => r.IsLatest).ThenBy(r => r.SubmittedAt).Select(r => (r.Level, r.SubmittedAt))))
                {
                    AddLevel(levels, (from.Region, model.Key, month, level), -delta);
                    AddLevel(levels, (to.Region, model.Key, month, level), delta);
                }
            }
        }
        await UpsertNodesAsync(db, nodes, ct);
        await UpsertLevelsAsync(db, levels, ct);
    }

    /// <summary>
    /// The level changes of one enterprise's results under one model, oldest first (the latest last): each result adds
    /// one at its level in its month and takes one away at the level of the result before it.
    /// </summary>
    public static IEnumerable<(int Month, int Level, int Delta)> LevelHistory(IEnumerable<(int Level, DateTime At)> ordered)
    {
        int? previous = null;
        foreach (var (level, at) in ordered)
        {
            var month = RegionContributions.MonthOf(at);
            if (previous is { } p) yield return (month, p, -1);
            yield return (month, level, +1);
            previous = level;
        }
    }

    internal static void AddNodes(Dictionary<(string, string, RollupNode), NodeSums> into, string region, string division, RollupResult result, ModelRegistry models, int sign)
    {
        var model = models.Find(result.ModelId, result.ModelVersion);
        var keys = RollupKeys.Of(region);
        foreach (var (node, sums) in RegionContributions.Of(result.ModelId, result.ResultJson, result.AnswersJson, model))
        {
            foreach (var place in keys)
            {
                var key = (place, division, node);
                if (!into.TryGetValue(key, out var total)) into[key] = total = new NodeSums();
                total.Add(sums, sign);
            }
        }
    }

    /// <summary>Adds <paramref name="delta"/> under every key of the county (<see cref="RollupKeys.Of"/>).</summary>
    internal static void AddLevel(Dictionary<(string, string, int, int), int> into, (string Region, string Model, int Month, int Level) key, int delta)
    {
        foreach (var region in RollupKeys.Of(key.Region))
        {
            var k = (region, key.Model, key.Month, key.Level);
            into[k] = into.GetValueOrDefault(k) + delta;
        }
    }

    internal static void AddAssessed(Dictionary<(string, string), int> into, (string Region, string Division) key, int delta) =>
        into[key] = into.GetValueOrDefault(key) + delta;

    private const int BatchRows = 200;

    private static readonly string[] NodeColumns =
    [
        "RegionCode", "Division", "ModelId", "NodeKind", "NodeId", "NameZh", "NameEn", "Answered", "AtFull", "AtThreeQuarters",
        "AtHalf", "AtQuarter", "ShareSum", "RateEnterprises", "RateNumerator", "RateDenominator",
    ];

    internal static async Task UpsertNodesAsync(PlatformDbContext db, IReadOnlyDictionary<(string Region, string Division, RollupNode Node), NodeSums> rows, CancellationToken ct)
    {
        var changed = rows.Where(r => !IsNoChange(r.Value)).ToList();
        foreach (var batch in changed.Chunk(BatchRows))
        {
            var values = new List<object>(batch.Length * NodeColumns.Length);
            foreach (var ((region, division, node), s) in batch)
            {
                values.AddRange([region, division, node.ModelId, node.Kind, node.NodeId, s.NameZh, s.NameEn, s.Answered, s.AtFull,
                    s.AtThreeQuarters, s.AtHalf, s.AtQuarter, s.ShareSum, s.RateEnterprises, s.RateNumerator, s.RateDenominator]);
            }
            var sums = NodeColumns.Skip(7).Select(c => $"\"{c}\" = \"RegionNodeStats\".\"{c}\" + excluded.\"{c}\"");
            var sql = Insert("RegionNodeStats", NodeColumns, batch.Length)
                + " ON CONFLICT (\"RegionCode\", \"Division\", \"ModelId\", \"NodeKind\", \"NodeId\") DO UPDATE SET " + string.Join(", ", sums);
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    private static bool IsNoChange(NodeSums s) =>
        s is { Answered: 0, AtFull: 0, AtThreeQuarters: 0, AtHalf: 0, AtQuarter: 0, RateEnterprises: 0, ShareSum: 0, RateNumerator: 0, RateDenominator: 0 };

    private static readonly string[] LevelColumns = ["RegionCode", "ModelId", "Month", "Level", "Delta"];

    internal static async Task UpsertLevelsAsync(PlatformDbContext db, IReadOnlyDictionary<(string Region, string Model, int Month, int Level), int> rows, CancellationToken ct)
    {
        foreach (var batch in rows.Where(r => r.Value != 0).Chunk(BatchRows))
        {
            var values = new List<object>(batch.Length * LevelColumns.Length);
            foreach (var ((region, model, month, level), delta) in batch) values.AddRange([region, model, month, level, delta]);
            var sql = Insert("RegionLevelChanges", LevelColumns, batch.Length)
                + " ON CONFLICT (\"RegionCode\", \"ModelId\", \"Month\", \"Level\") DO UPDATE SET \"Delta\" = \"RegionLevelChanges\".\"Delta\" + excluded.\"Delta\"";
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    internal static async Task UpsertAssessedAsync(PlatformDbContext db, IReadOnlyDictionary<(string Region, string Division), int> rows, CancellationToken ct)
    {
        foreach (var batch in rows.Where(r => r.Value != 0).Chunk(BatchRows))
        {
            var values = new List<object>(batch.Length * 3);
            foreach (var ((region, division), delta) in batch) values.AddRange([region, division, delta]);
            var sql = Insert("RegionAssessedCounts", ["RegionCode", "Division", "Enterprises"], batch.Length)
                + " ON CONFLICT (\"RegionCode\", \"Division\") DO UPDATE SET \"Enterprises\" = \"RegionAssessedCounts\".\"Enterprises\" + excluded.\"Enterprises\"";
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    private static string Insert(string table, string[] columns, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table}\" (").Append(string.Join(", ", columns.Select(c => $"\"{c}\""))).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 0; c < columns.Length; c++) sql.Append(c > 0 ? ", " : "").Append('{').Append(p++).Append('}');
            sql.Append(')');
        }
        return sql.ToString();
    }
}
