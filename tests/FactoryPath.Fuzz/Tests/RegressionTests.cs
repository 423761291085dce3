using FactoryPath.Fuzz.Engine;
using FactoryPath.Fuzz.Targets;

namespace FactoryPath.Fuzz.Tests;

/// <summary>Every input a campaign ever found (Regressions/&lt;target&gt;/), replayed: the decoder must now keep its promise on it.</summary>
public sealed class RegressionTests
{
    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in FuzzFolders.Files(FuzzFolders.Regressions(target.Name)))
            {
                data.Add(target.Name, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_kept_finding_is_handled(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(FuzzFolders.Regressions(target), file));
        var verdict = FuzzTargets.Find(target)!.Run(input);
        Assert.True(Enum.IsDefined(verdict));
    }

    [Fact]
    public void Every_regression_folder_belongs_to_a_target()
    {
        var folder = Path.Combine(FuzzFolders.ProjectFolder, "Regressions");
        var names = Directory.Exists(folder) ? Directory.GetDirectories(folder).Select(Path.GetFileName).ToList() : [];
        Assert.All(names, name => Assert.NotNull(FuzzTargets.Find(name!)));
    }
}
