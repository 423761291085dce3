using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Eligibility;

/// <summary>What the rules are checked against: the enterprise's profile and its latest result per model.</summary>
public sealed record EligibilityFacts(SizeClass? SizeClass, string IndustryCode, string RegionCode, IReadOnlyList<ResultFacts> LatestResults)
{
    public ResultFacts? Latest(string modelId) => LatestResults.FirstOrDefault(r => r.ModelId == modelId);
}

/// <summary>
/// The parts of one result that rules may ask about: its level, when it was submitted, and each scored question's
/// score as a percentage of its full marks (questions marked not applicable and questions worth nothing are left out).
/// </summary>
public sealed record ResultFacts(string ModelId, int Level, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, decimal> QuestionPercent)
{
    public static ResultFacts From(AssessmentResult result, DateTimeOffset submittedAt)
    {
        var percent = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var node in result.Nodes)
        {
            if (node.Kind == "group" || node.NotApplicable || node.MaxScore <= 0) continue;
            percent[node.Id] = Math.Round(node.Score / node.MaxScore * 100m, 2);
        }
        return new ResultFacts(result.ModelId, result.Level.Number, submittedAt, percent);
    }
}
