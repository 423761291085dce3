using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Benchmarks.Matching;

/// <summary>
/// Matching latency against 100,000 solutions and 10,000 providers. One operation is one demand (the twelve of
/// <see cref="SyntheticCatalog.Demands"/> in turn). <c>RawLucene</c>, the baseline, is the first index query alone (text or
/// filters, top 200, no ranking); <c>Match</c> is the full match: candidates of both kinds, re-ranking on every component,
/// providers with their best solution, and the matched text concepts of the ten shown per kind.
/// Setup also times each demand one call at a time and prints p50/p95 per request.
/// </summary>
[Config(typeof(InProcessRunConfig.Latency))]
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    public const int SolutionCount = 100_000;
    public const int ProviderCount = 10_000;

    private MatchEngine engine = null!;
    private IReadOnlyList<MatchRequest> demands = [];

    [GlobalSetup]
    public void Setup()
    {
        var library = ScenarioLibrary.LoadEmbedded();
        engine = new MatchEngine(SynonymList.LoadEmbedded(), MatchWeights.LoadEmbedded());
        var clock = Stopwatch.StartNew();
        engine.Rebuild(SyntheticCatalog.Providers(ProviderCount, library).Concat(SyntheticCatalog.Solutions(SolutionCount, ProviderCount, library)));
        Console.WriteLine($"// indexed {engine.Count:N0} candidates in {clock.Elapsed.TotalSeconds:0.0} s");
        demands = SyntheticCatalog.Demands();
        PrintPerRequestLatency();
    }

    [GlobalCleanup]
    public void Cleanup() => engine.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = 12)]
    public int RawLucene()
    {
        var hits = 0;
        foreach (var demand in demands)
        {
            hits += Raw(demand);
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int Match()
    {
        var found = 0;
        foreach (var demand in demands)
        {
            found += engine.Match(demand, [SearchDocumentKinds.Solution, SearchDocumentKinds.Provider], 10).Of(SearchDocumentKinds.Solution).Count;
        }

        return found;
    }

    private int Raw(MatchRequest demand) =>
        engine.Index.Search(demand.Text, MatchEngine.HardFilters(demand, SearchDocumentKinds.Solution), engine.Ranker.Weights.CandidatesPerKind, explain: false).Count;

    private void PrintPerRequestLatency()
    {
        const int Rounds = 40;
        var match = new List<double>();
        var raw = new List<double>();
        var perDemand = demands.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < Rounds + 5; round++)
        {
            for (var d = 0; d < demands.Count; d++)
            {
                var demand = demands[d];
                var t = Stopwatch.GetTimestamp();
                engine.Match(demand, [SearchDocumentKinds.Solution, SearchDocumentKinds.Provider], 10);
                var m = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                Raw(demand);
                var r = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (round >= 5)
                {
                    // the first rounds warm the JIT and caches
                    match.Add(m);
                    raw.Add(r);
                    perDemand[d].Add(m);
                }
            }
        }

        static double P(List<double> xs, double p) { var s = xs.Order().ToList(); return s[(int)Math.Ceiling(p * s.Count) - 1]; }
        // which demands make the tail: the median of each, slowest first
        var slowest = perDemand.Select((xs, d) => (Demand: d, Median: P(xs, 0.5))).OrderByDescending(x => x.Median)
            .Select(x => $"#{x.Demand} {x.Median:0.0} ms");
        Console.WriteLine($"// per demand, median Match time, slowest first: {string.Join(", ", slowest)}");
        Console.WriteLine($"// per request over {match.Count} calls: Match p50 {P(match, 0.5):0.00} ms, p95 {P(match, 0.95):0.00} ms, max {match.Max():0.00} ms; RawLucene p50 {P(raw, 0.5):0.00} ms, p95 {P(raw, 0.95):0.00} ms; p50 ratio {P(match, 0.5) / P(raw, 0.5):0.0}");
    }
}
