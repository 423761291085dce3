using System.Text.Json;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Results;

public class ResultJsonTests
{
    [Fact]
    public void Result_RoundTripsThroughJsonUnchanged()
    {
        var result = Scorer.Score(ShippedModels.Miit, Sheet.MiitNothing().Options("network", "B", "C").Level("marketing", 2));

        var json = AssessmentJson.Serialize(result);
        var back = AssessmentJson.Deserialize<AssessmentResult>(json)!;

        Assert.Equal(json, AssessmentJson.Serialize(back));
        Assert.Equal(result.TotalScore, back.TotalScore);
        Assert.Equal(result.Nodes, back.Nodes);
        Assert.Equal(result.Scenes, back.Scenes);
        Assert.Equal(result.Level, back.Level);
        Assert.Equal(result.NextLevelGap!.Steps, back.NextLevelGap!.Steps);
    }

    [Fact]
    public void StagedResult_RoundTripsWithItsStages()
    {
        var result = Scorer.Score(ShippedModels.Cmmm, Sheet.CmmmUpTo(2));

        var back = AssessmentJson.Deserialize<AssessmentResult>(AssessmentJson.Serialize(result))!;

        Assert.Equal(2, back.Level.Number);
        Assert.Equal(result.Stages, back.Stages);
    }

    [Fact]
    public void Result_JsonIsCamelCaseWithEnumsAsText()
    {
        var json = AssessmentJson.Serialize(Scorer.Score(ShippedModels.Miit, Sheet.MiitNothing()));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal("miit-sme-digital-level", doc.RootElement.GetProperty("modelId").GetString());
        Assert.Equal("2024.1", doc.RootElement.GetProperty("modelVersion").GetString());
        Assert.Equal("score", doc.RootElement.GetProperty("nextLevelGap").GetProperty("steps")[0].GetProperty("kind").GetString());
        Assert.Contains("数字化基础", json); // Chinese is kept readable, not escaped
    }

    [Fact]
    public void AnswerSheet_ReadsTheDocumentedJsonShape()
    {
        const string json = """
            {
              "answers": {
                "network": { "options": ["B", "C"], "note": "5G planned next year" },
                "equipment-digitization": { "values": { "total": 40, "digital": 6 } },
                "planning": { "option": "C" },
                "quality-management": { "level": 2 },
                "product-service": { "notApplicable": true }
              }
            }
            """;

        var sheet = AssessmentJson.Deserialize<AnswerSheetData>(json)!;

        Assert.Equal(["B", "C"], sheet.Get("network")!.Options);
        Assert.Equal("5G planned next year", sheet.Get("network")!.Note);
        Assert.Equal(6m, sheet.Get("equipment-digitization")!.Values!["digital"]);
        Assert.Equal("C", sheet.Get("planning")!.Option);
        Assert.Equal(2, sheet.Get("quality-management")!.Level);
        Assert.True(sheet.Get("product-service")!.NotApplicable);
        Assert.Equal(AssessmentJson.Serialize(sheet), AssessmentJson.Serialize(AssessmentJson.Deserialize<AnswerSheetData>(AssessmentJson.Serialize(sheet))));
    }

    [Fact]
    public void Enums_AreCamelCaseTextEvenWithPlainSerializerOptions()
    {
        var step = new GapStep(GapStepKind.Requirement, "q", new LocalizedText("题", "Q"), 0, 1, new LocalizedText("做", "Do"));

        var json = JsonSerializer.Serialize(step);

        Assert.Contains("\"Kind\":\"requirement\"", json);
        Assert.Equal(step, JsonSerializer.Deserialize<GapStep>(json));
    }

    [Fact]
    public void Answer_LeavesOutFieldsItDoesNotUse()
    {
        var json = AssessmentJson.Serialize(new Answer { Option = "B" });

        Assert.Equal("{\"option\":\"B\"}", json.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
    }
}
