using FactoryPath.Edge.Model;
using FactoryPath.Edge.Modbus.Source;

namespace FactoryPath.Edge.Tests.Modbus;

public class DeadbandAndBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadband_publishes_moves_beyond_it_measured_from_the_last_published_value()
    {
        var filter = new DeadbandFilter(0.5, refresh: null);
        var published = new[] { 10.0, 10.3, 10.5, 10.6, 10.2, 9.9, 9.9 }
            .Select((v, i) => (v, filter.Accept(v, TagQuality.Good, T0.AddSeconds(i))))
            .Where(p => p.Item2).Select(p => p.v);
        Assert.Equal([10.0, 10.6, 9.9], published);
    }

    [Fact]
    public void Quality_changes_are_always_published_and_bad_only_once()
    {
        var filter = new DeadbandFilter(100, refresh: TimeSpan.FromSeconds(1));
        Assert.True(filter.Accept(1, TagQuality.Good, T0));
        Assert.True(filter.Accept(null, TagQuality.Bad, T0.AddSeconds(1)));
        Assert.False(filter.Accept(null, TagQuality.Bad, T0.AddSeconds(2)));
        Assert.False(filter.Accept(null, TagQuality.Bad, T0.AddSeconds(60)));
        Assert.True(filter.Accept(1, TagQuality.Good, T0.AddSeconds(61)));
    }

    [Fact]
    public void Refresh_publishes_an_unchanged_value_once_the_interval_has_passed()
    {
        var filter = new DeadbandFilter(0, refresh: TimeSpan.FromSeconds(10));
        Assert.True(filter.Accept(5, TagQuality.Good, T0));
        Assert.False(filter.Accept(5, TagQuality.Good, T0.AddSeconds(9)));
        Assert.True(filter.Accept(5, TagQuality.Good, T0.AddSeconds(10)));
        Assert.False(filter.Accept(5, TagQuality.Good, T0.AddSeconds(11)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Backoff_doubles_up_to_the_cap_and_jitters_within_the_upper_half(double random)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), () => random);
        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next().TotalMilliseconds).ToArray();
        double[] ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
        Assert.Equal(ceilings.Select(c => (c / 2) + (random * c / 2)), waits);
        backoff.Reset();
        Assert.Equal(50 + (random * 50), backoff.Next().TotalMilliseconds);
    }
}
