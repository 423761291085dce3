namespace FactoryPath.Core.Matching.Ranking;

/// <summary>The ranking weights and curve parameters, from Matching/Data/match-weights.json.</summary>
public sealed record MatchWeights
{
    /// <summary>Resource name of the shipped file.</summary>
    public const string EmbeddedResource = "FactoryPath.Core.Matching.Data.match-weights.json";

    private static readonly Lazy<MatchWeights> Shipped = new(ReadEmbedded);

    public required IReadOnlyDictionary<MatchComponent, double> Components { get; init; }
    public int CandidatesPerKind { get; init; }
    public double AnyIndustryFit { get; init; }
    public double AnySizeFit { get; init; }
    public double AdjacentSizeFit { get; init; }
    public double HybridDeploymentFit { get; init; }
    public double RatingPriorMean { get; init; }
    public double RatingPriorProjects { get; init; }
    public double CasesForFullEvidence { get; init; }
    public double CaseShareOfEvidence { get; init; }

    public double Weight(MatchComponent component) => Components[component];

    /// <summary>The shipped weights, read and checked once.</summary>
    public static MatchWeights LoadEmbedded() => Shipped.Value;

    internal static string ReadEmbeddedText()
    {
        using var stream = typeof(MatchWeights).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"embedded resource {EmbeddedResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static MatchWeights ReadEmbedded()
    {
        var result = MatchWeightsLoader.LoadText(ReadEmbeddedText());
        return result.Weights ?? throw new InvalidOperationException(
            "the shipped match weights have errors: " + string.Join("; ", result.Errors));
    }
}
