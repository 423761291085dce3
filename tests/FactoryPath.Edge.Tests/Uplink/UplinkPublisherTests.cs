using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Tests.Uplink;

/// <summary>The publisher against a real Mosquitto that is killed and restarted on the same port.</summary>
public sealed class UplinkPublisherTests
{
    private static readonly (string User, string Password) Gateway = ("gw-7", "issued-secret");
    private static readonly (string User, string Password) Platform = ("platform", "platform-secret");

    private sealed record Reading(int N);

    private static UplinkPublisherOptions PublisherOptions(Mosquitto broker, string password) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        GatewayId = Gateway.User,
        Password = password,
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        RequireSubscriber = true,
    };

    [Fact]
    public async Task Every_sequence_arrives_in_order_across_a_broker_outage_and_the_journal_empties()
    {
        await using var broker = await Mosquitto.StartNewAsync([Gateway, Platform]);
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = folder.Path, GatewayId = Gateway.User, SegmentBytes = 8192 });
        await using var subscriber = new UplinkSubscriber(broker, Platform);
        await subscriber.ConnectAsync();
        var publisher = new UplinkPublisher(PublisherOptions(broker, Gateway.Password), journal);
        using var stop = new CancellationTokenSource();
        var running = publisher.RunAsync(stop.Token);

        const int perPhase = 100;
        var n = 0;
        void AppendPhase()
        {
            for (var i = 0; i < perPhase; i++)
            {
                n++;
                journal.Append(UplinkKinds.All[n % 3], new Reading(n), DateTimeOffset.UtcNow);
            }
        }

        // the outage starts once the broker has passed on what it acknowledged: a broker killed with messages in
        // flight to its subscribers loses them after its PUBACK, which no publisher can undo (the platform's own
        // broker stores before it acknowledges)
        AppendPhase();
        await Until(() => journal.Backlog == 0 && subscriber.Received.Count >= perPhase, "the first records reach the subscriber");
        await broker.StopAsync();
        AppendPhase(); // the broker is gone: these go to the journal only
        await Until(() => !publisher.Health().Connected, "the publisher notices the outage");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outage itself; the publisher keeps retrying meanwhile
        Assert.True(journal.Backlog >= perPhase, $"backlog {journal.Backlog} while the broker is down");

        await broker.StartAsync();
        await subscriber.ConnectAsync();
        AppendPhase();
        await Until(() => journal.Backlog == 0, "the journal is fully acknowledged");
        await stop.CancelAsync();
        await running;

        var arrivals = subscriber.Received.ToArray();
        var firstSeen = new List<long>();
        foreach (var (topic, envelope) in arrivals)
        {
            Assert.Equal(UplinkTopics.For(Gateway.User, envelope.Kind), topic);
            Assert.Equal(envelope.Sequence, envelope.PayloadAs<Reading>().N);
            if (!firstSeen.Contains(envelope.Sequence))
            {
                firstSeen.Add(envelope.Sequence);
            }
        }

        Assert.Equal(Enumerable.Range(1, 3 * perPhase).Select(i => (long)i), firstSeen);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.seg"));
        var health = publisher.Health();
        Assert.True(health.Published >= 3 * perPhase);
        Assert.True(health.ConnectFailures >= 1);
        Assert.NotNull(health.LastError);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_in_health_and_nothing_is_acknowledged()
    {
        await using var broker = await Mosquitto.StartNewAsync([Gateway]);
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = folder.Path, GatewayId = Gateway.User });
        journal.Append(UplinkKinds.Health, new Reading(1), DateTimeOffset.UtcNow);
        var publisher = new UplinkPublisher(PublisherOptions(broker, "wrong") with { RequireSubscriber = false }, journal);
        using var stop = new CancellationTokenSource();
        var running = publisher.RunAsync(stop.Token);

        await Until(() => publisher.Health().ConnectFailures >= 2, "two refused connections");
        await stop.CancelAsync();
        await running;

        var health = publisher.Health();
        Assert.False(health.Connected);
        Assert.Equal(1, health.Backlog);
        Assert.Equal(0, health.Published);
        Assert.NotNull(health.LastError);
    }

    [Fact]
    public void Options_name_every_problem_and_never_print_the_password()
    {
        var options = new UplinkPublisherOptions { Host = "", Port = 0, GatewayId = "gw/1", Password = "" };
        var errors = options.Validate();
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("uplink.port", StringComparison.Ordinal));

        var valid = new UplinkPublisherOptions { Host = "platform.example", Port = 8883, UseTls = true, GatewayId = "gw-1", Password = "s3cret" };
        Assert.Empty(valid.Validate());
        Assert.DoesNotContain("s3cret", valid.ToString(), StringComparison.Ordinal);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited 90 s for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
