using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Regional;

/// <summary>A node of a model's results in the rollup: a scored question or a business scene.</summary>
public readonly record struct RollupNode(string ModelId, string Kind, string NodeId);

/// <summary>The measures of <see cref="RegionNodeStat"/> for one node, added up over results (or one result's share).</summary>
public sealed class NodeSums
{
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int Answered { get; set; }
    public int AtFull { get; set; }
    public int AtThreeQuarters { get; set; }
    public int AtHalf { get; set; }
    public int AtQuarter { get; set; }
    public double ShareSum { get; set; }
    public int RateEnterprises { get; set; }
    public double RateNumerator { get; set; }
    public double RateDenominator { get; set; }

    public void Add(NodeSums other, int sign)
    {
        if (NameZh.Length == 0) { NameZh = other.NameZh; NameEn = other.NameEn; }
        Answered += sign * other.Answered;
        AtFull += sign * other.AtFull;
        AtThreeQuarters += sign * other.AtThreeQuarters;
        AtHalf += sign * other.AtHalf;
        AtQuarter += sign * other.AtQuarter;
        ShareSum += sign * other.ShareSum;
        RateEnterprises += sign * other.RateEnterprises;
        RateNumerator += sign * other.RateNumerator;
        RateDenominator += sign * other.RateDenominator;
    }

    /// <summary>True when every count is zero (the row describes no result).</summary>
    public bool IsEmpty => Answered == 0 && RateEnterprises == 0;
}

/// <summary>
/// What one stored result adds to the rollup: every scored node that is applicable with a maximum above zero (the nodes
/// the gaps count), every business scene with its level, and every band question with a rate whose numerator and
/// denominator the answer sheet gives (denominator above zero, numerator not negative — as the pooled rates read them).
/// Rates need the model version the result was scored with; without it (version no longer installed) they are left out.
/// Malformed JSON contributes nothing rather than failing the submission or the rebuild.
/// </summary>
public static class RegionContributions
{
    public static Dictionary<RollupNode, NodeSums> Of(string modelId, string resultJson, string? answersJson, AssessmentModel? model)
    {
        var sums = new Dictionary<RollupNode, NodeSums>();
        AssessmentResult? result = null;
        try { result = AssessmentJson.Deserialize<AssessmentResult>(resultJson); }
        catch (System.Text.Json.JsonException) { }
        if (result?.Nodes is { } nodes)
        {
            foreach (var node in nodes)
            {
                if (node.Kind == "group" || node.NotApplicable || node.MaxScore <= 0) continue;
                Count(Get(sums, new RollupNode(modelId, RegionNodeStat.QuestionKind, node.Id), node.Name), (double)(node.Score / node.MaxScore), node.Score >= node.MaxScore);
            }
        }
        if (result?.Scenes is { } scenes)
        {
            foreach (var scene in scenes)
            {
                if (scene.MaxLevel <= 0) continue;
                Count(Get(sums, new RollupNode(modelId, RegionNodeStat.SceneKind, scene.Id), scene.Name), (double)scene.Level / scene.MaxLevel, scene.Level >= scene.MaxLevel);
            }
        }
        if (model is null || answersJson is null) return sums;
        AnswerSheetData? answers = null;
        try { answers = AssessmentJson.Deserialize<AnswerSheetData>(answersJson); }
        catch (System.Text.Json.JsonException) { }
        if (answers is null) return sums;
        foreach (var q in model.Nodes.OfType<BandQuestion>())
        {
            if (q.Rate is not { } rate || answers.Get(q.Id) is not { NotApplicable: false }) continue;
            if (ValueOf(answers, q, rate.Numerator) is not { } num || ValueOf(answers, q, rate.Denominator) is not { } den || den <= 0 || num < 0) continue;
            var sum = Get(sums, new RollupNode(modelId, RegionNodeStat.QuestionKind, q.Id), q.Name);
            sum.RateEnterprises++;
            sum.RateNumerator += (double)num;
            sum.RateDenominator += (double)den;
        }
        return sums;
    }

    private static NodeSums Get(Dictionary<RollupNode, NodeSums> sums, RollupNode key, LocalizedText name)
    {
        if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = new NodeSums { NameZh = Clip(name?.Zh), NameEn = Clip(name?.En) };
        return sum;
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 400 ? text : text[..400];

    private static void Count(NodeSums sum, double share, bool full)
    {
        sum.Answered++;
        sum.ShareSum += share;
        if (full) sum.AtFull++;
        if (share >= 0.75) sum.AtThreeQuarters++;
        if (share >= 0.5) sum.AtHalf++;
        if (share >= 0.25) sum.AtQuarter++;
    }

    private static decimal? ValueOf(AnswerSheetData answers, Question owner, InputReference input) =>
        answers.Get(input.QuestionId ?? owner.Id)?.Values is { } values && values.TryGetValue(input.InputId, out var v) ? v : null;

    /// <summary>The GB/T 4754 division of an industry code (its first two digits).</summary>
    public static string DivisionOf(string industryCode) => industryCode.Length >= 2 ? industryCode[..2] : industryCode;

    /// <summary>The month key of a time (UTC): yyyy·100 + mm.</summary>
    public static int MonthOf(DateTime at) => at.Year * 100 + at.Month;
}
