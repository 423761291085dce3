using System.Collections.Concurrent;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Tests.Gateway;

/// <summary>The gateway's supervision of its sources, with stand-in sources (the real drivers have their own tests).</summary>
public sealed class EdgeGatewayTests
{
    private static GatewayConfig Config(string plcHost, bool withMeter = true) => GatewayConfigLoader.Parse($$"""
        gateway: {id: gw}
        equipment:
          - {id: press-1, path: a/s/ar/l/press-1}
          - {id: meter, path: a/s/ar/l/meter}
        devices:
          - {name: plc, protocol: modbus-tcp, host: {{plcHost}}}
        {{(withMeter ? "  - {name: meter-bus, protocol: modbus-tcp, host: 10.0.0.9}" : "")}}
        tags:
          - {id: press-1.state, device: plc, equipment: press-1, role: state, table: holding, address: 0}
        {{(withMeter ? "  - {id: meter.energy, device: meter-bus, equipment: meter, role: energy_kwh, table: input, address: 0, type: float32}" : "")}}
        """, "edge.yaml", "/tmp");

    [Fact]
    public async Task Sources_FeedTheLiveView_AndOnlyChangedDevicesRestartOnANewConfiguration()
    {
        var factory = new CountingFactory();
        var stored = new CollectingSink();
        await using var gateway = new EdgeGateway(Config("10.0.0.1"), factory, [stored]);
        await gateway.StartAsync();

        await Until(() => gateway.Namespace.Get("press-1.state")?.Value is not null && gateway.Namespace.Get("meter.energy")?.Value is not null);
        Assert.True(stored.Count > 0);
        Assert.Equal(["meter-bus", "plc"], gateway.Sources().Select(s => s.Name));

        await gateway.ApplyAsync(Config("10.0.0.2"));

        Assert.Equal(3, factory.Created.Count);
        Assert.Equal(1, factory.Created.Count(s => s.Name == "meter-bus"));
        Assert.True(factory.Created.First(s => s.Name == "plc").Disposed);
        Assert.False(factory.Created.Single(s => s.Name == "meter-bus").Disposed);

        await gateway.ApplyAsync(Config("10.0.0.2", withMeter: false));

        Assert.True(factory.Created.Single(s => s.Name == "meter-bus").Disposed);
        Assert.Null(gateway.Namespace.Get("meter.energy"));
        Assert.Equal(["plc"], gateway.Sources().Select(s => s.Name));
        Assert.Equal((2, 1), (gateway.Register().Total, gateway.Register().Networked));
    }

    [Fact]
    public async Task SourceThatFails_IsStartedAgain()
    {
        var factory = new CountingFactory { FailFirstRuns = 1 };
        await using var gateway = new EdgeGateway(Config("10.0.0.1", withMeter: false), factory, []);
        await gateway.StartAsync();

        await Until(() => gateway.Namespace.Get("press-1.state")?.Value is not null);

        Assert.Equal(2, factory.Created.Single().Runs);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 20 s");
            await Task.Delay(20);
        }
    }

    private sealed class CountingFactory : ITagSourceFactory
    {
        public ConcurrentQueue<StandIn> Created { get; } = new();

        public int FailFirstRuns { get; init; }

        public ITagSource Create(DeviceConfig device, IReadOnlyList<TagConfig> tags)
        {
            var source = new StandIn(device.Name, tags.Select(t => t.Id).ToList(), FailFirstRuns);
            Created.Enqueue(source);
            return source;
        }
    }

    private sealed class StandIn(string name, IReadOnlyList<string> tags, int failures) : ITagSource
    {
        public string Name => name;

        public string Protocol => "stand-in";

        public bool Disposed { get; private set; }

        public int Runs { get; private set; }

        public async Task RunAsync(ISampleSink sink, CancellationToken cancellationToken)
        {
            if (++Runs <= failures)
            {
                throw new InvalidOperationException("device fault");
            }

            for (var i = 0; ; i++)
            {
                await sink.WriteAsync(tags.Select(t => TagSample.Good(t, DateTimeOffset.UtcNow, i)).ToList(), cancellationToken);
                await Task.Delay(10, cancellationToken);
            }
        }

        public SourceHealth Health() => new(name, Protocol, true, null, Runs, 0, null);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CollectingSink : ISampleSink
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref count, samples.Count);
            return ValueTask.CompletedTask;
        }
    }
}
