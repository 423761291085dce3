namespace FactoryPath.Web.Catalog.Pool;

public static class PoolSetup
{
    /// <summary>The resource pool's services: providers, solutions, demonstration cases and industrial chains.</summary>
    public static IServiceCollection AddPool(this IServiceCollection services)
    {
        services.AddScoped<ProviderService>();
        services.AddScoped<SolutionService>();
        services.AddScoped<CaseService>();
        services.AddScoped<ChainService>();
        return services;
    }
}
