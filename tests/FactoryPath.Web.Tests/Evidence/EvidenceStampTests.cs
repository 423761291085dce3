using FactoryPath.Core.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using static FactoryPath.Web.Tests.Evidence.Registers;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>Where an answer comes from: live when it equals the live value, override (with a reason) when not, manual without live data.</summary>
public sealed class EvidenceStampTests
{
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
    private static readonly AssessmentModel Model = Models.Latest("miit-sme-digital-level")!;
    private static readonly EvidenceMap Map = EvidenceMaps.LoadDirectory(Path.Combine(PlatformFactory.ModelsDirectory, "evidence"), Models).Maps.For(Model.Id)!;

    // 10 machines, 8 digital, 6 networked
    private static readonly IReadOnlyDictionary<string, LiveAnswer> Live = Map.LiveAnswers(LiveEvidence.Compute([Gateway("gw", Register("ningbo",
        Enumerable.Range(1, 10).Select(i => ($"m{i}", i <= 8, i <= 6)).ToArray()), Morning)]));

    private static AnswerSheetData Networked(decimal networked) => new AnswerSheetData()
        .With("equipment-digitization", new Answer { Values = new Dictionary<string, decimal> { ["total"] = 10, ["digital"] = 8 } })
        .With("equipment-networking", new Answer { Values = new Dictionary<string, decimal> { ["networked"] = networked } });

    [Fact]
    public void An_answer_equal_to_the_live_value_is_live_with_the_time_measured()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(6), null, Live);
        Assert.Empty(stamped.Errors);
        var e = stamped.Evidence["equipment-networking"];
        Assert.Equal(EvidenceSource.Live, e.Source);
        Assert.Equal(Morning, e.MeasuredAt);
        Assert.Equal(6m, e.LiveValue!.Values!["networked"]);
        Assert.Equal(EvidenceSource.Live, stamped.Evidence["equipment-digitization"].Source);
    }

    [Fact]
    public void A_different_answer_without_a_reason_is_refused_with_both_values_and_the_time()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(4), new Dictionary<string, string?> { ["equipment-networking"] = "   " }, Live);
        var error = Assert.Single(stamped.Errors);
        Assert.Equal(("equipment-networking", "reason"), (error.QuestionId, error.InputId));
        Assert.Contains("Networked production equipment 4 units", error.Message.En);
        Assert.Contains("Networked production equipment 6 units", error.Message.En);
        Assert.Contains("2026-11-24 08:00 UTC", error.Message.En);
        Assert.Contains("修改理由", error.Message.Zh);
        Assert.False(stamped.Evidence.ContainsKey("equipment-networking"));
    }

    [Fact]
    public void A_different_answer_with_a_reason_is_an_override_that_keeps_the_live_value()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(4), new Dictionary<string, string?> { ["equipment-networking"] = " 两台设备的网关下周才接入 " }, Live);
        Assert.Empty(stamped.Errors);
        var e = stamped.Evidence["equipment-networking"];
        Assert.Equal(EvidenceSource.Override, e.Source);
        Assert.Equal("两台设备的网关下周才接入", e.Reason);
        Assert.Equal(4m, e.Value.Values!["networked"]);
        Assert.Equal(6m, e.LiveValue!.Values!["networked"]);
    }

    [Fact]
    public void Without_live_data_an_answer_is_manual_and_a_reason_is_not_needed()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(4), null, new Dictionary<string, LiveAnswer>());
        Assert.Empty(stamped.Errors);
        Assert.Equal(EvidenceSource.Manual, stamped.Evidence["equipment-networking"].Source);
        Assert.Null(stamped.Evidence["equipment-networking"].MeasuredAt);
    }

    [Fact]
    public void A_reason_for_a_question_that_takes_no_live_data_is_refused()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(6), new Dictionary<string, string?> { ["network"] = "because" }, Live);
        var error = Assert.Single(stamped.Errors);
        Assert.Equal(("network", "reason"), (error.QuestionId, error.InputId));
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var stamped = EvidenceStamp.Apply(Model, Map, Networked(4), new Dictionary<string, string?> { ["equipment-networking"] = new string('x', 501) }, Live);
        Assert.Contains(stamped.Errors, e => e.QuestionId == "equipment-networking" && e.Message.En.Contains("at most 500"));
    }

    [Fact]
    public void Prefill_fills_missing_and_live_answers_but_keeps_overrides_and_other_inputs()
    {
        var stored = new Dictionary<string, AnswerEvidence>
        {
            ["equipment-digitization"] = new(EvidenceSource.Live, new EvidenceValue(new Dictionary<string, decimal> { ["total"] = 9, ["digital"] = 7 }, null), null, Morning.AddDays(-1), null),
            ["equipment-networking"] = new(EvidenceSource.Override, new EvidenceValue(new Dictionary<string, decimal> { ["networked"] = 4 }, null), null, Morning.AddDays(-1), "reason"),
        };
        var answers = new AnswerSheetData()
            .With("equipment-digitization", new Answer { Values = new Dictionary<string, decimal> { ["total"] = 9, ["digital"] = 7 }, Note = "kept" })
            .With("equipment-networking", new Answer { Values = new Dictionary<string, decimal> { ["networked"] = 4 } });

        var filled = EvidenceStamp.Prefill(Map, answers, stored, Live);

        Assert.Equal(10m, filled.Get("equipment-digitization")!.Values!["total"]);
        Assert.Equal("kept", filled.Get("equipment-digitization")!.Note);
        Assert.Equal(4m, filled.Get("equipment-networking")!.Values!["networked"]);
        Assert.Null(filled.Get("data-collection")); // the live data says nothing about it

        var notMissing = EvidenceStamp.Prefill(Map, new AnswerSheetData(), stored, Live, fillMissing: false);
        Assert.Empty(notMissing.Answers);
        Assert.Equal(6m, EvidenceStamp.Prefill(Map, new AnswerSheetData(), stored, Live).Get("equipment-networking")!.Values!["networked"]);
    }
}
