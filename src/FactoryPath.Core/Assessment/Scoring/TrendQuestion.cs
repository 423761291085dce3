namespace FactoryPath.Core.Assessment;

/// <summary>
/// A measure compared with an earlier period: it went up, stayed flat, or went down. Which direction is better
/// is data (<see cref="Better"/>): for energy or cost per revenue a decrease is the improvement.
/// Worse / flat / better earn 0 / 50 / 100 % of the points.
/// </summary>
public sealed class TrendQuestion : Question
{
    public const string Increase = "increase";
    public const string Flat = "flat";
    public const string Decrease = "decrease";

    internal TrendQuestion(NodeHeader header, TrendDirection better, IReadOnlyList<QuestionInput> inputs)
        : base(header)
    {
        Better = better;
        Inputs = inputs;
        Options =
        [
            Make(Increase, new LocalizedText("增加", "Increased"), better == TrendDirection.Increase ? TrendOutcome.Better : TrendOutcome.Worse),
            Make(Flat, new LocalizedText("持平", "About the same"), TrendOutcome.Flat),
            Make(Decrease, new LocalizedText("降低", "Decreased"), better == TrendDirection.Decrease ? TrendOutcome.Better : TrendOutcome.Worse),
        ];
    }

    public override string Kind => QuestionKinds.Trend;

    public TrendDirection Better { get; }

    /// <summary>Optional figures recorded alongside (e.g. last year and the year before).</summary>
    public IReadOnlyList<QuestionInput> Inputs { get; }

    /// <summary>The three answers, in the order increase, flat, decrease, with the points each earns.</summary>
    public IReadOnlyList<TrendOption> Options { get; }

    internal static decimal ShareOf(TrendOutcome outcome) => outcome switch
    {
        TrendOutcome.Better => 1m,
        TrendOutcome.Flat => 0.5m,
        _ => 0m,
    };

    private TrendOption Make(string key, LocalizedText label, TrendOutcome outcome) => new(key, label, outcome, Points * ShareOf(outcome));

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, option: true, values: true);
        if (answer.Option is not null && Options.All(o => o.Key != answer.Option))
        {
            errors.Add(Error($"没有选项“{answer.Option}”（可选 increase、flat、decrease）。", $"There is no option '{answer.Option}' (use increase, flat or decrease)."));
        }

        AnswerShape.CheckValues(this, answer, Inputs, errors);
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => Options.Any(o => o.Key == answer.Option);

    internal override decimal Score(Answer answer, AnswerContext context) => Options.First(o => o.Key == answer.Option).Points;

    internal override IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context)
    {
        var current = Options.First(o => o.Key == answer.Option);
        var steps = new List<Upgrade>();
        var points = current.Points;
        foreach (var option in Options.Where(o => o.Outcome > current.Outcome).OrderBy(o => o.Outcome))
        {
            var gain = option.Points - points;
            steps.Add(new Upgrade(0, steps.Count + 1, gain, () => new LocalizedText(
                $"“{Name.Zh}”由{current.Label.Zh}变为{option.Label.Zh}（+{Fmt.Points(gain)} 分）",
                $"\"{Name.En}\": turn \"{current.Label.En}\" into \"{option.Label.En}\" (+{Fmt.Points(gain)} points)")));
            points = option.Points;
        }

        return steps;
    }
}

/// <summary>Which way a trend measure should move to count as an improvement.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<TrendDirection>))]
public enum TrendDirection
{
    Increase,
    Decrease,
}

/// <summary>Worse, flat or better, in ascending order of merit.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<TrendOutcome>))]
public enum TrendOutcome
{
    Worse,
    Flat,
    Better,
}

/// <summary>One answer of a trend question.</summary>
public sealed record TrendOption(string Key, LocalizedText Label, TrendOutcome Outcome, decimal Points);
