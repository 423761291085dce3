namespace FactoryPath.Core.Assessment;

/// <summary>All loaded model versions, looked up by id and version.</summary>
public sealed class ModelRegistry
{
    private readonly List<AssessmentModel> _models;

    public ModelRegistry(IEnumerable<AssessmentModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = models.OrderBy(m => m.Id, StringComparer.Ordinal).ThenBy(m => m.Version, VersionComparer.Instance).ToList();
    }

    /// <summary>Every version of every model, by id (ordinal) then version (1.2 before 1.10).</summary>
    public IReadOnlyList<AssessmentModel> Models => _models;

    /// <summary>Every version of one model, oldest first.</summary>
    public IReadOnlyList<AssessmentModel> VersionsOf(string id) => _models.Where(m => m.Id == id).ToList();

    public AssessmentModel? Find(string id, string version) =>
        _models.FirstOrDefault(m => m.Id == id && m.Version == version);

    /// <summary>The highest version of a model (versions compare part by part, numerically where they are numbers).</summary>
    public AssessmentModel? Latest(string id) => _models.LastOrDefault(m => m.Id == id);

    /// <summary>Loads every *.yaml / *.yml file of a directory (not its sub-directories). Files with errors are left out.</summary>
    public static RegistryLoadResult LoadDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return new RegistryLoadResult(new ModelRegistry([]), [new ModelError(path, 0, 0, "the models directory does not exist")]);
        }

        var files = Directory.EnumerateFiles(path, "*.yaml").Concat(Directory.EnumerateFiles(path, "*.yml")).Order(StringComparer.Ordinal);
        var models = new List<AssessmentModel>();
        var errors = new List<ModelError>();
        foreach (var file in files)
        {
            var (model, fileErrors) = ModelLoader.LoadFile(file);
            errors.AddRange(fileErrors);
            if (model is null)
            {
                continue;
            }

            if (models.FirstOrDefault(m => m.Id == model.Id && m.Version == model.Version) is { } earlier)
            {
                errors.Add(new ModelError(file, 1, 1, $"model '{model.Id}' version '{model.Version}' is already defined in {earlier.FilePath}"));
                continue;
            }

            models.Add(model);
        }

        return new RegistryLoadResult(new ModelRegistry(models), errors);
    }
}

/// <summary>The registry of every model that loaded cleanly, and the errors of the files that did not.</summary>
public sealed record RegistryLoadResult(ModelRegistry Registry, IReadOnlyList<ModelError> Errors);
