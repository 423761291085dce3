using FactoryPath.Edge.Assets;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Gateway;

/// <summary>
/// The running gateway: one source per configured device, each writing into the unified-namespace view and the other
/// sinks (the local store). A new configuration (<see cref="ApplyAsync"/>) restarts only the sources whose device or
/// tags changed; the others keep reading. A source that stops with an error is logged and started again after a pause.
/// </summary>
public sealed class EdgeGateway : IAsyncDisposable
{
    private static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(2);

    private readonly ITagSourceFactory factory;
    private readonly ISampleSink sink;
    private readonly ILogger logger;
    private readonly Dictionary<string, Running> running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim changes = new(1, 1);
    private CancellationTokenSource? stopping;

    public EdgeGateway(GatewayConfig config, ITagSourceFactory factory, IReadOnlyList<ISampleSink> sinks, ILogger? logger = null)
    {
        Config = config;
        this.factory = factory;
        this.logger = logger ?? NullLogger.Instance;
        Namespace = new UnifiedNamespace(config.Tags.Select(config.InfoOf));
        sink = new SampleFanOut([Namespace, .. sinks]);
    }

    public DateTimeOffset StartedAt { get; private set; }

    public GatewayConfig Config { get; private set; }

    public UnifiedNamespace Namespace { get; }

    /// <summary>Every tag's metadata under the current configuration.</summary>
    public IReadOnlyList<TagInfo> Tags => Config.Tags.Select(Config.InfoOf).ToList();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await changes.WaitAsync(cancellationToken);
        try
        {
            stopping = new CancellationTokenSource();
            StartedAt = DateTimeOffset.UtcNow;
            foreach (var device in Config.Devices)
            {
                Start(device, Config.TagsOf(device));
            }
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>Switches to <paramref name="config"/>: sources of removed or changed devices stop, new ones start.</summary>
    public async Task ApplyAsync(GatewayConfig config)
    {
        await changes.WaitAsync();
        try
        {
            var wanted = config.Devices.ToDictionary(d => d.Name, d => (Device: d, Tags: config.TagsOf(d)), StringComparer.Ordinal);
            List<KeyValuePair<string, Running>> current;
            lock (running)
            {
                current = running.ToList();
            }

            foreach (var (name, source) in current)
            {
                if (!wanted.TryGetValue(name, out var next) || next.Device != source.Device || !next.Tags.SequenceEqual(source.Tags))
                {
                    lock (running)
                    {
                        running.Remove(name);
                    }

                    await StopAsync(source);
                }
            }

            Config = config;
            Namespace.Replace(config.Tags.Select(config.InfoOf));
            if (stopping is not null)
            {
                foreach (var (name, (device, tags)) in wanted)
                {
                    bool known;
                    lock (running)
                    {
                        known = running.ContainsKey(name);
                    }

                    if (!known)
                    {
                        Start(device, tags);
                    }
                }
            }

            logger.LogInformation("configuration applied: {Devices} devices, {Tags} tags", config.Devices.Count, config.Tags.Count);
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>The health of each running source.</summary>
    public IReadOnlyList<SourceHealth> Sources()
    {
        lock (running)
        {
            return running.Values.Select(r => r.Source.Health()).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        }
    }

    public GatewayHealthReport Health(long journalBacklog, string version, IReadOnlyList<GatewayAlarm>? alarms = null) =>
        new(StartedAt, version, Sources(), journalBacklog, Namespace.Snapshot(), alarms is { Count: > 0 } ? alarms : null);

    public EquipmentRegisterReport Register() => EquipmentRegister.From(Config);

    private void Start(DeviceConfig device, IReadOnlyList<TagConfig> tags)
    {
        var source = factory.Create(device, tags);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping!.Token);
        var task = Task.Run(() => RunAsync(source, cancel.Token));
        lock (running)
        {
            running[device.Name] = new Running(device, tags, source, cancel, task);
        }
    }

    private async Task RunAsync(ITagSource source, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await source.RunAsync(sink, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "source {Source} stopped with an error; starting it again in {Pause}", source.Name, RestartPause);
            }

            try
            {
                await Task.Delay(RestartPause, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task StopAsync(Running source)
    {
        await source.Cancel.CancelAsync();
        try
        {
            await source.Task;
        }
        finally
        {
            source.Cancel.Dispose();
            await source.Source.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await changes.WaitAsync();
        try
        {
            List<Running> all;
            lock (running)
            {
                all = running.Values.ToList();
                running.Clear();
            }

            foreach (var source in all)
            {
                await StopAsync(source);
            }
            stopping?.Dispose();
            stopping = null;
        }
        finally
        {
            changes.Release();
        }
    }

    private sealed record Running(DeviceConfig Device, IReadOnlyList<TagConfig> Tags, ITagSource Source, CancellationTokenSource Cancel, Task Task);
}
