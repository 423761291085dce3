namespace FactoryPath.Core.Matching;

/// <summary>A matched document with its score and the parts of the query that matched it ("why this match").</summary>
public sealed record SearchHit(string Id, string Kind, float Score, IReadOnlyList<MatchedConcept> Matched);

/// <summary>
/// A part of the query that matched: <see cref="QueryText"/> as the user wrote it, the synonym group it was expanded
/// through (null for a plain term), and the forms of it found in the document (for example 能耗 for a query of 用能).
/// </summary>
public sealed record MatchedConcept(string QueryText, SynonymGroup? Group, IReadOnlyList<string> Forms);
