using System.Collections.Concurrent;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Roadmap;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog;

/// <summary>
/// Typical cost and time per scenario from the Solutions table, for the roadmap. The table may hold 100,000 rows, so
/// the few columns the summary needs are read once into memory and summarised per (size class, division) on first
/// use. Each request first reads a stamp (row count and latest UpdatedAt); when it differs, everything is reloaded,
/// so an added, edited (UpdatedAt is set on every save) or deleted solution shows on the next roadmap.
/// </summary>
public sealed class ScenarioCostCache : IPoolCache
{
    public string Purpose => "roadmap costs";

    private readonly StampedSnapshot<(int Count, DateTime Latest), Snapshot> _snapshot = new();

    public async Task<IScenarioCosts> ForAsync(PlatformDbContext db, SizeClass size, string industryCode, CancellationToken ct = default)
    {
        var snapshot = await CurrentAsync(db, ct);
        return snapshot.Tables.GetOrAdd((size, industryCode), key => ScenarioCostTable.Build(snapshot.Offers, key.Size, key.Industry));
    }

    private async Task<Snapshot> CurrentAsync(PlatformDbContext db, CancellationToken ct) =>
        await _snapshot.GetAsync(await StampAsync(db, ct), async c => new Snapshot(await LoadAsync(db, c)), ct);

    /// <summary>The solutions' stamp: row count and latest UpdatedAt (also <see cref="Pool.SolutionTitleCache"/>'s).</summary>
    internal static async Task<(int Count, DateTime Latest)> StampAsync(PlatformDbContext db, CancellationToken ct)
    {
        var count = await db.Solutions.CountAsync(ct);
        var latest = count == 0 ? default : await db.Solutions.MaxAsync(s => s.UpdatedAt, ct);
        return (count, latest);
    }

    private static async Task<List<SolutionOffer>> LoadAsync(PlatformDbContext db, CancellationToken ct)
    {
        var rows = await db.Solutions.AsNoTracking()
            .Select(s => new { s.Scenarios, s.Industries, s.SizeClasses, s.PriceMinCny, s.PriceMaxCny, s.ImplementationWeeks })
            .ToListAsync(ct);
        return rows.Select(r => new SolutionOffer(r.Scenarios, r.Industries, r.SizeClasses, r.PriceMinCny, r.PriceMaxCny, r.ImplementationWeeks)).ToList();
    }

    /// <summary>Reads the solutions once, so the first roadmap after a start does not wait for 100,000 rows.</summary>
    public Task WarmAsync(PlatformDbContext db, CancellationToken ct = default) => CurrentAsync(db, ct);

    private sealed record Snapshot(List<SolutionOffer> Offers)
    {
        public ConcurrentDictionary<(SizeClass Size, string Industry), ScenarioCostTable> Tables { get; } = new();
    }
}
