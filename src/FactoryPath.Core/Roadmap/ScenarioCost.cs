using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Roadmap;

/// <summary>
/// Typical cost and time of a scenario from the solutions that implement it: the 25th-75th percentile of their price
/// midpoints, the median implementation time, and how many solutions that is.
/// </summary>
public sealed record ScenarioCost(long PriceLowCny, long PriceHighCny, int TypicalWeeks, int Solutions);

/// <summary>What the planner asks for a scenario's typical cost; null when no fitting solution implements it.</summary>
public interface IScenarioCosts
{
    ScenarioCost? Find(string scenarioId);
}

/// <summary>Scenario costs held in a dictionary (built by <see cref="ScenarioCostTable.Build"/> or by hand in tests).</summary>
public sealed class ScenarioCostTable(IReadOnlyDictionary<string, ScenarioCost> costs) : IScenarioCosts
{
    public static ScenarioCostTable Empty { get; } = new(new Dictionary<string, ScenarioCost>());

    public IReadOnlyDictionary<string, ScenarioCost> Costs { get; } = costs;

    public ScenarioCost? Find(string scenarioId) => Costs.GetValueOrDefault(scenarioId);

    /// <summary>
    /// The cost of every scenario from the offers that fit the enterprise: an offer with no industries or no size
    /// classes fits any; a null <paramref name="size"/> or <paramref name="industryCode"/> does not filter.
    /// </summary>
    public static ScenarioCostTable Build(IEnumerable<SolutionOffer> offers, SizeClass? size, string? industryCode)
    {
        ArgumentNullException.ThrowIfNull(offers);
        var byScenario = new Dictionary<string, List<SolutionOffer>>(StringComparer.Ordinal);
        foreach (var offer in offers)
        {
            if (!offer.Fits(size, industryCode)) continue;
            foreach (var scenario in offer.Scenarios)
            {
                if (!byScenario.TryGetValue(scenario, out var list)) byScenario[scenario] = list = [];
                list.Add(offer);
            }
        }

        return new ScenarioCostTable(byScenario.ToDictionary(p => p.Key, p => Summarise(p.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100 × n).
    /// A price midpoint is (min + max) / 2 in whole yuan, rounded down.
    /// </summary>
    public static ScenarioCost Summarise(IReadOnlyCollection<SolutionOffer> offers)
    {
        if (offers.Count == 0) throw new ArgumentException("At least one offer is needed.", nameof(offers));
        var mids = offers.Select(o => (o.PriceMinCny + o.PriceMaxCny) / 2).Order().ToArray();
        var weeks = offers.Select(o => o.Weeks).Order().ToArray();
        return new ScenarioCost(Rank(mids, 25), Rank(mids, 75), Rank(weeks, 50), offers.Count);
    }

    private static T Rank<T>(T[] sorted, int percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100m * sorted.Length) - 1)];
}

/// <summary>What the cost table needs of a solution.</summary>
public sealed record SolutionOffer(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Industries,
    IReadOnlyList<SizeClass> SizeClasses,
    long PriceMinCny,
    long PriceMaxCny,
    int Weeks)
{
    public bool Fits(SizeClass? size, string? industryCode) =>
        (size is null || SizeClasses.Count == 0 || SizeClasses.Contains(size.Value)) &&
        (industryCode is null || Industries.Count == 0 || Industries.Contains(industryCode, StringComparer.Ordinal));
}

/// <summary>Cost and time of the steps up to the one that reaches the next level (all steps when none does).</summary>
/// <param name="Weeks">Sum of the typical weeks, as if the steps were done one after another.</param>
/// <param name="StepsWithoutSolutions">Steps counted but with no fitting solution yet (not in the sums).</param>
public sealed record RoadmapCostTotal(long PriceLowCny, long PriceHighCny, int Weeks, int Steps, int StepsWithoutSolutions);
