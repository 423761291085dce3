using System.Globalization;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;
using Xunit.Abstractions;

namespace FactoryPath.Core.Tests.Matching.Quality;

/// <summary>
/// Ranking quality over the labelled set: precision@5 (share of the top five the expert listed) and nDCG@10 with graded
/// gains (2^grade − 1), both averaged over the demands. The floors sit just below the measured figures, so a change that
/// makes ranking worse fails here; BENCHMARKS.md ("Matching quality") records the figures.
/// </summary>
public sealed class MatchingQualityTests(ITestOutputHelper output)
{
    private const double PrecisionAt5Floor = 0.41;
    private const double NdcgAt10Floor = 0.93;

    [Fact]
    public void LabelledSet_IsLargeEnoughAndConsistent()
    {
        var set = QualitySet.Load();
        var ids = set.Solutions.Select(s => s.Id).ToHashSet();

        Assert.True(set.Solutions.Count >= 60, $"{set.Solutions.Count} solutions");
        Assert.True(set.Demands.Count >= 30, $"{set.Demands.Count} demands");
        Assert.Equal(set.Solutions.Count, ids.Count);
        Assert.All(set.Demands, d => Assert.All(d.Expected, e =>
        {
            Assert.Contains(e.Id, ids);
            Assert.InRange(e.Grade, 1, 2);
            Assert.False(string.IsNullOrWhiteSpace(e.Why));
        }));
        var library = ScenarioLibrary.LoadEmbedded();
        Assert.All(set.Solutions.SelectMany(s => s.Scen), s => Assert.NotNull(library.Find(s)));
        Assert.Contains(set.Demands, d => d.Text.Any(c => c > 0x4e00)); // Chinese
        Assert.Contains(set.Demands, d => d.Text.Any(char.IsAsciiLetter) && !d.Text.Any(c => c > 0x4e00)); // English
    }

    [Fact]
    public void Ranking_MeetsThePrecisionAndNdcgFloors()
    {
        var set = QualitySet.Load();
        using var engine = new MatchEngine(SynonymList.LoadEmbedded(), MatchWeights.LoadEmbedded());
        engine.Rebuild(set.Candidates(ScenarioLibrary.LoadEmbedded()));

        double precision = 0, ndcg = 0;
        foreach (var demand in set.Demands)
        {
            var ranked = engine.Match(demand.ToRequest(), [SearchDocumentKinds.Solution], 10).Of(SearchDocumentKinds.Solution).Select(m => m.Id).ToList();
            var grades = demand.Expected.ToDictionary(e => e.Id, e => e.Grade);
            var p5 = ranked.Take(5).Count(grades.ContainsKey) / 5.0;
            var n10 = Ndcg(ranked, grades, 10);
            precision += p5;
            ndcg += n10;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{demand.Id} P@5={p5:0.00} nDCG@10={n10:0.000} top5={string.Join(",", ranked.Take(5))}"));
        }

        precision /= set.Demands.Count;
        ndcg /= set.Demands.Count;
        var ceiling = set.Demands.Average(d => Math.Min(5, d.Expected.Count) / 5.0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demands={set.Demands.Count} solutions={set.Solutions.Count} P@5={precision:0.000} (ceiling {ceiling:0.000}) nDCG@10={ndcg:0.000}"));
        Assert.True(precision >= PrecisionAt5Floor, $"precision@5 {precision:0.000} is below the floor {PrecisionAt5Floor}");
        Assert.True(ndcg >= NdcgAt10Floor, $"nDCG@10 {ndcg:0.000} is below the floor {NdcgAt10Floor}");
    }

    internal static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k)
    {
        static double Gain(int grade) => Math.Pow(2, grade) - 1;
        var dcg = ranked.Take(k).Select((id, i) => grades.TryGetValue(id, out var g) ? Gain(g) / Math.Log2(i + 2) : 0).Sum();
        var ideal = grades.Values.OrderDescending().Take(k).Select((g, i) => Gain(g) / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    [Fact]
    public void Ndcg_PerfectOrderIsOne_ReversedIsLess()
    {
        var grades = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 };

        Assert.Equal(1, Ndcg(["a", "b", "x"], grades, 10), 9);
        Assert.Equal((1 + 3 / Math.Log2(3)) / (3 + 1 / Math.Log2(3)), Ndcg(["b", "a"], grades, 10), 9);
        Assert.Equal(0, Ndcg(["x"], grades, 10));
    }
}
