using FactoryPath.Core.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Assessment;

public static class AssessmentSetup
{
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadModels(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.ResolveModelsDirectory()));
        services.AddSingleton(sp => LoadEvidenceMaps(
            Path.Combine(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.ResolveModelsDirectory(), "evidence"), sp.GetRequiredService<ModelRegistry>()));
        services.AddScoped<EvidenceService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<PeerStandings>();
        return services;
    }

    /// <summary>Loads every model file; a broken model stops the start with each error as file:line:column.</summary>
    public static ModelRegistry LoadModels(string directory)
    {
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"The assessment models folder '{directory}' does not exist. Set FactoryPath:ModelsDirectory to the folder that holds the model YAML files.");
        var (registry, errors) = ModelRegistry.LoadDirectory(directory);
        if (errors.Count > 0)
            throw new InvalidOperationException($"The assessment models in '{directory}' have {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
        if (registry.Models.Count == 0)
            throw new InvalidOperationException($"The assessment models folder '{directory}' holds no model files (*.yaml).");
        return registry;
    }

    /// <summary>Loads the evidence maps (models/evidence/*.yaml, optional); a broken one stops the start with each error as file:line:column.</summary>
    public static EvidenceMaps LoadEvidenceMaps(string directory, ModelRegistry models)
    {
        var (maps, errors) = EvidenceMaps.LoadDirectory(directory, models);
        if (errors.Count > 0)
            throw new InvalidOperationException($"The evidence maps in '{directory}' have {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors));
        return maps;
    }
}
