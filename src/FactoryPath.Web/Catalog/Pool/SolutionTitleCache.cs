using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Pool;

/// <summary>
/// The titles of every solution, in lower case, in memory for the pool's text search (<c>search=</c>). In the database
/// the search was a LIKE '%…%' over both titles of every row: about 150 ms a request at 100,000 solutions on SQLite, and
/// 3–5 s at 16 concurrent requests in the load test. Here it is an ordinal substring test over arrays, and the database
/// only reads the matching rows by id. Stamped like the other pool caches (row count and latest UpdatedAt, which every
/// save sets), so a created, edited, imported or deleted solution is searched as it is on the next request.
/// </summary>
public sealed class SolutionTitleCache : IPoolCache
{
    public string Purpose => "the solution titles for text search";

    private readonly StampedSnapshot<(int Count, DateTime Latest), Titles> _snapshot = new();

    /// <summary>The ids of the solutions whose Chinese or English title contains <paramref name="search"/> (trimmed, case ignored).</summary>
    public async Task<List<Guid>> MatchingAsync(PlatformDbContext db, string search, CancellationToken ct = default)
    {
        var titles = await CurrentAsync(db, ct);
        var needle = search.Trim().ToLowerInvariant();
        var ids = new List<Guid>();
        for (var i = 0; i < titles.Ids.Length; i++)
        {
            if (titles.Zh[i].Contains(needle, StringComparison.Ordinal) || titles.En[i].Contains(needle, StringComparison.Ordinal)) ids.Add(titles.Ids[i]);
        }

        return ids;
    }

    /// <summary>Reads the titles once after start, so the first search does not wait for them.</summary>
    public Task WarmAsync(PlatformDbContext db, CancellationToken ct = default) => CurrentAsync(db, ct);

    private async Task<Titles> CurrentAsync(PlatformDbContext db, CancellationToken ct) =>
        await _snapshot.GetAsync(await ScenarioCostCache.StampAsync(db, ct), async c =>
        {
            var rows = await db.Solutions.AsNoTracking().Select(s => new { s.Id, s.TitleZh, s.TitleEn }).ToListAsync(c);
            return new Titles(
                rows.Select(r => r.Id).ToArray(),
                rows.Select(r => r.TitleZh.ToLowerInvariant()).ToArray(),
                rows.Select(r => r.TitleEn.ToLowerInvariant()).ToArray());
        }, ct);

    private sealed record Titles(Guid[] Ids, string[] Zh, string[] En);
}
