using System.Diagnostics;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Matching;

/// <summary>
/// The platform's matching index: every solution, provider and case, kept in memory (a Lucene RAM directory plus the
/// facts ranking needs) and rebuilt from the database at start, so there is no index folder to keep in step with the
/// database. It is built in the background after start; until then a match waits a few seconds and then answers
/// "being built". Edits reach it through <see cref="ICatalogChanges"/>; the operator can rebuild it on demand.
/// </summary>
public sealed class MatchingIndex(IServiceScopeFactory scopes, IServiceProvider services, ILogger<MatchingIndex> log) : ICatalogChanges, IDisposable
{
    // resolved when first needed, not at start: a broken scenario library must not stop a platform that does not match
    private ScenarioLibrary Library => services.GetRequiredService<ScenarioLibrary>();

    private readonly MatchEngine engine = new(SynonymList.LoadEmbedded(), MatchWeights.LoadEmbedded());
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // more changed rows than this at once (an import) rebuild the whole index: one read of each table instead of
    // row-by-row queries whose id lists would pass SQLite's limit on query parameters
    private const int RefreshLimit = 500;

    private readonly SemaphoreSlim rebuilding = new(1, 1);
    private readonly Lock pendingLock = new();
    private List<(string Kind, Guid Id)>? pending;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public int Count => engine.Count;

    public MatchWeights Weights => engine.Ranker.Weights;

    public CandidateFacts? Facts(string id) => engine.Facts(id);

    /// <summary>Reads the whole catalog and replaces the index with it; changes reported meanwhile are applied afterwards.</summary>
    public async Task<IndexRebuildReport> RebuildAsync(CancellationToken ct = default)
    {
        await rebuilding.WaitAsync(ct);
        try
        {
            var clock = Stopwatch.StartNew();
            int count;
            while (true)
            {
                lock (pendingLock)
                {
                    pending = [];
                }

                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var providers = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
                var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
                var solutions = await db.Solutions.AsNoTracking().ToListAsync(ct);
                count = engine.Rebuild(All(providers, solutions, cases));
                List<(string Kind, Guid Id)> missed;
                lock (pendingLock)
                {
                    missed = pending;
                    pending = null;
                }

                // a bulk change (an import) while reading: read everything again rather than row by row
                if (missed.Count > RefreshLimit)
                {
                    continue;
                }

                foreach (var group in missed.GroupBy(m => m.Kind))
                {
                    await RefreshAsync(group.Key, group.Select(m => m.Id).ToList(), ct);
                }

                break;
            }

            ready.TrySetResult();
            var report = new IndexRebuildReport(count, clock.ElapsedMilliseconds);
            log.LogInformation("Matching index built: {Count} documents in {Milliseconds} ms", report.Documents, report.Milliseconds);
            return report;
        }
        finally
        {
            rebuilding.Release();
        }
    }

    private IEnumerable<(CandidateText, CandidateFacts)> All(Dictionary<Guid, Provider> providers, List<Solution> solutions, List<DemonstrationCase> cases)
    {
        var bySolution = cases.Where(c => c.SolutionId is not null).ToLookup(c => c.SolutionId!.Value);
        var byProvider = cases.Where(c => c.ProviderId is not null).ToLookup(c => c.ProviderId!.Value);
        foreach (var provider in providers.Values)
        {
            yield return CatalogCandidates.Provider(provider, byProvider[provider.Id], Library);
        }

        foreach (var solution in solutions)
        {
            if (providers.TryGetValue(solution.ProviderId, out var provider))
            {
                yield return CatalogCandidates.Solution(solution, provider, bySolution[solution.Id], Library);
            }
        }

        foreach (var c in cases)
        {
            yield return CatalogCandidates.Case(c, Library);
        }
    }

    /// <summary>
    /// Matches against the index. Waits up to <paramref name="wait"/> for the first build; null when it is still running.
    /// </summary>
    public async Task<MatchResult?> MatchAsync(MatchRequest request, IReadOnlyCollection<string> kinds, int top, TimeSpan wait, CancellationToken ct = default)
    {
        if (!IsReady)
        {
            try
            {
                await ready.Task.WaitAsync(wait, ct);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        return engine.Match(request, kinds, top);
    }

    public Task ChangedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        Remember(kind, ids);
        return ids.Count > RefreshLimit ? RebuildAsync(ct) : RefreshAsync(kind, ids, ct);
    }

    public Task DeletedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        Remember(kind, ids);
        return ids.Count > RefreshLimit ? RebuildAsync(ct) : RefreshAsync(kind, ids, ct);
    }

    private void Remember(string kind, IReadOnlyCollection<Guid> ids)
    {
        if (!SearchDocumentKinds.All.Contains(kind))
        {
            throw new ArgumentException($"unknown kind '{kind}'; use one of {string.Join(", ", SearchDocumentKinds.All)}", nameof(kind));
        }

        lock (pendingLock)
        {
            pending?.AddRange(ids.Select(id => (kind, id)));
        }
    }

    /// <summary>
    /// Re-reads the given rows and what depends on them (a provider's solutions carry its regions and rating; a case is
    /// evidence for its solution and provider) and writes them to the index in one commit; rows no longer in the database are removed.
    /// </summary>
    private async Task RefreshAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var deletes = new List<string>();
        var providerIds = new HashSet<Guid>();
        var solutionIds = new HashSet<Guid>();
        var caseIds = new HashSet<Guid>();
        switch (kind)
        {
            case SearchDocumentKinds.Provider:
                providerIds.UnionWith(ids);
                break;
            case SearchDocumentKinds.Solution:
                solutionIds.UnionWith(ids);
                break;
            default:
                caseIds.UnionWith(ids);
                foreach (var id in ids)
                {
                    // a deleted case: its provider's evidence changes
                    if (engine.Facts(CatalogCandidates.Key(id))?.ProviderId is { } p && Guid.TryParse(p, out var provider))
                    {
                        providerIds.Add(provider);
                    }
                }

                break;
        }

        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        deletes.AddRange(caseIds.Except(cases.Select(c => c.Id)).Select(CatalogCandidates.Key));
        providerIds.UnionWith(cases.Where(c => c.ProviderId is not null).Select(c => c.ProviderId!.Value));
        solutionIds.UnionWith(cases.Where(c => c.SolutionId is not null).Select(c => c.SolutionId!.Value));

        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var gone in providerIds.Where(id => !providers.ContainsKey(id)))
        {
            var key = CatalogCandidates.Key(gone);
            deletes.Add(key);
            deletes.AddRange(engine.IdsWhere(f => f.Kind == SearchDocumentKinds.Solution && f.ProviderId == key));
        }

        var solutions = await db.Solutions.AsNoTracking()
            .Where(s => solutionIds.Contains(s.Id) || providerIds.Contains(s.ProviderId)).ToListAsync(ct);
        deletes.AddRange(solutionIds.Except(solutions.Select(s => s.Id)).Select(CatalogCandidates.Key));
        foreach (var missing in solutions.Select(s => s.ProviderId).Where(p => !providers.ContainsKey(p)).Distinct().ToList())
        {
            if (await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == missing, ct) is { } provider)
            {
                providers[missing] = provider;
            }
        }

        var touchedSolutions = solutions.Select(s => s.Id).ToList();
        var touchedProviders = providers.Keys.ToList();
        var evidence = await db.Cases.AsNoTracking()
            .Where(c => (c.SolutionId != null && touchedSolutions.Contains(c.SolutionId.Value)) || (c.ProviderId != null && touchedProviders.Contains(c.ProviderId.Value)))
            .ToListAsync(ct);
        var upserts = new List<(CandidateText, CandidateFacts)>();
        upserts.AddRange(cases.Select(c => CatalogCandidates.Case(c, Library)));
        upserts.AddRange(providers.Values.Where(p => providerIds.Contains(p.Id))
            .Select(p => CatalogCandidates.Provider(p, evidence.Where(c => c.ProviderId == p.Id), Library)));
        upserts.AddRange(solutions.Where(s => providers.ContainsKey(s.ProviderId))
            .Select(s => CatalogCandidates.Solution(s, providers[s.ProviderId], evidence.Where(c => c.SolutionId == s.Id), Library)));
        engine.Apply(upserts, deletes.Distinct().ToList());
    }

    public void Dispose()
    {
        engine.Dispose();
        rebuilding.Dispose();
    }
}

/// <summary>What a rebuild did: how many documents the index now holds and how long it took.</summary>
public sealed record IndexRebuildReport(int Documents, long Milliseconds);

/// <summary>Builds the matching index once the platform has started.</summary>
public sealed class MatchingIndexBuilder(MatchingIndex index, ILogger<MatchingIndexBuilder> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await index.RebuildAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down before the first build finished
        }
        catch (Exception e)
        {
            log.LogError(e, "Building the matching index failed; matching stays unavailable until an operator rebuilds it.");
        }
    }
}
