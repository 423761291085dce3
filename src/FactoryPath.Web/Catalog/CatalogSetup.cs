using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Catalog.Pool;
using FactoryPath.Core.Roadmap;

namespace FactoryPath.Web.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadScenarios(sp.GetRequiredService<ModelRegistry>()));
        services.AddPool();
        services.AddSingleton(sp => LoadShaping(sp.GetRequiredService<ScenarioLibrary>()));
        services.AddSingleton<ScenarioCostCache>();
        services.AddSingleton<IPoolCache>(sp => sp.GetRequiredService<ScenarioCostCache>());
        services.AddSingleton<Pool.SolutionTitleCache>();
        services.AddSingleton<IPoolCache>(sp => sp.GetRequiredService<Pool.SolutionTitleCache>());
        services.AddHostedService<PoolCacheWarmup>();
        services.AddScoped<RoadmapService>();
        return services;
    }

    /// <summary>The shipped scenario library, checked against the installed models: a target that no model has stops the start.</summary>
    public static ScenarioLibrary LoadScenarios(ModelRegistry models)
    {
        var loaded = ScenarioLibraryLoader.LoadEmbedded(models);
        if (!loaded.Succeeded)
            throw new InvalidOperationException($"The scenario library has {loaded.Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Library!;
    }

    /// <summary>The shipped roadmap shaping, checked against the library: an unknown scenario or division stops the start.</summary>
    public static RoadmapShaping LoadShaping(ScenarioLibrary library)
    {
        var loaded = RoadmapShapingLoader.LoadEmbedded(library);
        if (!loaded.Succeeded)
            throw new InvalidOperationException($"The roadmap shaping has {loaded.Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Shaping!;
    }
}
