namespace FactoryPath.Core.Assessment;

/// <summary>
/// A requirement of one maturity level, rated against the model's rating scale
/// (e.g. fully / mostly / partly / not met = 1 / 0.8 / 0.5 / 0 of its points).
/// </summary>
public sealed class RatingQuestion : Question
{
    internal RatingQuestion(NodeHeader header, int level, IReadOnlyList<RatingGrade> grades)
        : base(header)
    {
        Level = level;
        Grades = grades;
    }

    public override string Kind => QuestionKinds.Rating;

    /// <summary>The maturity level this requirement belongs to.</summary>
    public int Level { get; }

    /// <summary>The model's rating scale, from best to worst as written in the model.</summary>
    public IReadOnlyList<RatingGrade> Grades { get; }

    internal RatingGrade? Grade(Answer answer) => Grades.FirstOrDefault(g => g.Key == answer.Option);

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, option: true);
        if (answer.Option is not null && Grade(answer) is null)
        {
            var keys = string.Join(", ", Grades.Select(g => g.Key));
            errors.Add(Error($"没有评级“{answer.Option}”（可选 {keys}）。", $"There is no rating '{answer.Option}' (use {keys})."));
        }
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => Grade(answer) is not null;

    internal override decimal Score(Answer answer, AnswerContext context) => Points * Grade(answer)!.Fraction;

    internal override IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context)
    {
        var current = Grade(answer)!;
        var points = Score(answer, context);
        var steps = new List<Upgrade>();
        foreach (var grade in Grades.Where(g => g.Fraction > current.Fraction).OrderBy(g => g.Fraction))
        {
            var gain = Points * grade.Fraction - points;
            steps.Add(new Upgrade(0, steps.Count + 1, gain, () => new LocalizedText(
                $"“{Name.Zh}”提升到“{grade.Label.Zh}”（+{Fmt.Points(gain)} 分）",
                $"\"{Name.En}\": raise to \"{grade.Label.En}\" (+{Fmt.Points(gain)} points)")));
            points += gain;
        }

        return steps;
    }
}
