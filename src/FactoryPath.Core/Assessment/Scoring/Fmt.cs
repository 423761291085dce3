using System.Globalization;

namespace FactoryPath.Core.Assessment;

/// <summary>Number formatting for texts shown to users (invariant, no trailing zeros).</summary>
internal static class Fmt
{
    public static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Points to two decimals at most, e.g. 7.5, 1.88.</summary>
    public static string Points(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
