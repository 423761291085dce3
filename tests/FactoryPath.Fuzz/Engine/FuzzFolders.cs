namespace FactoryPath.Fuzz.Engine;

/// <summary>
/// The corpus (valid inputs a campaign starts from) and regressions (kept findings) of each target, in the source tree
/// (tests/FactoryPath.Fuzz/Corpus/&lt;target&gt; and Regressions/&lt;target&gt;), so new findings land where they are committed.
/// </summary>
public static class FuzzFolders
{
    private static readonly Lazy<string> Project = new(FindProject);

    public static string ProjectFolder => Project.Value;

    public static string Corpus(string target) => Path.Combine(ProjectFolder, "Corpus", target);

    public static string Regressions(string target) => Path.Combine(ProjectFolder, "Regressions", target);

    /// <summary>The files of a folder in name order (empty when it does not exist), so a seeded campaign is reproducible.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];

    public static IReadOnlyList<byte[]> LoadCorpus(string target) => Files(Corpus(target)).Select(File.ReadAllBytes).ToList();

    /// <summary>Writes a finding's input to the target's regression folder; the path, or the existing one for the same bytes.</summary>
    public static string Keep(Finding finding, string extension)
    {
        var folder = Regressions(finding.Target);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, finding.FileName(extension));
        if (!File.Exists(path)) File.WriteAllBytes(path, finding.Input);
        return path;
    }

    private static string FindProject()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FactoryPath.Fuzz.csproj"))) return folder.FullName;
            var nested = Path.Combine(folder.FullName, "tests", "FactoryPath.Fuzz");
            if (File.Exists(Path.Combine(nested, "FactoryPath.Fuzz.csproj"))) return nested;
        }

        throw new DirectoryNotFoundException($"tests/FactoryPath.Fuzz (with its Corpus and Regressions folders) is not above {AppContext.BaseDirectory}");
    }
}
