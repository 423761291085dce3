using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Tests.Assessment.Support;

/// <summary>Small fluent helpers to build answer sheets in tests.</summary>
internal static class Sheet
{
    public static AnswerSheetData Empty => new();

    public static AnswerSheetData Option(this AnswerSheetData sheet, string id, string option) =>
        sheet.With(id, new Answer { Option = option });

    public static AnswerSheetData Options(this AnswerSheetData sheet, string id, params string[] options) =>
        sheet.With(id, new Answer { Options = options });

    public static AnswerSheetData Values(this AnswerSheetData sheet, string id, params (string Input, decimal Value)[] values) =>
        sheet.With(id, new Answer { Values = values.ToDictionary(v => v.Input, v => v.Value) });

    public static AnswerSheetData Level(this AnswerSheetData sheet, string id, int level) =>
        sheet.With(id, new Answer { Level = level });

    public static AnswerSheetData NotApplicable(this AnswerSheetData sheet, string id) =>
        sheet.With(id, new Answer { NotApplicable = true });

    /// <summary>A complete MIIT sheet that earns 0 points with every scene at level 0.</summary>
    public static AnswerSheetData MiitNothing()
    {
        var sheet = Empty
            .Options("network", "A")
            .Values("equipment-digitization", ("total", 10), ("digital", 0))
            .Values("equipment-networking", ("networked", 0))
            .Options("data-collection", "A")
            .Option("information-systems", "A")
            .Options("network-security", "A")
            .Options("data-security", "A")
            .Option("planning", "A")
            .Options("management-rules", "A")
            .Options("talent", "A")
            .Option("funding", "A")
            .Option("energy", "increase")
            .Option("quality", "decrease")
            .Option("revenue-per-employee", "decrease")
            .Option("cost-per-revenue", "increase");
        return ShippedModels.Miit.Scenes.Aggregate(sheet, (s, scene) => s.Level(scene.Id, 0));
    }

    /// <summary>A complete MIIT sheet earning all 100 points with every scene at <paramref name="sceneLevel"/>.</summary>
    public static AnswerSheetData MiitFull(int sceneLevel)
    {
        var sheet = Empty
            .Options("network", "B", "C", "D", "E")
            .Values("equipment-digitization", ("total", 10), ("digital", 10))
            .Values("equipment-networking", ("networked", 10))
            .Options("data-collection", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O")
            .Option("information-systems", "E")
            .Options("network-security", "B", "C", "D", "E")
            .Options("data-security", "B", "C", "D", "E")
            .Option("planning", "F")
            .Options("management-rules", "B", "C", "D", "E")
            .Options("talent", "B", "C", "D", "E", "F")
            .Option("funding", "E")
            .Option("energy", "decrease")
            .Option("quality", "increase")
            .Option("revenue-per-employee", "increase")
            .Option("cost-per-revenue", "decrease");
        return ShippedModels.Miit.Scenes.Aggregate(sheet, (s, scene) => s.Level(scene.Id, sceneLevel));
    }

    /// <summary>A complete CMMM sheet rating every requirement up to <paramref name="fullUpTo"/> fully met and the rest not met.</summary>
    public static AnswerSheetData CmmmUpTo(int fullUpTo) =>
        ShippedModels.Cmmm.Questions.OfType<RatingQuestion>()
            .Aggregate(Empty, (s, r) => s.Option(r.Id, r.Level <= fullUpTo ? "full" : "not"));

    public static decimal ScoreOf(this AssessmentResult result, string nodeId) => result.Nodes.Single(n => n.Id == nodeId).Score;
}
