using FactoryPath.Web.Persistence;

namespace FactoryPath.Web.Catalog;

/// <summary>Fills the <see cref="ScenarioCostCache"/> in the background once the platform has started.</summary>
internal sealed class ScenarioCostWarmup(IServiceScopeFactory scopes, ScenarioCostCache cache, IHostApplicationLifetime lifetime, ILogger<ScenarioCostWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // after start, so migrations have run and start-up is not slowed
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            using var scope = scopes.CreateScope();
            await cache.WarmAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // the first roadmap request loads the cache instead
            log.LogWarning(e, "Could not read the solutions for roadmap costs in the background.");
        }
    }
}
