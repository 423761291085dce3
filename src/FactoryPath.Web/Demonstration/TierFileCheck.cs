using FactoryPath.Core.Catalog.Tiers;

namespace FactoryPath.Web.Demonstration;

/// <summary>Loads the tier file at start, so that a broken file stops the platform with its errors rather than failing the first request.</summary>
internal sealed class TierFileCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DemonstrationTierCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
