using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// One component of a score: its value in [0, 1], its weight, its share of the final score
/// (weight × value ÷ the sum of the weights that applied) and a sentence in both languages saying why.
/// </summary>
public sealed record ComponentScore(MatchComponent Component, double Value, double Weight, double Contribution, LocalizedText Reason);

/// <summary>A ranked candidate: its score in [0, 1], the components it is made of, and the text concepts it matched.</summary>
public sealed record RankedMatch(string Id, string Kind, double Score, IReadOnlyList<ComponentScore> Components, IReadOnlyList<MatchedConcept> Matched)
{
    public CandidateFacts? Facts { get; init; }
}

/// <summary>Matches of each kind asked for, best first, and how many candidates passed the hard filters (up to the candidate limit).</summary>
public sealed record MatchResult(IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> ByKind, IReadOnlyDictionary<string, int> CandidateCounts)
{
    public IReadOnlyList<RankedMatch> Of(string kind) => ByKind.TryGetValue(kind, out var list) ? list : [];
}
