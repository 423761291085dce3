namespace FactoryPath.Core.Assessment;

/// <summary>
/// Pick any options; the score is their sum, limited by <see cref="Cap"/>. An exclusive option ("none")
/// stands alone.
/// </summary>
public sealed class MultiChoiceQuestion : Question
{
    internal MultiChoiceQuestion(NodeHeader header, IReadOnlyList<ChoiceOption> options, decimal? cap)
        : base(header)
    {
        Options = options;
        Cap = cap;
    }

    public override string Kind => QuestionKinds.Multi;

    public IReadOnlyList<ChoiceOption> Options { get; }

    /// <summary>Most points the question gives, whatever is chosen; null when uncapped.</summary>
    public decimal? Cap { get; }

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, options: true);
        if (answer.Options is not { } chosen)
        {
            return;
        }

        foreach (var key in chosen.Where(k => Options.All(o => o.Key != k)).Distinct())
        {
            errors.Add(Error($"没有选项“{key}”。", $"There is no option '{key}'."));
        }

        foreach (var key in chosen.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(Error($"选项“{key}”选了不止一次。", $"Option '{key}' is chosen more than once."));
        }

        var exclusive = Options.FirstOrDefault(o => o.Exclusive && chosen.Contains(o.Key));
        if (exclusive is not null && chosen.Distinct().Count() > 1)
        {
            errors.Add(Error(
                $"“{exclusive.Label.Zh}”不能与其他选项同时选择。",
                $"\"{exclusive.Label.En}\" cannot be combined with other options."));
        }
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => answer.Options is { Count: > 0 };

    internal override decimal Score(Answer answer, AnswerContext context)
    {
        var chosen = answer.Options ?? [];
        var sum = Options.Where(o => chosen.Contains(o.Key)).Sum(o => o.Points);
        return Cap is { } cap ? Math.Min(sum, cap) : sum;
    }

    internal override IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context)
    {
        var current = Score(answer, context);
        var room = (Cap ?? Points) - current;
        var chosen = answer.Options ?? [];
        var chain = 0;
        var steps = new List<Upgrade>();
        foreach (var option in Options.Where(o => !o.Exclusive && !chosen.Contains(o.Key) && o.Points > 0).OrderByDescending(o => o.Points))
        {
            var gain = Math.Min(option.Points, room);
            if (gain <= 0)
            {
                break;
            }

            steps.Add(new Upgrade(chain++, 1, gain, () => new LocalizedText(
                $"“{Name.Zh}”增加“{option.Label.Zh}”（+{Fmt.Points(gain)} 分）",
                $"\"{Name.En}\": add \"{option.Label.En}\" (+{Fmt.Points(gain)} points)")));
        }

        return steps;
    }
}
