namespace FactoryPath.Web.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<MatchingIndex>();
        services.AddSingleton<ICatalogChanges>(sp => sp.GetRequiredService<MatchingIndex>());
        services.AddHostedService<MatchingIndexBuilder>();
        services.AddScoped<IDemandMatcher, IndexDemandMatcher>();
        services.AddScoped<MatchingService>();
        return services;
    }
}
