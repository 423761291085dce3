using FactoryPath.Core.Assessment;

namespace FactoryPath.Benchmarks.Infrastructure;

/// <summary>Loads the shipped assessment models, from beside the binaries or from the repository's models folder.</summary>
public static class ModelFiles
{
    public static AssessmentModel Latest(string modelId)
    {
        var folder = Folder();
        var (registry, errors) = ModelRegistry.LoadDirectory(folder);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The models do not load: " + string.Join("; ", errors));
        }

        return registry.Latest(modelId) ?? throw new InvalidOperationException($"No model '{modelId}' in {folder}.");
    }

    /// <summary>BenchmarkDotNet runs from a generated project's bin folder, so walk up until a models folder turns up.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No models folder with *.yaml files above {AppContext.BaseDirectory}.");
    }
}
