namespace FactoryPath.Core.Enterprises;

/// <summary>The outcome of <see cref="CreditCode.Validate"/>.</summary>
/// <param name="Input">The text as given.</param>
/// <param name="NormalizedCode">The input trimmed, with full-width characters made half-width and letters upper-cased.</param>
/// <param name="Error">Why the code is not valid; null when it is.</param>
public sealed record CreditCodeResult(string? Input, string NormalizedCode, EnterpriseMessage? Error)
{
    public bool IsValid => Error is null;

    /// <summary>Positions 3–8: the GB/T 2260 administrative division of the registration authority; null unless the code is valid.</summary>
    public string? RegionCode => IsValid ? CreditCode.RegionCodeOf(NormalizedCode) : null;
}
