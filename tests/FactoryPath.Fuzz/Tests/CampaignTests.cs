using FactoryPath.Fuzz.Engine;
using FactoryPath.Fuzz.Targets;

namespace FactoryPath.Fuzz.Tests;

/// <summary>
/// The short campaign of every test run: a fixed seed and a fixed count of inputs per target, so a failure here
/// reproduces with `dotnet run --project tests/FactoryPath.Fuzz -- &lt;target&gt; --inputs N --seed 20261124`.
/// </summary>
public sealed class CampaignTests
{
    public const int Seed = 20261124;

    public static TheoryData<string> Targets => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_seeded_campaign_finds_nothing_and_reaches_both_outcomes(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var result = Campaign.Run(target, FuzzFolders.LoadCorpus(target.CorpusName), new CampaignOptions(target.ShortCampaignInputs, null, Seed));

        Assert.True(result.Findings.Count == 0, string.Join(Environment.NewLine, result.Findings.Select(f =>
            $"{f} (input of {f.Input.Length} bytes: {Convert.ToBase64String(f.Input[..Math.Min(f.Input.Length, 2000)])})")));
        Assert.Equal(target.ShortCampaignInputs, result.Inputs);
        // mutations that only ever give errors (or never do) would test nothing of the decoder's accepting side (or its checks)
        Assert.True(result.Accepted > 0, $"no input of {name} was accepted");
        Assert.True(result.Rejected > 0, $"no input of {name} was rejected");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_entry_is_accepted(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var corpus = FuzzFolders.Files(FuzzFolders.Corpus(target.CorpusName));

        Assert.NotEmpty(corpus);
        Assert.All(corpus, file => Assert.Equal(Verdict.Accepted, target.Run(File.ReadAllBytes(file))));
    }
}
