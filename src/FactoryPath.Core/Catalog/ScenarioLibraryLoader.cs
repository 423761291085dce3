using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog.Yaml;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Catalog;

/// <summary>Loads and checks a scenario library file.</summary>
public static class ScenarioLibraryLoader
{
    /// <summary>Reads the library shipped in this assembly, checked against <paramref name="models"/> when given.</summary>
    public static ScenarioLibraryLoadResult LoadEmbedded(ModelRegistry? models)
    {
        using var stream = typeof(ScenarioLibrary).Assembly.GetManifestResourceStream(ScenarioLibrary.EmbeddedResource)
            ?? throw new InvalidOperationException($"Embedded resource '{ScenarioLibrary.EmbeddedResource}' is missing from {typeof(ScenarioLibrary).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return LoadText(reader.ReadToEnd(), "typical-scenarios.yaml", models);
    }

    /// <summary>
    /// Reads a library from YAML text; <paramref name="fileName"/> is used in error messages. When
    /// <paramref name="models"/> is given, every improves-target must be a question or scene of the latest version of
    /// its model. The library is null when there is any error.
    /// </summary>
    public static ScenarioLibraryLoadResult LoadText(string yamlText, string fileName, ModelRegistry? models)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        if (YamlReader.Load(yamlText, fileName, out var syntax) is not { } stream)
        {
            return Failed(syntax!);
        }

        if (stream.Documents.Count != 1)
        {
            return Failed(new ModelError(fileName, 1, 1, $"a scenario library file holds exactly one YAML document; this one has {stream.Documents.Count}"));
        }

        var reader = new YamlReader(fileName);
        if (reader.Mapping(stream.Documents[0].RootNode, "the scenario library") is not { } root)
        {
            return new ScenarioLibraryLoadResult(null, reader.Errors);
        }

        var parsed = new ScenarioParser(reader).Parse(root);
        new ScenarioChecks(reader, parsed, models).Run();
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        var library = errors.Count == 0 ? new ScenarioLibrary(parsed.Links, parsed.Scenarios.Select(s => s.Scenario)) : null;
        return new ScenarioLibraryLoadResult(library, errors);
    }

    private static ScenarioLibraryLoadResult Failed(ModelError error) => new(null, [error]);
}

/// <summary>A loaded library (null on errors) and every error found, in file order.</summary>
public sealed record ScenarioLibraryLoadResult(ScenarioLibrary? Library, IReadOnlyList<ModelError> Errors)
{
    public bool Succeeded => Library is not null && Errors.Count == 0;
}
