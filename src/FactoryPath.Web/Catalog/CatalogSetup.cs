using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Catalog.Pool;

namespace FactoryPath.Web.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadScenarios(sp.GetRequiredService<ModelRegistry>()));
        services.AddPool();
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
}
