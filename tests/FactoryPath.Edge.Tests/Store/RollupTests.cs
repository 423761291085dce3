using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using static FactoryPath.Edge.Tests.Store.StoreFixtures;

namespace FactoryPath.Edge.Tests.Store;

public sealed class RollupTests
{
    [Theory]
    [InlineData(10, 15, 5)] // plain increase
    [InlineData(65_535, 3, 4)] // 16-bit rollover: 3 + 65,536 - 65,535
    [InlineData(4_294_967_290, 5, 11)] // 32-bit rollover: 5 + 4,294,967,296 - 4,294,967,290
    [InlineData(150, 20, 20)] // reset: counts again from zero
    [InlineData(40_000, 30_000, 30_000)] // drop of 10,000 from the upper 16-bit half: too small for a rollover
    [InlineData(100_000, 3, 3)] // above the 16-bit range, below the upper 32-bit half: a reset
    public void Counter_increase_takes_out_resets_and_rollovers(double previous, double current, double increase) =>
        Assert.Equal(increase, CounterIncrease.Between(previous, current));

    [Fact]
    public async Task Minute_rollups_match_hand_computed_values()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        store.RegisterTags([Tag("temp", TagRole.Temperature), Tag("c16", TagRole.GoodCount), Tag("c32", TagRole.EnergyKwh), Tag("reset", TagRole.ScrapCount)]);
        await store.WriteAsync([
            // minute 10:00
            Good("temp", 0, 10), Good("temp", 20, 20), Bad("temp", 30), Good("temp", 40, 30),
            Good("c16", 0, 65_530), Good("c16", 30, 65_535),
            Good("c32", 0, 4_294_967_290),
            Good("reset", 0, 100), Good("reset", 30, 150),
            // minute 10:01 (no temp sample at all)
            Good("c16", 60, 3), Good("c16", 90, 10),
            Good("c32", 60, 5),
            Good("reset", 60, 20), Good("reset", 90, 25), Bad("reset", 100),
            // minute 10:03 (10:02 has nothing)
            Good("temp", 180, 5), Good("reset", 180, 40),
        ], default);

        // at 10:01:30 only 10:00 is closed (grace 5 s)
        var first = await store.ComputeRollupsAsync(T0.AddSeconds(90));
        Assert.Equal(4, first.MinuteRows);
        Assert.Equal(T0.AddMinutes(1), first.MinutesDoneUntil);

        // a second pass later continues from 10:01, carrying each counter's last value across the passes
        var second = await store.ComputeRollupsAsync(T0.AddMinutes(5));
        Assert.Equal(5, second.MinuteRows);

        var rollups = store.GetRollups(RollupResolution.Minute, T0, T0.AddHours(1)).ToDictionary(r => (r.TagId, (int)(r.PeriodStart - T0).TotalMinutes));
        Assert.Equal(9, rollups.Count);

        var temp = rollups[("temp", 0)];
        Assert.Equal((3L, 10d, 30d, 20d, 30d, 1L, (double?)null), (temp.Count, temp.Min, temp.Max, temp.Mean, temp.Last, temp.BadCount, temp.Increase));
        Assert.Equal("acme/ningbo/moulding/line-1/press-3", temp.AssetPath);
        Assert.Equal(TagRole.Temperature, temp.Role);
        Assert.False(rollups.ContainsKey(("temp", 1)));
        Assert.False(rollups.ContainsKey(("temp", 2)));
        Assert.Equal((1L, 5d), (rollups[("temp", 3)].Count, rollups[("temp", 3)].Mean!.Value));

        // the first value ever is the baseline: 65,530 -> 65,535 is 5; then rollover 65,535 -> 3 is 4 and 3 -> 10 is 7
        Assert.Equal(5, rollups[("c16", 0)].Increase);
        Assert.Equal(11, rollups[("c16", 1)].Increase);
        Assert.Equal(0, rollups[("c32", 0)].Increase);
        Assert.Equal(11, rollups[("c32", 1)].Increase);

        // 100 -> 150 is 50; reset 150 -> 20 counts 20, 20 -> 25 is 5; a bad sample counts as bad only; after the empty
        // minute 10:02 the increase 25 -> 40 lands in 10:03
        Assert.Equal(50, rollups[("reset", 0)].Increase);
        var reset = rollups[("reset", 1)];
        Assert.Equal((2L, 1L, 25d, (double?)25), (reset.Count, reset.BadCount, reset.Increase!.Value, reset.Last));
        Assert.False(rollups.ContainsKey(("reset", 2)));
        Assert.Equal(15, rollups[("reset", 3)].Increase);
    }

    [Fact]
    public async Task A_minute_with_only_bad_samples_has_no_values_and_no_increase()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        store.RegisterTags([Tag("count", TagRole.GoodCount)]);
        await store.WriteAsync([Bad("count", 0), Bad("count", 10)], default);
        await store.ComputeRollupsAsync(T0.AddMinutes(2));

        var rollup = Assert.Single(store.GetRollups(RollupResolution.Minute, T0, T0.AddHours(1)));
        Assert.Equal((0L, 2L), (rollup.Count, rollup.BadCount));
        Assert.Null(rollup.Min);
        Assert.Null(rollup.Mean);
        Assert.Null(rollup.Last);
        Assert.Null(rollup.Increase);
    }

    [Fact]
    public async Task Hour_rollups_combine_the_minutes_of_closed_hours()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        store.RegisterTags([Tag("temp", TagRole.Temperature), Tag("count", TagRole.GoodCount)]);
        await store.WriteAsync([
            Good("temp", 0, 10), Good("temp", 30, 20), // minute 0: mean 15 over 2
            Good("temp", 600, 40), Bad("temp", 610), // minute 10: mean 40 over 1
            Good("count", 0, 100), Good("count", 1800, 65_000), Good("count", 3000, 64), // 64,900 then rollover 600
            Good("temp", 3600, 99), // 11:00, an hour not closed yet
        ], default);

        var progress = await store.ComputeRollupsAsync(T0.AddMinutes(61));
        Assert.Equal(T0.AddHours(1), progress.HoursDoneUntil);
        Assert.Equal(2, progress.HourRows);

        var hours = store.GetRollups(RollupResolution.Hour, T0, T0.AddDays(1)).ToDictionary(r => r.TagId);
        var temp = hours["temp"];
        Assert.Equal((3L, 10d, 40d, 70d / 3, 40d, 1L), (temp.Count, temp.Min!.Value, temp.Max!.Value, temp.Mean!.Value, temp.Last!.Value, temp.BadCount));
        Assert.Equal(T0, temp.PeriodStart);
        Assert.Equal(65_500, hours["count"].Increase);
    }

    [Fact]
    public async Task Retention_deletes_exactly_the_rows_older_than_each_limit()
    {
        var options = new LocalStoreOptions
        {
            SampleRetention = TimeSpan.FromDays(1),
            MinuteRollupRetention = TimeSpan.FromDays(2),
            HourRollupRetention = TimeSpan.FromDays(3),
        };
        await using var store = LocalStore.Open(options);
        store.RegisterTags([Tag("state", TagRole.State)]);
        var now = T0.AddDays(10);
        double[] ages = [4, 2.5, 1.5, 0.5];
        await store.WriteAsync(ages.Select((days, i) => TagSample.Good("state", now.AddDays(-days), i)).ToArray(), default);
        await store.ComputeRollupsAsync(now);
        Assert.Equal(4, store.GetRollups(RollupResolution.Hour, T0, now).Count);

        var deleted = store.ApplyRetention(now);

        Assert.Equal(new RetentionResult(3, 3, 2, 1), deleted);
        Assert.Equal([3d], store.GetSamples("state", T0, now).Select(s => s.Value!.Value));
        Assert.Equal([3d], store.GetEvents(T0, now).Select(e => e.New!.Value));
        Assert.Equal([now.AddDays(-1.5), now.AddDays(-0.5)], store.GetRollups(RollupResolution.Minute, T0, now).Select(r => r.PeriodStart));
        Assert.Equal(3, store.GetRollups(RollupResolution.Hour, T0, now).Count);
        Assert.Equal(new RetentionResult(0, 0, 0, 0), store.ApplyRetention(now));
    }
}
