namespace FactoryPath.Web.Alerts;

/// <summary>A rule's condition: compare the value with a threshold; the comparison must hold for <see cref="Duration"/>.</summary>
public sealed record AlertCondition(AlertOperator Operator, double Threshold, TimeSpan Duration)
{
    public bool IsMetBy(double value) => Operator switch
    {
        AlertOperator.GreaterThan => value > Threshold,
        AlertOperator.AtLeast => value >= Threshold,
        AlertOperator.LessThan => value < Threshold,
        AlertOperator.AtMost => value <= Threshold,
        AlertOperator.EqualTo => value == Threshold,
        AlertOperator.NotEqualTo => value != Threshold,
        _ => false,
    };
}

/// <summary>
/// What is known of a machine's watched value at one moment.
/// </summary>
/// <param name="SampleAt">When the value was sampled (the tag's timestamp; for a KPI, the end of its window).</param>
/// <param name="AsOf">
/// The moment the value is known to be current: a health report says each tag's latest value as of its creation, so
/// a value sampled once and unchanged since still holds at the report's time. Never earlier than <paramref name="SampleAt"/>.
/// </param>
/// <param name="Value">The value; null when there is none, or it is not usable (bad or uncertain quality).</param>
public readonly record struct Observation(DateTime SampleAt, DateTime AsOf, double? Value)
{
    public static Observation Of(DateTime sampleAt, DateTime asOf, double? value) =>
        new(sampleAt, asOf < sampleAt ? sampleAt : asOf, value is { } v && double.IsFinite(v) ? v : null);
}

/// <summary>A rule's standing for one machine: since when the condition holds (null: it does not), the last usable observation, whether an alert is open.</summary>
public sealed record ConditionState(DateTime? Since, DateTime? LastAt, double? LastValue, bool Open)
{
    public static ConditionState Initial { get; } = new(null, null, null, false);
}

public enum AlertTransition
{
    None,
    Raise,
    Clear,
    /// <summary>
    /// A spell seen only once it was over: the value that ended it shows the condition held for the duration (from its
    /// start up to that value's sample), though no report came while it held long enough. Raised and cleared at once.
    /// </summary>
    RaiseAndClear,
}

/// <summary>
/// The state after one observation, and whether an alert is to be raised or cleared: <see cref="At"/> is when
/// (raised for <see cref="AlertTransition.Raise"/>, cleared for the others); <see cref="RaisedAt"/> the raise time of
/// a <see cref="AlertTransition.RaiseAndClear"/>; <see cref="Since"/> the start of the condition that ended.
/// </summary>
public sealed record EvaluationStep(ConditionState State, AlertTransition Transition, DateTime? At, double? Value)
{
    public DateTime? RaisedAt { get; init; }

    public DateTime? Since { get; init; }

    /// <summary>The value that met the condition in a spell raised and cleared at once.</summary>
    public double? MetValue { get; init; }
}

/// <summary>
/// Threshold-and-duration evaluation, pure: the caller keeps the state (in the database) and feeds observations in
/// arrival order. Rules of the game:
/// <list type="bullet">
/// <item>The condition's start is the sample time of the first value that met it; any later value that meets it too
/// keeps the start. It fires when an observation shows it still met at <c>AsOf ≥ start + duration</c> — exactly at the
/// duration, never before — and only once until it clears.</item>
/// <item>A usable value that does not meet it ends it: a pending start is forgotten; an open alert clears at that
/// value's sample time. Met again later starts a new full duration (flapping does not add up). When that value's
/// sample time shows the condition had held for the duration although no report came in the meantime (a stop shorter
/// than the report interval beyond the duration), the alert is raised at start + duration and cleared at once.</item>
/// <item>No usable value (bad or uncertain quality, no value, the tag missing) changes nothing: it neither meets the
/// condition nor clears it, so an open alert stays open and a pending start is kept; only a usable value decides.</item>
/// <item>An observation older than the last usable one (a report replayed late) is ignored.</item>
/// </list>
/// </summary>
public static class AlertEvaluator
{
    public static EvaluationStep Evaluate(AlertCondition condition, ConditionState state, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(state);
        if (observation.Value is not { } value || (state.LastAt is { } last && observation.AsOf < last))
        {
            return new EvaluationStep(state, AlertTransition.None, null, null);
        }

        if (condition.IsMetBy(value))
        {
            // a value that changed after the last usable observation cannot have met the condition before it
            var since = state.Since ?? (state.LastAt is { } seen && observation.SampleAt < seen ? seen : observation.SampleAt);
            var next = new ConditionState(since, observation.AsOf, value, state.Open);
            if (!state.Open && observation.AsOf - since >= condition.Duration)
            {
                return new EvaluationStep(next with { Open = true }, AlertTransition.Raise, observation.AsOf, value);
            }

            return new EvaluationStep(next, AlertTransition.None, null, value);
        }

        var cleared = new ConditionState(null, observation.AsOf, value, false);
        // the value that ended it was sampled after the last observation that still met it (clocks permitting)
        var at = state.LastAt is { } before && observation.SampleAt < before ? before : observation.SampleAt;
        if (state.Open)
        {
            return new EvaluationStep(cleared, AlertTransition.Clear, at, value);
        }

        if (state.Since is { } start && at - start >= condition.Duration)
        {
            return new EvaluationStep(cleared, AlertTransition.RaiseAndClear, at, value) { RaisedAt = start + condition.Duration, Since = start, MetValue = state.LastValue };
        }

        return new EvaluationStep(cleared, AlertTransition.None, null, value);
    }
}
