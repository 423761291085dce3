using FactoryPath.Core.Assessment;
using FactoryPath.Web.Demo;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>A real scored submission; the generated results draw their score, level and JSON from a pool of these.</summary>
public sealed record PooledResult(string ModelId, string ModelVersion, double Score, int Level, string ResultJson);

public static class ScorePool
{
    /// <summary>Scores <paramref name="count"/> generated sheets of varied maturity, so scores repeat as on a real platform.</summary>
    public static PooledResult[] Create(AssessmentModel model, Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var result = Scorer.Score(model, DemoAnswers.Generate(model, rng, rng.NextDouble()));
            return new PooledResult(model.Id, model.Version, (double)result.TotalScore, result.Level.Number, AssessmentJson.Serialize(result));
        }).ToArray();
}
