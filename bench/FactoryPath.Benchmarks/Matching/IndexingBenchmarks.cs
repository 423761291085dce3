using BenchmarkDotNet.Attributes;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Benchmarks.Matching;

/// <summary>
/// Building the matching index from 100,000 synthetic solutions (in memory, as the platform does at start): the time
/// and the memory allocated while building. Each iteration builds a fresh engine, so this is a cold build of the
/// whole catalog; the candidates are generated beforehand and not counted.
/// </summary>
[Config(typeof(InProcessRunConfig.Build))]
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    private List<(CandidateText, CandidateFacts)> solutions = [];

    [GlobalSetup]
    public void Setup() =>
        solutions = SyntheticCatalog.Solutions(MatchingBenchmarks.SolutionCount, MatchingBenchmarks.ProviderCount, ScenarioLibrary.LoadEmbedded()).ToList();

    [Benchmark]
    public int Index100kSolutions()
    {
        using var engine = new MatchEngine(SynonymList.LoadEmbedded(), MatchWeights.LoadEmbedded());
        return engine.Rebuild(solutions);
    }
}
