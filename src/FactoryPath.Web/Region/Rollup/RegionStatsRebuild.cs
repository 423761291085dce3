using FactoryPath.Core.Assessment;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>How far a rebuild has got: the phase ("levels", "nodes", "write") and the rows read or written in it.</summary>
public sealed record RegionStatsRebuildProgress(string Phase, long Rows);

/// <summary>
/// Recomputes the regional rollups (<see cref="RegionNodeStat"/>, <see cref="RegionLevelChange"/>,
/// <see cref="RegionAssessedCount"/>) from the stored
/// results, in one transaction: the old rows are deleted and the sums written anew, so running it twice gives the same
/// tables. Used after the migrations that add or re-key the tables (at platform start when they are empty but results
/// exist), after bulk writers that store results directly (demo seed, <c>factorypath gen</c>), and by tests that
/// compare it with the rows kept up to date at submission.
/// </summary>
public static class RegionStatsRebuild
{
    public static async Task RunAsync(PlatformDbContext db, ModelRegistry models, IProgress<RegionStatsRebuildProgress>? progress = null, CancellationToken ct = default)
    {
        // the level history of every enterprise and model, oldest first and the latest last, in the enterprise's county
        var levels = new Dictionary<(string, string, int, int), int>();
        var history = from r in db.Results.AsNoTracking()
                      join e in db.Enterprises.AsNoTracking() on r.EnterpriseId equals e.Id
                      orderby r.EnterpriseId, r.ModelId, r.IsLatest, r.SubmittedAt
                      select new { r.EnterpriseId, r.ModelId, r.Level, r.SubmittedAt, e.RegionCode };
        long read = 0;
        var run = new List<(int, DateTime)>();
        (Guid Enterprise, string Model, string Region)? current = null;
        void Flush()
        {
            if (current is not { } c) return;
            foreach (var (month, level, delta) in RegionRollupWriter.LevelHistory(run))
                RegionRollupWriter.AddLevel(levels, (c.Region, c.Model, month, level), delta);
            run.Clear();
        }
        await foreach (var r in history.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current is not { } c || c.Enterprise != r.EnterpriseId || c.Model != r.ModelId)
            {
                Flush();
                current = (r.EnterpriseId, r.ModelId, r.RegionCode);
            }
            run.Add((r.Level, r.SubmittedAt));
            if (++read % 50_000 == 0) progress?.Report(new("levels", read));
        }
        Flush();
        progress?.Report(new("levels", read));

        var nodes = new Dictionary<(string, string, RollupNode), NodeSums>();
        var assessed = new Dictionary<(string, string), int>();
        var counted = new HashSet<Guid>();
        var latest = from r in db.Results.AsNoTracking()
                     join e in db.Enterprises.AsNoTracking() on r.EnterpriseId equals e.Id
                     join s in db.AnswerSheets.AsNoTracking() on r.AnswerSheetId equals s.Id
                     where r.IsLatest
                     select new { r.EnterpriseId, r.ModelId, r.ModelVersion, r.Level, r.SubmittedAt, r.ResultJson, s.AnswersJson, e.RegionCode, e.IndustryCode };
        read = 0;
        await foreach (var r in latest.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (counted.Add(r.EnterpriseId)) RegionRollupWriter.AddAssessed(assessed, (r.RegionCode, RegionContributions.DivisionOf(r.IndustryCode)), 1);
            RegionRollupWriter.AddNodes(nodes, r.RegionCode, RegionContributions.DivisionOf(r.IndustryCode),
                new RollupResult(r.ModelId, r.ModelVersion, r.Level, r.SubmittedAt, r.ResultJson, r.AnswersJson), models, +1);
            if (++read % 50_000 == 0) progress?.Report(new("nodes", read));
        }
        progress?.Report(new("nodes", read));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<RegionNodeStat>().ExecuteDeleteAsync(ct);
        await db.Set<RegionLevelChange>().ExecuteDeleteAsync(ct);
        await db.Set<RegionAssessedCount>().ExecuteDeleteAsync(ct);
        await RegionRollupWriter.UpsertNodesAsync(db, nodes, ct);
        await RegionRollupWriter.UpsertLevelsAsync(db, levels, ct);
        await RegionRollupWriter.UpsertAssessedAsync(db, assessed, ct);
        await tx.CommitAsync(ct);
        progress?.Report(new("write", nodes.Count + levels.Count + assessed.Count));
    }

    /// <summary>
    /// Rebuilds when the rollups are empty but results exist: the first start after the migration that added them, or
    /// a database filled by a writer that stores results directly. Cheap otherwise (two indexed existence checks).
    /// </summary>
    public static async Task<bool> EnsureAsync(PlatformDbContext db, ModelRegistry models, CancellationToken ct = default)
    {
        if (await db.Set<RegionLevelChange>().AnyAsync(ct) || !await db.Results.AnyAsync(ct)) return false;
        await Gate.WaitAsync(ct);
        try
        {
            if (await db.Set<RegionLevelChange>().AnyAsync(ct)) return false;
            await RunAsync(db, models, null, ct);
            return true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
}
