using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Enterprises.Consent;

namespace FactoryPath.Web.Demonstration;

public static class DemonstrationSetup
{
    /// <summary>The registry, answer consent and the admin read log. The tier file is checked against the models at start: an error stops it.</summary>
    public static IServiceCollection AddDemonstration(this IServiceCollection services)
    {
        services.AddSingleton(sp => DemonstrationTierLoader.LoadEmbedded(sp.GetRequiredService<ModelRegistry>(), allowMissingModels: true).OrThrow());
        services.AddHostedService<TierFileCheck>();
        services.AddScoped<DemonstrationService>();
        services.AddScoped<ConsentService>();
        services.AddScoped<AdminReadLog>();
        return services;
    }
}
