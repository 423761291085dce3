using System.Globalization;
using System.Text.RegularExpressions;

namespace FactoryPath.Core.Assessment;

/// <summary>Parses a band written as an interval of percentages, e.g. <c>[0%,10%]</c> or <c>(10%,20%]</c>.</summary>
internal static partial class BandEdges
{
    public static bool TryParse(string text, out decimal lower, out bool lowerInclusive, out decimal upper, out bool upperInclusive)
    {
        lower = upper = 0;
        lowerInclusive = upperInclusive = false;
        var match = Interval().Match(text);
        if (!match.Success)
        {
            return false;
        }

        lowerInclusive = match.Groups["open"].Value == "[";
        upperInclusive = match.Groups["close"].Value == "]";
        lower = decimal.Parse(match.Groups["lower"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        upper = decimal.Parse(match.Groups["upper"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^\s*(?<open>[\[(])\s*(?<lower>-?\d+(\.\d+)?)\s*%\s*,\s*(?<upper>-?\d+(\.\d+)?)\s*%\s*(?<close>[\])])\s*$")]
    private static partial Regex Interval();
}
