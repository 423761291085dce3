using FactoryPath.Web.Persistence;

namespace FactoryPath.Web.Catalog;

/// <summary>An in-memory cache of the resource pool that can be filled ahead of its first request.</summary>
public interface IPoolCache
{
    /// <summary>What the cache holds, for the log line when filling it fails (e.g. "roadmap costs").</summary>
    string Purpose { get; }

    Task WarmAsync(PlatformDbContext db, CancellationToken ct = default);
}

/// <summary>
/// Fills every <see cref="IPoolCache"/> (<see cref="ScenarioCostCache"/>, <see cref="Regional.ScenarioSupplyCache"/>) in
/// the background once the platform has started; a cache that cannot be filled here is filled by its first request.
/// </summary>
internal sealed class PoolCacheWarmup(IServiceScopeFactory scopes, IEnumerable<IPoolCache> caches, IHostApplicationLifetime lifetime, ILogger<PoolCacheWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // after start, so migrations have run and start-up is not slowed
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        foreach (var cache in caches)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await cache.WarmAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not read the solutions for {Purpose} in the background.", cache.Purpose);
            }
        }
    }
}
