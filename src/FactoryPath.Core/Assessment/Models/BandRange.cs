namespace FactoryPath.Core.Assessment;

/// <summary>
/// A band of a band question, exactly as the model writes it, e.g. <c>(10%,20%]</c>:
/// a round bracket excludes the edge, a square bracket includes it.
/// </summary>
public sealed record BandRange(string Key, string Label, decimal Lower, bool LowerInclusive, decimal Upper, bool UpperInclusive, decimal Points)
{
    public bool Contains(decimal percent) =>
        (LowerInclusive ? percent >= Lower : percent > Lower) &&
        (UpperInclusive ? percent <= Upper : percent < Upper);
}
