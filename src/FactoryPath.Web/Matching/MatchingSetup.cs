namespace FactoryPath.Web.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddScoped<IDemandMatcher, ScenarioDemandMatcher>();
        services.AddSingleton<ICatalogChanges, NoCatalogChanges>();
        return services;
    }
}
