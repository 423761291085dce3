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
        // a bound past decimal's range (29 digits and more) is not a band either
        return decimal.TryParse(match.Groups["lower"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out lower)
            && decimal.TryParse(match.Groups["upper"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out upper);
    }

    // [0-9], not \d: \d also matches other scripts' digits (٣, ５), which decimal.Parse does not read
    [GeneratedRegex(@"^\s*(?<open>[\[(])\s*(?<lower>-?[0-9]+(\.[0-9]+)?)\s*%\s*,\s*(?<upper>-?[0-9]+(\.[0-9]+)?)\s*%\s*(?<close>[\])])\s*$")]
    private static partial Regex Interval();
}
