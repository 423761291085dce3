using System.Diagnostics.CodeAnalysis;

namespace FactoryPath.Core.Enterprises;

/// <summary>The structure of a six-digit GB/T 2260 code, independent of which codes exist.</summary>
public static class RegionCode
{
    public const int Length = 6;

    /// <summary>Exactly six ASCII digits.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>The level the code's shape implies (<c>XX0000</c>, <c>XXYY00</c>, other); null if not well-formed.</summary>
    public static RegionLevel? LevelOf(string? code) =>
        !IsWellFormed(code) ? null
        : code.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.Prefecture
        : RegionLevel.County;

    /// <summary>The province code <c>XX0000</c> of a well-formed code.</summary>
    public static string ProvinceCodeOf(string code) => string.Concat(code.AsSpan(0, 2), "0000");

    /// <summary>The prefecture code <c>XXYY00</c> of a well-formed code (for a province code, the province itself).</summary>
    public static string PrefectureCodeOf(string code) => string.Concat(code.AsSpan(0, 4), "00");
}
