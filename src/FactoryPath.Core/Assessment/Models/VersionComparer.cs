using System.Globalization;

namespace FactoryPath.Core.Assessment;

/// <summary>Orders versions like "2024.1" &lt; "2024.2" &lt; "2024.10": dot-separated parts, numeric where both are numbers.</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static VersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.');
        var b = (y ?? string.Empty).Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length)
            {
                return -1;
            }

            if (i >= b.Length)
            {
                return 1;
            }

            var result = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var na) && long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(a[i], b[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }
}
