using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Models;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("factorypath-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Find_AfterARevisionIsLoaded_StillGivesTheOldVersionAndTheSameResult()
    {
        File.Copy(TestFiles.MiitModelFile, Path.Combine(_directory, "miit-2024.1.yaml"));
        var sheet = Sheet.MiitNothing().Options("network", "B").Values("equipment-digitization", ("total", 40), ("digital", 6));
        var (before, _) = ModelRegistry.LoadDirectory(_directory);
        var original = AssessmentJson.Serialize(Scorer.Score(before.Find("miit-sme-digital-level", "2024.1")!, sheet));

        // Revision 2024.2 moves a point from network option B to C and renames option B and level 1.
        var revised = File.ReadAllText(TestFiles.MiitModelFile)
            .Replace("version: \"2024.1\"", "version: \"2024.2\"")
            .Replace("{key: B, label: {zh: \"车间工控网络\"", "{key: B, label: {zh: \"车间工控网络（修订）\"")
            .Replace("{zh: \"一级\", en: \"Level 1\"}", "{zh: \"一级（修订）\", en: \"Level 1 (revised)\"}");
        revised = ReplaceNetworkPoints(revised);
        File.WriteAllText(Path.Combine(_directory, "miit-2024.2.yaml"), revised);

        var (registry, errors) = ModelRegistry.LoadDirectory(_directory);

        Assert.Empty(errors);
        Assert.Equal(["2024.1", "2024.2"], registry.Models.Select(m => m.Version));
        Assert.Equal("2024.2", registry.Latest("miit-sme-digital-level")!.Version);
        Assert.Equal(["2024.1", "2024.2"], registry.VersionsOf("miit-sme-digital-level").Select(m => m.Version));
        var old = registry.Find("miit-sme-digital-level", "2024.1")!;
        Assert.Equal(original, AssessmentJson.Serialize(Scorer.Score(old, sheet)));
        var newer = Scorer.Score(registry.Find("miit-sme-digital-level", "2024.2")!, sheet);
        Assert.Equal(2m, Scorer.Score(old, sheet).ScoreOf("network"));
        Assert.Equal(1m, newer.ScoreOf("network"));
    }

    [Fact]
    public void LoadDirectory_SameIdAndVersionTwice_IsAnError()
    {
        File.Copy(TestFiles.CmmmModelFile, Path.Combine(_directory, "a.yaml"));
        File.Copy(TestFiles.CmmmModelFile, Path.Combine(_directory, "b.yaml"));

        var (registry, errors) = ModelRegistry.LoadDirectory(_directory);

        Assert.Single(registry.Models);
        var error = Assert.Single(errors);
        Assert.EndsWith("b.yaml", error.File);
        Assert.Contains("already defined", error.Message);
    }

    [Fact]
    public void LoadDirectory_BrokenFile_IsReportedAndTheOthersStillLoad()
    {
        File.Copy(TestFiles.CmmmModelFile, Path.Combine(_directory, "good.yaml"));
        File.WriteAllText(Path.Combine(_directory, "bad.yaml"), ModelText.Header + "tree: []\n");

        var (registry, errors) = ModelRegistry.LoadDirectory(_directory);

        Assert.Single(registry.Models);
        Assert.All(errors, e => Assert.EndsWith("bad.yaml", e.File));
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("2024.1", "2024.2", -1)]
    [InlineData("2024.2", "2024.10", -1)]
    [InlineData("2024.1", "2024.1", 0)]
    [InlineData("2025", "2024.9", 1)]
    public void Versions_CompareNumericallyPartByPart(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(VersionComparer.Instance.Compare(a, b)));
    }

    /// <summary>Network option B 2 -> 1 point and C 2 -> 3 points: the question still adds up to 8.</summary>
    private static string ReplaceNetworkPoints(string yaml)
    {
        var lines = yaml.Split('\n');
        var inNetwork = false;
        for (var i = 0; i < lines.Length; i++)
        {
            inNetwork = lines[i].Contains("- id: network", StringComparison.Ordinal) || (inNetwork && !lines[i].Contains("- id: ind-", StringComparison.Ordinal));
            if (inNetwork && lines[i].Contains("{key: B,", StringComparison.Ordinal))
            {
                lines[i] = lines[i].Replace("points: 2}", "points: 1}", StringComparison.Ordinal);
            }
            else if (inNetwork && lines[i].Contains("{key: C,", StringComparison.Ordinal))
            {
                lines[i] = lines[i].Replace("points: 2}", "points: 3}", StringComparison.Ordinal);
            }
        }

        return string.Join('\n', lines);
    }
}
