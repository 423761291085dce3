namespace FactoryPath.Core.Assessment;

/// <summary>
/// The user enters raw figures; the engine computes a percentage (numerator / denominator x 100, in decimal
/// arithmetic) and scores the band it falls in. Where <see cref="AllowDirectChoice"/> is set, the user may pick
/// the band instead.
/// </summary>
public sealed class BandQuestion : Question
{
    internal BandQuestion(NodeHeader header, IReadOnlyList<QuestionInput> inputs, BandRate? rate, IReadOnlyList<BandRange> bands, bool allowDirectChoice)
        : base(header)
    {
        Inputs = inputs;
        Rate = rate;
        Bands = bands;
        AllowDirectChoice = allowDirectChoice;
    }

    public override string Kind => QuestionKinds.Band;

    /// <summary>Figures entered for this question (recorded even when they do not feed the rate).</summary>
    public IReadOnlyList<QuestionInput> Inputs { get; }

    /// <summary>How the percentage is computed; null when the user can only pick a band.</summary>
    public BandRate? Rate { get; }

    /// <summary>Bands in ascending order, covering 0 % to 100 % without gaps or overlaps.</summary>
    public IReadOnlyList<BandRange> Bands { get; }

    public bool AllowDirectChoice { get; }

    /// <summary>The band a percentage falls in, or null when outside 0-100 %.</summary>
    public BandRange? BandFor(decimal percent) => Bands.FirstOrDefault(b => b.Contains(percent));

    /// <summary>numerator x 100 / denominator, or null when a figure is missing or the denominator is not positive.</summary>
    internal decimal? Percent(Answer answer, AnswerContext context)
    {
        if (Rate is null || context.Value(this, answer, Rate.Numerator) is not { } num || context.Value(this, answer, Rate.Denominator) is not { } den
            || den <= 0 || num < 0 || num > den || den > AnswerShape.MaxValue)
        {
            return null;
        }

        return num * 100m / den;
    }

    internal BandRange? Chosen(Answer answer, AnswerContext context) =>
        Percent(answer, context) is { } percent ? BandFor(percent) : AllowDirectChoice ? Bands.FirstOrDefault(b => b.Key == answer.Option) : null;

    internal QuestionInput? InputOf(InputReference reference, AnswerContext context)
    {
        var owner = reference.QuestionId is null ? this : context.Model.FindQuestion(reference.QuestionId) as BandQuestion;
        return owner?.Inputs.FirstOrDefault(i => i.Id == reference.InputId);
    }

    internal override void Check(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        AnswerShape.Allow(this, answer, errors, option: true, values: true);
        AnswerShape.CheckValues(this, answer, Inputs, errors);

        CheckRate(answer, context, errors);
        CheckOption(answer, context, errors);
    }

    private void CheckRate(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        if (Rate is null)
        {
            return;
        }

        var num = context.Value(this, answer, Rate.Numerator);
        var den = context.Value(this, answer, Rate.Denominator);
        var numLabel = InputOf(Rate.Numerator, context)!.Label;
        var denLabel = InputOf(Rate.Denominator, context)!.Label;
        var ownDenominator = Rate.Denominator.QuestionId is null;
        if (den is <= 0 && (ownDenominator || num is not null))
        {
            errors.Add(Error($"{denLabel.Zh}必须大于 0。", $"{denLabel.En} must be greater than 0.", ownDenominator ? Rate.Denominator.InputId : Rate.Numerator.InputId));
        }
        else if (num is >= 0 && den is > 0 && num > den)
        {
            errors.Add(Error(
                $"{numLabel.Zh}（{Fmt.Num(num.Value)}）不能大于{denLabel.Zh}（{Fmt.Num(den.Value)}）。",
                $"{numLabel.En} ({Fmt.Num(num.Value)}) cannot be greater than {denLabel.En} ({Fmt.Num(den.Value)}).",
                Rate.Numerator.InputId));
        }
    }

    private void CheckOption(Answer answer, AnswerContext context, List<FieldError> errors)
    {
        if (answer.Option is null)
        {
            return;
        }

        var band = Bands.FirstOrDefault(b => b.Key == answer.Option);
        if (!AllowDirectChoice)
        {
            errors.Add(Error("此题请填写数字，档位由系统计算。", "Enter the figures for this question; the band is computed from them."));
        }
        else if (band is null)
        {
            errors.Add(Error($"没有档位“{answer.Option}”。", $"There is no band '{answer.Option}'."));
        }
        else if (Percent(answer, context) is { } percent && !band.Contains(percent))
        {
            errors.Add(Error(
                $"所选档位 {band.Label} 与填写的数字不符（计算得 {Fmt.Percent(percent)}）。",
                $"The chosen band {band.Label} does not match the figures entered (they give {Fmt.Percent(percent)})."));
        }
    }

    internal override bool IsAnswered(Answer answer, AnswerContext context) => Chosen(answer, context) is not null;

    internal override FieldError Missing(Answer? answer, AnswerContext context)
    {
        if (Rate is null || (AllowDirectChoice && answer?.Values is not { Count: > 0 }))
        {
            return base.Missing(answer, context);
        }

        if (AllowDirectChoice && answer is not null && context.Value(this, answer, Rate.Denominator) is null)
        {
            var label = InputOf(Rate.Denominator, context)!.Label;
            return Error($"请选择档位，或填写{label.Zh}以自动计算档位。", $"Pick a band, or enter {label.En} to have it worked out.", Rate.Denominator.InputId);
        }

        foreach (var reference in new[] { Rate.Denominator, Rate.Numerator })
        {
            if (answer is null || context.Value(this, answer, reference) is null)
            {
                var label = InputOf(reference, context)!.Label;
                var where = reference.QuestionId is { } other && context.Model.FindQuestion(other) is { } q
                    ? new LocalizedText($"（在“{q.Name.Zh}”中）", $" (in '{q.Name.En}')")
                    : new LocalizedText(string.Empty, string.Empty);
                return Error($"请填写{label.Zh}{where.Zh}。", $"Please enter {label.En}{where.En}.", reference.QuestionId is null ? reference.InputId : null);
            }
        }

        return base.Missing(answer, context);
    }

    internal override decimal Score(Answer answer, AnswerContext context) => Chosen(answer, context)!.Points;

    internal override IReadOnlyList<Upgrade> Upgrades(Answer answer, AnswerContext context)
    {
        var currentBand = Chosen(answer, context)!;
        var current = currentBand.Points;
        var steps = new List<Upgrade>();
        foreach (var band in Bands.Where(b => b.Lower >= currentBand.Upper && b.Points > current).OrderBy(b => b.Lower))
        {
            if (band.Points <= current)
            {
                continue;
            }

            var gain = band.Points - current;
            steps.Add(new Upgrade(0, steps.Count + 1, gain, () => StepText(band, gain, answer, context)));
            current = band.Points;
        }

        return steps;
    }

    private LocalizedText StepText(BandRange band, decimal gain, Answer answer, AnswerContext context)
    {
        var plus = Fmt.Points(gain);
        if (Percent(answer, context) is { } && context.Value(this, answer, Rate!.Numerator) is { } num && context.Value(this, answer, Rate.Denominator) is { } den)
        {
            var needed = MinimumNumerator(band, den);
            var label = InputOf(Rate.Numerator, context)!.Label;
            return new LocalizedText(
                $"“{Name.Zh}”进入 {band.Label} 档：{label.Zh}至少达到 {Fmt.Num(needed)}（目前 {Fmt.Num(num)}）（+{plus} 分）",
                $"\"{Name.En}\": reach the {band.Label} band - {label.En} at least {Fmt.Num(needed)} (now {Fmt.Num(num)}) (+{plus} points)");
        }

        return new LocalizedText($"“{Name.Zh}”进入 {band.Label} 档（+{plus} 分）", $"\"{Name.En}\": reach the {band.Label} band (+{plus} points)");
    }

    /// <summary>The smallest whole count that puts the rate into <paramref name="band"/> for a fixed denominator.</summary>
    private static decimal MinimumNumerator(BandRange band, decimal denominator)
    {
        var edge = band.Lower * denominator / 100m;
        var whole = Math.Ceiling(edge);
        return !band.LowerInclusive && whole == edge ? whole + 1 : whole;
    }
}
