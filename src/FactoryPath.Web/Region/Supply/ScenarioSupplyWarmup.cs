using FactoryPath.Web.Persistence;

namespace FactoryPath.Web.Regional;

/// <summary>Fills the <see cref="ScenarioSupplyCache"/> in the background once the platform has started.</summary>
internal sealed class ScenarioSupplyWarmup(IServiceScopeFactory scopes, ScenarioSupplyCache cache, IHostApplicationLifetime lifetime, ILogger<ScenarioSupplyWarmup> log)
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
            // the first console page reads the pool instead
            log.LogWarning(e, "Could not read the solutions for the regional supply counts in the background.");
        }
    }
}
