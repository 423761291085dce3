using FactoryPath.Web.Alerts;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>
/// The evaluator against hand-made timelines. Times are seconds after 08:00:00; "report at t: value sampled at s"
/// is one health report created at t whose tag was last sampled at s.
/// </summary>
public sealed class AlertEvaluatorTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly AlertCondition DownFor10Min = new(AlertOperator.EqualTo, 3, TimeSpan.FromMinutes(10));
    private static readonly AlertCondition PowerAbove45For2Min = new(AlertOperator.GreaterThan, 45, TimeSpan.FromMinutes(2));

    private static DateTime At(double seconds) => T0.AddSeconds(seconds);

    private static Observation Good(double reportAt, double sampledAt, double value) => Observation.Of(At(sampledAt), At(reportAt), value);

    private static Observation Unusable(double reportAt, double sampledAt) => Observation.Of(At(sampledAt), At(reportAt), null);

    /// <summary>Feeds the observations in order; returns every step.</summary>
    private static List<EvaluationStep> Run(AlertCondition condition, params Observation[] observations) => Run(condition, ConditionState.Initial, observations);

    private static List<EvaluationStep> Run(AlertCondition condition, ConditionState start, params Observation[] observations)
    {
        var steps = new List<EvaluationStep>();
        var state = start;
        foreach (var o in observations)
        {
            var step = AlertEvaluator.Evaluate(condition, state, o);
            steps.Add(step);
            state = step.State;
        }
        return steps;
    }

    [Fact]
    public void A_machine_down_fires_exactly_when_it_has_been_down_for_the_duration_and_not_a_moment_before()
    {
        // down sampled once at 60 s (published on change only), then the report every 10 s repeats that sample
        var reports = new[] { 60.0, 70, 300, 659.999, 660, 670 }.Select(t => Good(t, 60, 3)).ToArray();
        var steps = Run(DownFor10Min, reports);

        Assert.All(steps.Take(4), s => Assert.Equal(AlertTransition.None, s.Transition));
        Assert.Equal(AlertTransition.Raise, steps[4].Transition);
        Assert.Equal(At(660), steps[4].At);
        Assert.Equal(At(60), steps[4].State.Since);
        Assert.Equal(AlertTransition.None, steps[5].Transition); // raised once, stays open
        Assert.True(steps[5].State.Open);
    }

    [Fact]
    public void A_sample_already_old_when_first_seen_fires_at_once_because_the_sample_time_counts_not_the_arrival()
    {
        // the platform first hears of the machine at 900 s; it has been down since 100 s according to the gateway
        var step = Run(DownFor10Min, Good(900, 100, 3)).Single();
        Assert.Equal(AlertTransition.Raise, step.Transition);
        Assert.Equal(At(100), step.State.Since);
    }

    [Fact]
    public void An_open_alert_clears_at_the_sample_time_of_the_value_that_ended_the_condition()
    {
        var steps = Run(PowerAbove45For2Min, Good(0, 0, 46), Good(120, 118, 47.5), Good(130, 125, 44.9), Good(140, 125, 44.9));
        Assert.Equal(AlertTransition.Raise, steps[1].Transition);
        Assert.Equal(At(120), steps[1].At);
        Assert.Equal(AlertTransition.Clear, steps[2].Transition);
        Assert.Equal(At(125), steps[2].At);
        Assert.Equal(44.9, steps[2].Value);
        Assert.False(steps[2].State.Open);
        Assert.Null(steps[2].State.Since);
        Assert.Equal(AlertTransition.None, steps[3].Transition);
    }

    [Fact]
    public void Flapping_restarts_the_duration_each_time_so_short_spells_never_add_up()
    {
        // above for 100 s, below briefly, above for 100 s again: never 120 s in one piece
        var steps = Run(PowerAbove45For2Min,
            Good(0, 0, 50), Good(100, 100, 50), Good(101, 101, 40), Good(102, 102, 50), Good(202, 202, 50), Good(203, 203, 40),
            Good(210, 210, 50), Good(329.9, 329.9, 50), Good(330, 330, 50));

        Assert.All(steps.Take(8), s => Assert.Equal(AlertTransition.None, s.Transition));
        Assert.Equal(AlertTransition.Raise, steps[8].Transition);
        Assert.Equal(At(210), steps[8].State.Since);
    }

    [Fact]
    public void Flapping_around_an_open_alert_clears_it_and_raises_a_new_one_only_after_a_full_duration()
    {
        var steps = Run(PowerAbove45For2Min, Good(0, 0, 50), Good(120, 120, 50), Good(121, 121, 45), Good(122, 122, 50), Good(241, 241, 50), Good(242, 242, 50));
        Assert.Equal([AlertTransition.None, AlertTransition.Raise, AlertTransition.Clear, AlertTransition.None, AlertTransition.None, AlertTransition.Raise],
            steps.Select(s => s.Transition).ToArray());
    }

    [Fact]
    public void Bad_quality_neither_meets_nor_clears_the_condition()
    {
        var steps = Run(PowerAbove45For2Min,
            Good(0, 0, 50),
            Unusable(60, 60),      // the meter is unreachable: no decision
            Unusable(130, 60),     // still unreachable past the duration: no alert on a value nobody saw
            Good(140, 140, 50),    // a good value that meets it, 140 s after the start: fires
            Unusable(150, 150),    // bad quality while open: stays open
            Unusable(500, 150),
            Good(510, 510, 30));   // only a good value clears it

        Assert.Equal([AlertTransition.None, AlertTransition.None, AlertTransition.None, AlertTransition.Raise, AlertTransition.None, AlertTransition.None, AlertTransition.Clear],
            steps.Select(s => s.Transition).ToArray());
        Assert.True(steps[5].State.Open);
        Assert.Equal(At(0), steps[3].State.Since);
        Assert.Equal(At(510), steps[6].At);
    }

    [Fact]
    public void Bad_quality_from_the_first_report_keeps_no_start()
    {
        var steps = Run(DownFor10Min, Unusable(0, 0), Unusable(700, 0), Good(710, 705, 3));
        Assert.Equal(AlertTransition.None, steps[2].Transition);
        Assert.Equal(At(705), steps[2].State.Since);
    }

    [Fact]
    public void A_report_older_than_the_last_one_seen_changes_nothing()
    {
        var steps = Run(PowerAbove45For2Min, Good(0, 0, 50), Good(100, 100, 40), Good(90, 90, 50));
        Assert.Equal(AlertTransition.None, steps[2].Transition);
        Assert.Null(steps[2].State.Since);
        Assert.Equal(At(100), steps[2].State.LastAt);
    }

    [Fact]
    public void A_change_sampled_before_the_last_report_that_disproved_it_starts_no_earlier_than_that_report()
    {
        // the 100 s report said 40 kW; a later report carries a 50 kW sample stamped 90 s (the gateway's clock stepped back)
        var steps = Run(PowerAbove45For2Min, Good(100, 100, 40), Good(110, 90, 50));
        Assert.Equal(At(100), steps[1].State.Since);
    }

    [Fact]
    public void A_stop_seen_only_when_it_is_over_raises_and_clears_at_once_when_it_lasted_the_duration()
    {
        var downFor15s = new AlertCondition(AlertOperator.EqualTo, 3, TimeSpan.FromSeconds(15));
        // reports every 10 s: down sampled at 2 s, seen at 10 s; running again sampled at 18 s, seen at 20 s
        var steps = Run(downFor15s, Good(10, 2, 3), Good(20, 18, 1));
        Assert.Equal(AlertTransition.RaiseAndClear, steps[1].Transition);
        Assert.Equal(At(2), steps[1].Since);
        Assert.Equal(At(17), steps[1].RaisedAt);
        Assert.Equal(At(18), steps[1].At);
        Assert.Equal(3, steps[1].MetValue);
        Assert.False(steps[1].State.Open);

        // a stop of 14 s does not
        Assert.Equal(AlertTransition.None, Run(downFor15s, Good(10, 2, 3), Good(20, 16, 1))[1].Transition);
    }

    [Theory]
    [InlineData(AlertOperator.GreaterThan, 45, 45, false)]
    [InlineData(AlertOperator.GreaterThan, 45, 45.01, true)]
    [InlineData(AlertOperator.AtLeast, 45, 45, true)]
    [InlineData(AlertOperator.LessThan, 50, 50, false)]
    [InlineData(AlertOperator.LessThan, 50, 49.9, true)]
    [InlineData(AlertOperator.AtMost, 50, 50, true)]
    [InlineData(AlertOperator.EqualTo, 3, 3, true)]
    [InlineData(AlertOperator.EqualTo, 3, 1, false)]
    [InlineData(AlertOperator.NotEqualTo, 1, 3, true)]
    [InlineData(AlertOperator.NotEqualTo, 1, 1, false)]
    public void Each_comparison_holds_exactly_at_its_edge(AlertOperator op, double threshold, double value, bool met) =>
        Assert.Equal(met, new AlertCondition(op, threshold, TimeSpan.Zero).IsMetBy(value));

    [Fact]
    public void A_zero_duration_fires_on_the_first_good_value_that_meets_it()
    {
        var step = Run(new AlertCondition(AlertOperator.LessThan, 50, TimeSpan.Zero), Good(60, 60, 42)).Single();
        Assert.Equal(AlertTransition.Raise, step.Transition);
        Assert.Equal(At(60), step.At);
    }

    [Fact]
    public void Not_a_number_counts_as_no_value()
    {
        var step = Run(PowerAbove45For2Min, Observation.Of(At(10), At(10), double.NaN)).Single();
        Assert.Equal(ConditionState.Initial, step.State);
    }

    [Fact]
    public void Stopping_and_resuming_from_the_stored_state_gives_the_same_alerts_as_running_through()
    {
        var timeline = new[] { Good(0, 0, 3), Good(300, 0, 3), Good(590, 0, 3), Good(600, 0, 3), Good(610, 0, 3), Good(900, 880, 1), Good(910, 905, 3), Good(1505, 905, 3) };
        var through = Run(DownFor10Min, timeline);

        for (var cut = 1; cut < timeline.Length; cut++)
        {
            var before = Run(DownFor10Min, timeline[..cut]);
            // what the platform keeps in the database across a restart, read back into a fresh state
            var stored = new AlertRuleState
            {
                Since = before[^1].State.Since,
                LastAt = before[^1].State.LastAt,
                LastValue = before[^1].State.LastValue,
                OpenAlertId = before[^1].State.Open ? 42 : null,
            };
            var after = Run(DownFor10Min, stored.ToState(), timeline[cut..]);
            Assert.Equal(through.Select(s => (s.Transition, s.At)).ToArray(), before.Concat(after).Select(s => (s.Transition, s.At)).ToArray());
        }

        Assert.Equal([AlertTransition.Raise, AlertTransition.Clear, AlertTransition.Raise], through.Where(s => s.Transition != AlertTransition.None).Select(s => s.Transition).ToArray());
    }
}
