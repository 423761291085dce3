using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Loads and checks one model file.</summary>
public static class ModelLoader
{
    /// <summary>Reads a model file; the model is null when there is any error.</summary>
    public static ModelLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ModelLoadResult(null, [new ModelError(path, 0, 0, $"cannot read the file: {e.Message}")]);
        }

        return LoadText(text, path);
    }

    /// <summary>Reads a model from YAML text; <paramref name="fileName"/> is used in error messages.</summary>
    public static ModelLoadResult LoadText(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var reader = new YamlReader(fileName);
        if (YamlReader.Load(yamlText, fileName, out var syntax) is not { } stream)
        {
            return new ModelLoadResult(null, [syntax!]);
        }

        if (stream.Documents.Count != 1)
        {
            return Failed(fileName, 1, 1, $"a model file holds exactly one YAML document; this one has {stream.Documents.Count}");
        }

        if (reader.Mapping(stream.Documents[0].RootNode, "the model") is not { } root)
        {
            return new ModelLoadResult(null, reader.Errors);
        }

        var model = new ModelParser(reader).Parse(root);
        return new ModelLoadResult(reader.Errors.Count == 0 ? model : null, reader.Errors);
    }

    private static ModelLoadResult Failed(string file, int line, int column, string message) =>
        new(null, [new ModelError(file, line, column, message)]);
}

/// <summary>A loaded model (null on errors) and every error found, in file order.</summary>
public sealed record ModelLoadResult(AssessmentModel? Model, IReadOnlyList<ModelError> Errors)
{
    public bool Succeeded => Model is not null && Errors.Count == 0;
}
