using System.Text.Json.Serialization;

namespace FactoryPath.Web.Regional;

/// <summary>
/// A published count of enterprises, or its absence: <see cref="Count"/> is null and <see cref="Suppressed"/> true when
/// the cell would describe fewer than <see cref="Suppression.MinimumEnterprises"/> enterprises (or had to be hidden so
/// that such a cell cannot be worked out from a total).
/// </summary>
public sealed record StatCell(int? Count, bool Suppressed)
{
    public static StatCell Shown(int count) => new(count, false);
    public static StatCell Hidden() => new(null, true);

    /// <summary>The count as the page shows it: the number, or "&lt;5".</summary>
    [JsonIgnore]
    public string Text => Count is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"<{Suppression.MinimumEnterprises}";
}

/// <summary>
/// Small-cell suppression of regional statistics.
/// <list type="number">
/// <item>Primary: a cell counting 1 to 4 enterprises is suppressed. A zero is shown: it describes no enterprise.</item>
/// <item>Complementary: cells that add up to a published total form a group (one column of a table, or the levels of one
/// model). When exactly one cell of a group is suppressed and the group's total is shown, the smallest other non-zero
/// cell (the first of equal ones) is suppressed too, so the hidden value cannot be got as total minus the others.
/// When the total itself is suppressed every non-zero cell of the group is below 5 and already hidden. A count of gaps
/// and the count at full marks on the same question form such a group too.</item>
/// </list>
/// </summary>
public static class Suppression
{
    public const int MinimumEnterprises = 5;

    public static bool IsSmall(int count) => count is > 0 and < MinimumEnterprises;

    /// <summary>One cell on its own (a total, or a figure that is part of no published sum).</summary>
    public static StatCell Single(int count) => IsSmall(count) ? StatCell.Hidden() : StatCell.Shown(count);

    /// <summary>Suppresses a group of counts that add up to a published total, primary and complementary as described above.</summary>
    public static IReadOnlyList<StatCell> Group(IReadOnlyList<int> counts)
    {
        var hidden = counts.Select(IsSmall).ToArray();
        var total = counts.Sum();
        if (hidden.Count(h => h) == 1 && !IsSmall(total))
        {
            var second = -1;
            for (var i = 0; i < counts.Count; i++)
            {
                if (hidden[i] || counts[i] == 0) continue;
                if (second < 0 || counts[i] < counts[second]) second = i;
            }
            if (second >= 0) hidden[second] = true;
        }
        return counts.Select((c, i) => hidden[i] ? StatCell.Hidden() : StatCell.Shown(c)).ToList();
    }
}
