using System.Text.Json;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Assessment;

namespace FactoryPath.Web.Demo.Synthetic;

/// <summary>A submitted answer sheet and the result scored from it.</summary>
public sealed record SyntheticSubmission(AnswerSheet Sheet, StoredResult Result);

public sealed partial class SyntheticDataGenerator
{
    /// <summary>Generated results are submitted between an enterprise's registration and this date.</summary>
    public static readonly DateTime ResultsUntil = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Scored answer sheets per model: <see cref="MaturitySteps"/> maturities × <see cref="SheetsPerStep"/> sheets.</summary>
    public const int MaturitySteps = 40, SheetsPerStep = 12;

    /// <summary>Share of results under the first model given; the rest under the other models in turn.</summary>
    private const double FirstModelShare = 0.8;

    private static readonly JsonSerializerOptions CompactJson = new(AssessmentJson.Options) { WriteIndented = false };

    private List<ScoredSheet>[][]? _scored;

    /// <summary>
    /// <paramref name="count"/> submitted assessments with history, spread over the generated enterprises (each gets
    /// count ÷ enterprises, the first ones one more): dates between registration and <see cref="ResultsUntil"/> in order,
    /// maturity rising from one submission to the next, about 80 % under the first model. The newest result of each
    /// enterprise and model is its latest. Answers are generated (<see cref="DemoAnswers"/>) and scored with the real
    /// scorer; to keep generation fast every result is drawn from a pool of <see cref="MaturitySteps"/> ×
    /// <see cref="SheetsPerStep"/> scored sheets per model at the nearest maturity, so results repeat across enterprises.
    /// Results and sheets are stored as compact JSON.
    /// </summary>
    public IEnumerable<SyntheticSubmission> Results(int count)
    {
        if (count <= 0) yield break;
        if (_models.Count == 0) throw new InvalidOperationException("Results need the assessment models: pass them to the generator.");
        if (_enterprises.Count == 0) throw new InvalidOperationException("Generate the enterprises before their results.");
        _scored ??= ScorePools();
        var rng = Rng(5);
        var perEnterprise = count / _enterprises.Count;
        var extra = count % _enterprises.Count;
        var models = new int[SyntheticCounts.MaxResultsPerEnterprise + 1];
        var dates = new List<DateTime>();
        for (var e = 0; e < _enterprises.Count; e++)
        {
            var enterprise = _enterprises[e];
            var n = perEnterprise + (e < extra ? 1 : 0);
            if (n == 0) continue;
            var first = enterprise.Created < ResultsUntil ? enterprise.Created : ResultsUntil.AddDays(-1);
            var span = (ResultsUntil - first).TotalMinutes;
            dates.Clear();
            for (var k = 0; k < n; k++) dates.Add(first.AddMinutes(1 + rng.NextDouble() * (span - 1)));
            dates.Sort();
            for (var k = 0; k < n; k++)
                models[k] = _models.Count == 1 || rng.NextDouble() < FirstModelShare ? 0 : 1 + rng.Next(_models.Count - 1);
            var maturity = Math.Clamp(Normal(rng, 0.35, 0.2), 0, 1);
            for (var k = 0; k < n; k++)
            {
                maturity = Math.Clamp(maturity + 0.02 + rng.NextDouble() * 0.08, 0, 1);
                var m = models[k];
                var isLatest = true;
                for (var later = k + 1; later < n; later++) if (models[later] == m) { isLatest = false; break; }
                var step = Math.Min(MaturitySteps - 1, (int)(maturity * MaturitySteps));
                var pool = _scored[m][step];
                var scored = pool[rng.Next(pool.Count)];
                var model = _models[m];
                var at = dates[k];
                var sheet = new AnswerSheet
                {
                    Id = NewGuid(rng), EnterpriseId = enterprise.Id, ModelId = model.Id, ModelVersion = model.Version,
                    Status = AnswerSheetStatus.Submitted, AnswersJson = scored.AnswersJson, EvidenceJson = "{}",
                    CreatedAt = at.AddMinutes(-30), UpdatedAt = at, SubmittedAt = at,
                };
                var result = new StoredResult
                {
                    Id = NewGuid(rng), AnswerSheetId = sheet.Id, EnterpriseId = enterprise.Id, ModelId = model.Id, ModelVersion = model.Version,
                    Score = scored.Score, Level = scored.Level, IndustryCode = enterprise.IndustryCode, ProvinceCode = enterprise.ProvinceCode,
                    RegionCode = enterprise.RegionCode, IsLatest = isLatest, SubmittedAt = at, ResultJson = scored.ResultJson,
                };
                yield return new SyntheticSubmission(sheet, result);
            }
        }
    }

    private List<ScoredSheet>[][] ScorePools()
    {
        var rng = Rng(6);
        return _models.Select(model => Enumerable.Range(0, MaturitySteps).Select(step =>
        {
            var sheets = new List<ScoredSheet>(SheetsPerStep);
            for (var i = 0; i < SheetsPerStep; i++)
            {
                var maturity = (step + rng.NextDouble()) / MaturitySteps;
                var answers = DemoAnswers.Generate(model, rng, maturity);
                var result = Scorer.Score(model, answers);
                sheets.Add(new ScoredSheet(JsonSerializer.Serialize(answers, CompactJson), JsonSerializer.Serialize(result, CompactJson),
                    (double)result.TotalScore, result.Level.Number));
            }
            return sheets;
        }).ToArray()).ToArray();
    }

    private sealed record ScoredSheet(string AnswersJson, string ResultJson, double Score, int Level);
}
