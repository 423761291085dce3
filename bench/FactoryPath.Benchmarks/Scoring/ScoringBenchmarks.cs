using BenchmarkDotNet.Attributes;
using FactoryPath.Benchmarks.Infrastructure;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Demo;

namespace FactoryPath.Benchmarks.Scoring;

/// <summary>
/// Scoring throughput: one operation is one complete answer sheet, so Op/s reads as answer sheets per second.
/// Validation alone (which scoring runs first) is the baseline, so the ratio shows what scoring adds on top.
/// </summary>
[Config(typeof(BoundedRunConfig))]
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int SheetCount = 1_000;
    private const int Seed = 20_260_315;

    private AssessmentModel _model = null!;
    private AnswerSheetData[] _sheets = [];

    [Params("miit-sme-digital-level", "cmmm-selfcheck")]
    public string ModelId { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _model = ModelFiles.Latest(ModelId);
        var rng = new Random(Seed);
        // maturity spread over 0–1 so the sheets land on every level, not on one path through the rules
        _sheets = Enumerable.Range(0, SheetCount).Select(_ => DemoAnswers.Generate(_model, rng, rng.NextDouble())).ToArray();
        var invalid = _sheets.Count(s => AnswerValidator.Validate(_model, s, requireComplete: true).Count > 0);
        if (invalid > 0)
        {
            throw new InvalidOperationException($"{invalid} of {SheetCount} generated sheets for {_model} are not complete and valid.");
        }

        var levels = _sheets.Select(s => Scorer.Score(_model, s).Level.Number).CountBy(l => l).OrderBy(p => p.Key);
        Console.WriteLine($"// {SheetCount} sheets for {_model}, {_model.Questions.Count} questions; levels reached: {string.Join(", ", levels.Select(p => $"L{p.Key}×{p.Value}"))}");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SheetCount)]
    public int Validate()
    {
        var errors = 0;
        foreach (var sheet in _sheets)
        {
            errors += AnswerValidator.Validate(_model, sheet, requireComplete: true).Count;
        }

        return errors;
    }

    [Benchmark(OperationsPerInvoke = SheetCount)]
    public decimal Score()
    {
        var total = 0m;
        foreach (var sheet in _sheets)
        {
            total += Scorer.Score(_model, sheet).TotalScore;
        }

        return total;
    }
}
