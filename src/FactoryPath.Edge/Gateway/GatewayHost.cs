using System.Reflection;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Gateway;

/// <summary>
/// A whole gateway from its configuration: the sources (<see cref="EdgeGateway"/>), the local DuckDB store they write
/// to, and — when the configuration has an uplink — the journal, the MQTT publisher and the schedule that sends minute
/// rollups, the equipment register and health to the platform. With a configuration file it also reloads that file
/// when it changes (sources only; a changed store or uplink section is logged as needing a restart).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public static readonly string Version = typeof(GatewayHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> loops = [];
    private GatewayConfigWatcher? watcher;

    private GatewayHost(GatewayConfig config, EdgeGateway gateway, LocalStore store, GatewayKpis kpis, UplinkJournal? journal, UplinkPublisher? publisher, ILogger logger)
    {
        Config = config;
        KpiMinutes = kpis;
        Gateway = gateway;
        Store = store;
        Journal = journal;
        Publisher = publisher;
        this.logger = logger;
    }

    public GatewayConfig Config { get; private set; }

    public EdgeGateway Gateway { get; }

    public LocalStore Store { get; }

    /// <summary>The KPI minutes of the gateway's machines: stored ones and the minutes in progress.</summary>
    public IKpiSource Kpis => KpiMinutes;

    /// <summary>The KPI engine with its store (counters, recording).</summary>
    public GatewayKpis KpiMinutes { get; }

    public UplinkJournal? Journal { get; }

    public UplinkPublisher? Publisher { get; }

    public RollupUplink? Schedule { get; private set; }

    /// <summary>The local dashboard page, when the configuration has a <c>web</c> section.</summary>
    public LocalPage.LocalPageServer? LocalPage { get; private set; }

    /// <summary>Starts a gateway for <paramref name="config"/>; with <paramref name="configFile"/> it follows changes to that file.</summary>
    /// <exception cref="ConfigException">The uplink has no password, or a store/journal setting is refused.</exception>
    public static async Task<GatewayHost> StartAsync(GatewayConfig config, string? configFile = null, ILoggerFactory? loggers = null, ITagSourceFactory? sources = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger<GatewayHost>();
        if (config.Uplink is { Password: null })
        {
            throw new ConfigException([new ConfigError(configFile ?? "configuration", 1, 1, "uplink: 'password' is missing (the secret the platform issued for this gateway; write ${NAME} to read it from an environment variable)")]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(config.Store.Path)!);
        var store = LocalStore.Open(
            new LocalStoreOptions
            {
                DatabasePath = config.Store.Path,
                SampleRetention = config.Store.SampleRetention,
                MinuteRollupRetention = config.Store.MinuteRollupRetention,
                HourRollupRetention = config.Store.HourRollupRetention,
                OutageBufferSamples = config.Store.OutageBufferSamples,
                WriteRetryInterval = config.Store.WriteRetryInterval,
            },
            loggers.CreateLogger<LocalStore>());
        var kpis = GatewayKpis.Open(config, store, logger: loggers.CreateLogger<GatewayKpis>());
        // the KPI engine before the store: it never waits, so a full store queue cannot make its samples arrive late
        var gateway = new EdgeGateway(config, sources ?? new TagSourceFactory(config.Gateway.Id, loggers), [kpis.Engine, store], loggers.CreateLogger<EdgeGateway>());
        store.RegisterTags(gateway.Tags);
        UplinkJournal? journal = null;
        UplinkPublisher? publisher = null;
        if (config.Uplink is { } uplink)
        {
            journal = UplinkJournal.Open(
                new UplinkJournalOptions { Directory = uplink.JournalPath, GatewayId = config.Gateway.Id, MaxBytes = uplink.MaxJournalBytes },
                loggers.CreateLogger<UplinkJournal>());
            publisher = new UplinkPublisher(
                new UplinkPublisherOptions { Host = uplink.Host, Port = uplink.Port, UseTls = uplink.Tls, GatewayId = config.Gateway.Id, Password = uplink.Password! },
                journal,
                loggers.CreateLogger<UplinkPublisher>());
        }

        var host = new GatewayHost(config, gateway, store, kpis, journal, publisher, logger);
        await gateway.StartAsync();
        host.StartLoops(loggers);
        if (config.Web is { } web)
        {
            try
            {
                host.StartLocalPage(web, loggers);
            }
            catch (ConfigException)
            {
                await host.DisposeAsync();
                throw;
            }
        }
        if (configFile is not null)
        {
            host.watcher = new GatewayConfigWatcher(configFile, host.Apply, e => logger.LogError("{File} was not applied; the gateway keeps its configuration:{NewLine}{Errors}", configFile, Environment.NewLine, string.Join(Environment.NewLine, e.Errors)));
        }

        logger.LogInformation("gateway {Gateway} started: {Devices} devices, {Tags} tags, store {Store}, uplink {Uplink}",
            config.Gateway.Id, config.Devices.Count, config.Tags.Count, config.Store.Path, config.Uplink is { } u ? $"{u.Host}:{u.Port}" : "none");
        return host;
    }

    private void StartLocalPage(LocalPageConfig web, ILoggerFactory loggers)
    {
        var names = Kpi.Dashboard.DownReasonNames.Default.With(Config.DownReasons ?? new Dictionary<int, Kpi.Dashboard.ReasonName>());
        var dashboard = new LocalPage.LocalDashboard(() => Kpis, () => Gateway.Namespace.Snapshot(), Config.Calendar?.TimeZone ?? TimeZoneInfo.Local, names, TimeProvider.System);
        var server = new LocalPage.LocalPageServer(web, dashboard, loggers.CreateLogger<LocalPage.LocalPageServer>(), () => Store.Health());
        try
        {
            server.Start();
        }
        catch (System.Net.HttpListenerException e)
        {
            throw new ConfigException([new ConfigError("configuration", 1, 1, $"web: cannot listen on {web.Address}:{web.Port}: {e.Message}")]);
        }

        LocalPage = server;
        logger.LogInformation("local dashboard page at {Url}", server.Url);
    }

    private void StartLoops(ILoggerFactory loggers)
    {
        var token = stopping.Token;
        if (Journal is not null && Publisher is not null)
        {
            var publisher = Publisher;
            var journal = Journal;
            Schedule = new RollupUplink(
                Store,
                journal,
                new RollupUplinkOptions { HealthInterval = Config.Uplink!.HealthInterval },
                () => Gateway.Register(),
                () => Gateway.Health(journal.Backlog, Version, Store.Health().Alarm is { } alarm
                    ? [new Uplink.Contracts.GatewayAlarm(alarm.Code, alarm.MessageZh, alarm.MessageEn, alarm.Since)]
                    : null),
                () => publisher.Health().Connected,
                logger: loggers.CreateLogger<RollupUplink>(),
                kpis: KpiMinutes);
            loops.Add(Task.Run(() => publisher.RunAsync(token)));
            loops.Add(Task.Run(() => Schedule.RunAsync(token)));
        }
        else
        {
            loops.Add(Task.Run(() => LocalOnlyAsync(token)));
        }
    }

    /// <summary>Without an uplink the rollups and retention still run, for the local store's own use.</summary>
    private async Task LocalOnlyAsync(CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(15));
        try
        {
            do
            {
                try
                {
                    var now = DateTimeOffset.UtcNow;
                    await Store.ComputeRollupsAsync(now, cancellationToken);
                    KpiMinutes.Record(now);
                    Store.ApplyRetention(now);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "local rollups failed; trying again");
                }
            }
            while (await tick.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void Apply(GatewayConfig next)
    {
        if (next.Gateway != Config.Gateway || next.Store != Config.Store || next.Uplink != Config.Uplink)
        {
            logger.LogWarning("the gateway, store or uplink section changed; those changes take effect after a restart (devices and tags are applied now)");
        }

        // a reload that also changes the identity, store or uplink keeps those as they are until the restart
        next = next with { Gateway = Config.Gateway, Store = Config.Store, Uplink = Config.Uplink };
        Gateway.ApplyAsync(next).GetAwaiter().GetResult();
        Store.RegisterTags(Gateway.Tags);
        KpiMinutes.Engine.Configure(next);
        Config = next;
    }

    public async ValueTask DisposeAsync()
    {
        watcher?.Dispose();
        if (LocalPage is not null)
        {
            await LocalPage.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // the loops end by cancellation
        }

        try
        {
            // the minutes closed since the last tick; anything missed here is replayed from the samples at the next start
            KpiMinutes.Record(DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "KPI minutes could not be stored at shutdown; they are made again from the samples at the next start");
        }

        Journal?.Dispose();
        await Store.DisposeAsync();
        stopping.Dispose();
    }
}
