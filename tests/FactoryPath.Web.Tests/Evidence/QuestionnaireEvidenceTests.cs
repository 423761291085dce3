using FactoryPath.Core.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using static FactoryPath.Web.Tests.Evidence.Registers;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>An open questionnaire takes newer live data: untouched answers follow it, changed ones stay.</summary>
public sealed class QuestionnaireEvidenceTests
{
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
    private static readonly EvidenceMap Map = EvidenceMaps.LoadDirectory(Path.Combine(PlatformFactory.ModelsDirectory, "evidence"), Models).Maps.For("miit-sme-digital-level")!;

    private static LiveEvidence Machines(int total, int networked) => LiveEvidence.Compute([Gateway("gw", Register("ningbo",
        Enumerable.Range(1, total).Select(i => ($"m{i}", true, i <= networked)).ToArray()), Morning)]);

    [Fact]
    public void Untouched_answers_follow_a_newer_register_and_changed_ones_stay()
    {
        var first = Machines(10, 4);
        var state = new QuestionnaireEvidence(Map, first, Map.LiveAnswers(first), []);
        var answers = new Dictionary<string, Answer>
        {
            ["equipment-digitization"] = new() { Values = new Dictionary<string, decimal> { ["total"] = 10, ["digital"] = 10 }, Note = "kept" },
            ["equipment-networking"] = new() { Values = new Dictionary<string, decimal> { ["networked"] = 3 } }, // the user's own figure
        };

        var changed = state.Follow(answers, Machines(12, 5));

        Assert.Equal(["equipment-digitization"], changed);
        Assert.Equal(12m, answers["equipment-digitization"].Values!["total"]);
        Assert.Equal("kept", answers["equipment-digitization"].Note);
        Assert.Equal(3m, answers["equipment-networking"].Values!["networked"]);
        Assert.Equal(5m, state.Live("equipment-networking")!.Value.Values!["networked"]);
        Assert.True(state.Differs("equipment-networking", answers["equipment-networking"]));
        Assert.False(state.Differs("equipment-digitization", answers["equipment-digitization"]));
        Assert.Equal(5m * 100 / 12, state.LiveRate((BandQuestion)Models.Latest("miit-sme-digital-level")!.FindQuestion("equipment-networking")!));
    }

    [Fact]
    public void When_the_live_data_goes_away_the_answers_stay_as_they_are()
    {
        var first = Machines(10, 4);
        var state = new QuestionnaireEvidence(Map, first, Map.LiveAnswers(first), []);
        var answers = new Dictionary<string, Answer> { ["equipment-networking"] = new() { Values = new Dictionary<string, decimal> { ["networked"] = 4 } } };

        Assert.Empty(state.Follow(answers, LiveEvidence.Compute([])));
        Assert.Equal(4m, answers["equipment-networking"].Values!["networked"]);
        Assert.Equal(EvidenceStatus.NoGateway, state.Status);
        Assert.Null(state.Live("equipment-networking"));
    }
}
