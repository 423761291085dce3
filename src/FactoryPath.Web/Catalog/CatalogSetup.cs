using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;

namespace FactoryPath.Web.Catalog;

public static class CatalogSetup
{
    private const string LibraryResource = "FactoryPath.Core.Catalog.Data.typical-scenarios.yaml";

    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadScenarios(sp.GetRequiredService<ModelRegistry>()));
        return services;
    }

    /// <summary>The shipped scenario library, checked against the installed models: a target that no model has stops the start.</summary>
    public static ScenarioLibrary LoadScenarios(ModelRegistry models)
    {
        using var stream = typeof(ScenarioLibrary).Assembly.GetManifestResourceStream(LibraryResource)
            ?? throw new InvalidOperationException($"The scenario library ({LibraryResource}) is missing from the build.");
        using var reader = new StreamReader(stream);
        var loaded = ScenarioLibraryLoader.LoadText(reader.ReadToEnd(), "typical-scenarios.yaml", models);
        if (!loaded.Succeeded)
            throw new InvalidOperationException($"The scenario library has {loaded.Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Library!;
    }
}
