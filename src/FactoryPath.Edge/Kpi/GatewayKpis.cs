using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Kpi;

/// <summary>
/// The gateway's KPI minutes: the <see cref="KpiEngine"/> fed by the gateway's samples, its closed minutes written to
/// the local store (<see cref="Record"/>), and <see cref="IKpiSource"/> over both (stored minutes plus the minutes in
/// progress). <see cref="Open"/> resumes after a restart: the samples stored since shortly before the last stored
/// minute (at most a day back) are replayed through the engine, so the minutes that were open when the gateway stopped
/// are made from the stored samples and the engine carries on with each machine's activity and counter baselines.
/// </summary>
public sealed class GatewayKpis : IKpiSource
{
    /// <summary>How far before the last stored minute the replay starts, to learn each machine's activity and baselines.</summary>
    public static readonly TimeSpan ReplayLead = TimeSpan.FromHours(1);

    /// <summary>The replay never reaches further back than this from now (it runs before the gateway starts reading).</summary>
    public static readonly TimeSpan ReplayLimit = TimeSpan.FromDays(1);

    private readonly LocalStore store;
    private readonly TimeProvider time;
    private readonly Lock pendingGate = new();
    private readonly List<KpiMinute> pending = [];
    private readonly ILogger logger;
    private KpiEngineHealth reported = new(0, 0, 0, 0, 0, 0);

    private GatewayKpis(KpiEngine engine, LocalStore store, TimeProvider time, ILogger logger)
    {
        Engine = engine;
        this.store = store;
        this.time = time;
        this.logger = logger;
    }

    public KpiEngine Engine { get; }

    /// <summary>Minutes replayed from stored samples at the start and written to the store.</summary>
    public int ResumedMinutes { get; private set; }

    /// <summary>Creates the engine for <paramref name="config"/> and resumes from what <paramref name="store"/> holds.</summary>
    public static GatewayKpis Open(GatewayConfig config, LocalStore store, TimeProvider? time = null, ILogger<GatewayKpis>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        time ??= TimeProvider.System;
        var engine = new KpiEngine(config, time);
        var kpis = new GatewayKpis(engine, store, time, logger ?? (ILogger)NullLogger.Instance);
        var known = engine.Machines.ToHashSet(StringComparer.Ordinal);
        var closed = store.KpiClosedUntil().Where(c => known.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (closed.Count > 0)
        {
            var from = closed.Values.Min() - ReplayLead;
            var oldest = time.GetUtcNow() - ReplayLimit;
            store.ForEachSampleAsReceived(from > oldest ? from : oldest, DateTimeOffset.MaxValue, s => engine.Observe(s, s.Timestamp));
            var resumed = engine.TakeClosed()
                .Where(m => !closed.TryGetValue(m.AssetPath, out var until) || m.PeriodStart >= until)
                .ToList();
            store.WriteKpiMinutes(resumed);
            kpis.ResumedMinutes = resumed.Count;
            kpis.logger.LogInformation("KPI minutes resumed from the stored samples: {Minutes}", resumed.Count);
        }

        kpis.reported = engine.Health();

        return kpis;
    }

    /// <summary>
    /// Closes the minutes that end by <paramref name="now"/> less the largest clock skew and stores them; returns how
    /// many were stored. Minutes a failed write could not store are kept and written with the next call.
    /// </summary>
    public int Record(DateTimeOffset now)
    {
        Engine.Close(now);
        var health = Engine.Health();
        if (health.LateSamples > reported.LateSamples || health.FutureSamples > reported.FutureSamples || health.UnknownStateCodes > reported.UnknownStateCodes)
        {
            // once per tick, not per sample: a device with a wrong clock sends every sample wrong
            logger.LogWarning(
                "KPI samples since the last check: {Late} late (older than a machine's clock or more than the allowed skew behind the gateway's), {Future} stamped beyond the allowed skew ahead of the gateway's clock, {Codes} state codes not in kpi.states",
                health.LateSamples - reported.LateSamples, health.FutureSamples - reported.FutureSamples, health.UnknownStateCodes - reported.UnknownStateCodes);
        }

        reported = health;
        lock (pendingGate)
        {
            pending.AddRange(Engine.TakeClosed());
            if (pending.Count == 0)
            {
                return 0;
            }

            store.WriteKpiMinutes(pending);
            var written = pending.Count;
            pending.Clear();
            return written;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<KpiMinute> Minutes(DateTimeOffset from, DateTimeOffset to)
    {
        var stored = store.GetKpiMinutes(from, to);
        var seen = stored.Select(m => (m.AssetPath, m.PeriodStart)).ToHashSet();
        List<KpiMinute> waiting;
        lock (pendingGate)
        {
            waiting = [.. pending];
        }

        var open = waiting.Concat(Engine.InProgress(time.GetUtcNow()))
            .Where(m => m.PeriodStart >= from && m.PeriodStart < to && seen.Add((m.AssetPath, m.PeriodStart)));
        return stored.Concat(open)
            .OrderBy(m => m.AssetPath, StringComparer.Ordinal)
            .ThenBy(m => m.PeriodStart)
            .ToList();
    }
}
