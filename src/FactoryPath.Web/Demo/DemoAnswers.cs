using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Demo;

/// <summary>
/// Generates a complete, valid answer sheet for any model. <paramref name="maturity"/> (0–1) tilts the answers from
/// "little done" to "much done", so generated enterprises spread over the levels. Deterministic for a given seed.
/// </summary>
public static class DemoAnswers
{
    public static AnswerSheetData Generate(AssessmentModel model, Random rng, double maturity)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var question in model.Questions)
        {
            answers[question.Id] = question switch
            {
                SingleChoiceQuestion q => new Answer { Option = Pick(q.Options, rng, maturity).Key },
                MultiChoiceQuestion q => new Answer { Options = Several(q.Options, rng, maturity) },
                BandQuestion q => Band(q, answers, rng, maturity),
                TrendQuestion q => new Answer { Option = Pick(q.Options.OrderBy(o => o.Points).ToList(), rng, maturity).Key },
                SceneQuestion q => new Answer { Level = Math.Clamp((int)Math.Round(Jitter(rng, maturity) * q.MaxLevel), 0, q.MaxLevel) },
                RatingQuestion q => new Answer { Option = Pick(q.Grades.OrderBy(g => g.Fraction).ToList(), rng, Math.Max(0, maturity - (q.Level - 1) * 0.18)).Key },
                _ => throw new InvalidOperationException($"No demo answer for question kind '{question.Kind}'."),
            };
        }
        return new AnswerSheetData { Answers = answers };
    }

    private static double Jitter(Random rng, double maturity) => Math.Clamp(maturity + (rng.NextDouble() - 0.5) * 0.5, 0, 1);

    private static T Pick<T>(IReadOnlyList<T> ascending, Random rng, double maturity) =>
        ascending[Math.Clamp((int)Math.Floor(Jitter(rng, maturity) * ascending.Count), 0, ascending.Count - 1)];

    private static List<string> Several(IReadOnlyList<ChoiceOption> options, Random rng, double maturity)
    {
        var chosen = options.Where(o => !o.Exclusive && rng.NextDouble() < maturity).Select(o => o.Key).ToList();
        if (chosen.Count > 0) return chosen;
        var none = options.FirstOrDefault(o => o.Exclusive);
        return [none?.Key ?? options[0].Key];
    }

    private static Answer Band(BandQuestion q, Dictionary<string, Answer> answers, Random rng, double maturity)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (q.Rate is { } rate)
        {
            var denominator = ValueOf(rate.Denominator, q, answers, values) ?? rng.Next(20, 240);
            if ((rate.Denominator.QuestionId ?? q.Id) == q.Id) values[rate.Denominator.InputId] = denominator;
            var share = (decimal)Jitter(rng, maturity);
            values[rate.Numerator.InputId] = Math.Round(denominator * share);
        }
        foreach (var input in q.Inputs.Where(i => !values.ContainsKey(i.Id)))
        {
            values[input.Id] = rng.Next(10, 500);
        }
        var answer = new Answer { Values = values };
        return q.Rate is null && q.AllowDirectChoice
            ? answer with { Option = Pick(q.Bands.OrderBy(b => b.Points).ToList(), rng, maturity).Key }
            : answer;
    }

    private static decimal? ValueOf(InputReference reference, BandQuestion q, Dictionary<string, Answer> answers, Dictionary<string, decimal> own)
    {
        if ((reference.QuestionId ?? q.Id) == q.Id) return own.TryGetValue(reference.InputId, out var v) ? v : null;
        return answers.GetValueOrDefault(reference.QuestionId!)?.Values?.TryGetValue(reference.InputId, out var other) == true ? other : null;
    }
}
