using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using static FactoryPath.Edge.Tests.Store.StoreFixtures;

namespace FactoryPath.Edge.Tests.Store;

public sealed class LocalStoreTests
{
    [Fact]
    public async Task Samples_written_in_batches_are_queried_by_tag_and_half_open_range()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        await store.WriteAsync([Good("a", 0, 1), Good("b", 1, 10), Good("a", 2, 2)], default);
        await store.WriteAsync([Bad("a", 3), Good("a", 4, 4)], default);
        await store.FlushAsync();

        var range = store.GetSamples("a", T0.AddSeconds(2), T0.AddSeconds(4));

        Assert.Equal([Good("a", 2, 2), Bad("a", 3)], range);
        Assert.Equal(5, store.Health().SamplesWritten);
        Assert.Equal(Good("a", 4, 4), store.Latest("a"));
        Assert.Equal(Good("b", 1, 10), store.LatestValues()["b"]);
        Assert.Null(store.Latest("c"));
    }

    [Fact]
    public async Task A_list_reused_by_the_caller_after_WriteAsync_does_not_change_what_is_stored()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        var list = new List<TagSample> { Good("a", 0, 1) };
        await store.WriteAsync(list, default);
        list[0] = Good("a", 0, 99);
        await store.FlushAsync();

        Assert.Equal(1, Assert.Single(store.GetSamples("a", T0, T0.AddMinutes(1))).Value);
    }

    [Fact]
    public async Task Disposing_writes_every_queued_sample_to_the_file()
    {
        using var folder = new TempFolder();
        var options = new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb"), FlushInterval = TimeSpan.FromMinutes(1) };
        await using (var store = LocalStore.Open(options))
        {
            for (var batch = 0; batch < 50; batch++)
            {
                await store.WriteAsync(Enumerable.Range(0, 100).Select(i => Good("t" + i, batch, batch)).ToArray(), default);
            }
        }

        await using var reopened = LocalStore.Open(options);
        Assert.Equal(50, reopened.GetSamples("t7", T0, T0.AddHours(1)).Count);
        Assert.Equal(Good("t99", 49, 49), reopened.Latest("t99"));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () =>
        {
            var gone = LocalStore.Open(new LocalStoreOptions());
            await gone.DisposeAsync();
            await gone.WriteAsync([Good("a", 0, 1)], default);
        });
    }

    [Fact]
    public async Task State_and_alarm_tags_give_change_events_and_other_roles_none()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        store.RegisterTags([Tag("state", TagRole.State), Tag("alarm", TagRole.Alarm), Tag("temp", TagRole.Temperature)]);
        await store.WriteAsync([
            Good("state", 0, 1), Good("alarm", 0, 0), Good("temp", 0, 20),
            Good("state", 1, 1), Good("alarm", 1, 5), Good("temp", 1, 21),
            Good("state", 2, 2), Good("alarm", 2, 5),
            Bad("state", 3), Good("alarm", 3, 0),
            Good("state", 4, 2), Good("alarm", 4, 7),
            Good("state", 5, 3), Good("alarm", 5, 9),
        ], default);
        await store.FlushAsync();

        var events = store.GetEvents(T0, T0.AddMinutes(1));

        Assert.Equal(
            [
                new TagEvent("state", T0, TagEventKinds.State, null, 1),
                new TagEvent("alarm", T0.AddSeconds(1), TagEventKinds.AlarmRaised, 0, 5),
                new TagEvent("state", T0.AddSeconds(2), TagEventKinds.State, 1, 2),
                new TagEvent("alarm", T0.AddSeconds(3), TagEventKinds.AlarmCleared, 5, 0),
                new TagEvent("alarm", T0.AddSeconds(4), TagEventKinds.AlarmRaised, 0, 7),
                new TagEvent("alarm", T0.AddSeconds(5), TagEventKinds.AlarmChanged, 7, 9),
                new TagEvent("state", T0.AddSeconds(5), TagEventKinds.State, 2, 3),
            ],
            events);
    }

    [Fact]
    public async Task Event_baseline_survives_a_restart_so_an_unchanged_state_gives_no_new_event()
    {
        using var folder = new TempFolder();
        var options = new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") };
        await using (var store = LocalStore.Open(options))
        {
            store.RegisterTags([Tag("state", TagRole.State)]);
            await store.WriteAsync([Good("state", 0, 4)], default);
        }

        await using var reopened = LocalStore.Open(options);
        Assert.Equal(TagRole.State, Assert.Single(reopened.Tags).Role);
        await reopened.WriteAsync([Good("state", 10, 4), Good("state", 20, 5)], default);
        await reopened.FlushAsync();

        var events = reopened.GetEvents(T0, T0.AddMinutes(1));
        Assert.Equal([new TagEvent("state", T0, "state", null, 4), new TagEvent("state", T0.AddSeconds(20), "state", 4, 5)], events);
    }

    [Fact]
    public async Task Samples_without_a_tag_are_dropped_and_non_finite_values_are_kept_as_bad()
    {
        await using var store = LocalStore.Open(new LocalStoreOptions());
        await store.WriteAsync([Good("", 0, 1), Good("a", 1, double.NaN), Good("a", 2, double.PositiveInfinity), Good("a", 3, 3)], default);
        await store.FlushAsync();

        Assert.Equal([Bad("a", 1), Bad("a", 2), Good("a", 3, 3)], store.GetSamples("a", T0, T0.AddMinutes(1)));
        Assert.Equal((3L, 3L), (store.Health().SamplesWritten, store.Health().RejectedSamples));
    }

    [Theory]
    [InlineData(0, "batch_size")]
    [InlineData(-1, "flush_interval")]
    public void Invalid_options_are_refused_with_the_key_named(int value, string key)
    {
        var options = key == "batch_size"
            ? new LocalStoreOptions { BatchSize = value }
            : new LocalStoreOptions { FlushInterval = TimeSpan.FromMilliseconds(value) };

        var error = Assert.Throws<ArgumentException>(() => LocalStore.Open(options));
        Assert.Contains("store." + key, error.Message, StringComparison.Ordinal);
    }
}
