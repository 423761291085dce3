namespace FactoryPath.Core.Assessment;

/// <summary>Pick one option; the score is that option's points.</summary>
public sealed class SingleChoiceQuestion : Question
{
    internal SingleChoiceQuestion(NodeHeader header, IReadOnlyList<ChoiceOption> options)
        : base(header)
    {
        Options = options;
    }

    public override string Kind => QuestionKinds.Single;

    public IReadOnlyList<ChoiceOption> Options { get; }

    internal ChoiceOption? Find(string? key) => Options.FirstOrDefault(o => o.Key == key);

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, option: true);
        if (answer.Option is not null && Find(answer.Option) is null)
        {
            errors.Add(Error($"没有选项“{answer.Option}”。", $"There is no option '{answer.Option}'."));
        }
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => Find(answer.Option) is not null;

    internal override decimal Score(Answer answer, AnswerContext context) => Find(answer.Option)!.Points;

    internal override IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context)
    {
        var current = Score(answer, context);
        var steps = new List<Upgrade>();
        foreach (var option in Options.Where(o => o.Points > current).OrderBy(o => o.Points))
        {
            if (option.Points <= current)
            {
                continue;
            }

            var gain = option.Points - current;
            steps.Add(new Upgrade(0, steps.Count + 1, gain, () => new LocalizedText(
                $"“{Name.Zh}”做到“{option.Label.Zh}”（+{Fmt.Points(gain)} 分）",
                $"\"{Name.En}\": reach \"{option.Label.En}\" (+{Fmt.Points(gain)} points)")));
            current = option.Points;
        }

        return steps;
    }
}
