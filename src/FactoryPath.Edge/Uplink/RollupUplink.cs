using System.Security.Cryptography;
using System.Text.Json;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Uplink;

/// <summary>
/// Feeds the journal from the local store: the minute rollups of closed minutes not yet sent (the last period sent is
/// kept in the store, so a restart neither skips nor repeats them), the equipment register whenever it differs from the
/// last one journalled, and a health snapshot every few seconds.
/// <para>
/// Health snapshots skip the journal while the publisher is not connected: a snapshot is superseded by the next one,
/// and queueing hours of them would only delay the rollups behind them. Rollups and the register always go through the
/// journal. When the journal is full, rollups stay unsent in the store and are tried again on the next tick.
/// </para>
/// <para>
/// A crash between journalling a rollup batch and remembering it as sent journals that batch again after the restart
/// under a new sequence id; rollup records are keyed by (tag, resolution, period start), so the platform stores them
/// with an upsert on that key.
/// </para>
/// <para>
/// With <see cref="GatewayKpis"/>, each rollup tick also closes and stores the KPI minutes that ended, then journals
/// every stored KPI minute not yet sent as <see cref="UplinkKinds.Kpi"/> envelopes (<see cref="KpiBatch"/>). Their
/// "sent up to" mark is the store's write sequence of the last minute journalled, so minutes closed late (a machine
/// whose samples came later than another's) are never skipped; the same crash window journals a batch twice, and the
/// platform keys KPI minutes by (gateway, asset path, period start).
/// </para>
/// </summary>
public sealed class RollupUplink
{
    private const string RegisterMark = "register";

    private readonly LocalStore store;
    private readonly UplinkJournal journal;
    private readonly RollupUplinkOptions options;
    private readonly Func<EquipmentRegisterReport> register;
    private readonly Func<GatewayHealthReport> health;
    private readonly Func<bool> online;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly GatewayKpis? kpis;
    private long refusedBatches;
    private long skippedHealth;

    /// <param name="online">Whether the uplink is connected now (e.g. <c>() =&gt; publisher.Health().Connected</c>).</param>
    /// <param name="kpis">The gateway's KPI minutes to close, store and send with the rollups; null for none.</param>
    public RollupUplink(
        LocalStore store,
        UplinkJournal journal,
        RollupUplinkOptions options,
        Func<EquipmentRegisterReport> register,
        Func<GatewayHealthReport> health,
        Func<bool> online,
        TimeProvider? time = null,
        ILogger<RollupUplink>? logger = null,
        GatewayKpis? kpis = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid uplink schedule: " + string.Join("; ", errors), nameof(options));
        }

        this.store = store;
        this.journal = journal;
        this.options = options;
        this.register = register ?? throw new ArgumentNullException(nameof(register));
        this.health = health ?? throw new ArgumentNullException(nameof(health));
        this.online = online ?? throw new ArgumentNullException(nameof(online));
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.kpis = kpis;
    }

    /// <summary>Rollup batches not journalled because the journal was full (they stay in the store and are retried).</summary>
    public long RefusedBatches => Interlocked.Read(ref refusedBatches);

    /// <summary>Health snapshots left out because the uplink was offline.</summary>
    public long SkippedHealthSnapshots => Interlocked.Read(ref skippedHealth);

    /// <summary>Runs the three schedules and retention until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var nextRollup = time.GetUtcNow();
        var nextHealth = nextRollup;
        var nextRetention = nextRollup;
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            var now = time.GetUtcNow();
            try
            {
                if (now >= nextRollup)
                {
                    nextRollup = now + options.RollupInterval;
                    await SendRollupsAsync(now, cancellationToken).ConfigureAwait(false);
                    SendKpiMinutes(now);
                    SendRegisterIfChanged(now);
                }

                if (now >= nextHealth)
                {
                    nextHealth = now + options.HealthInterval;
                    SendHealth(now);
                }

                if (now >= nextRetention)
                {
                    nextRetention = now + options.RetentionInterval;
                    var deleted = store.ApplyRetention(now);
                    logger.LogDebug("local store retention deleted {Deleted}", deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogError(ex, "uplink schedule failed; trying again on the next tick");
            }
        }
        while (await WaitAsync(tick, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Rolls up closed minutes and journals every minute rollup not yet sent; returns the envelopes appended.</summary>
    public async Task<int> SendRollupsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await store.ComputeRollupsAsync(now, cancellationToken).ConfigureAwait(false);
        var envelopes = 0;
        while (true)
        {
            var unsent = store.GetUnsentMinuteRollups(options.MaxRecordsPerBatch);
            if (unsent.Count == 0)
            {
                return envelopes;
            }

            // whole periods come back; they are split into envelopes of at most MaxRecordsPerBatch records and marked
            // sent only once all are journalled, so "sent up to period P" is exact
            try
            {
                foreach (var chunk in unsent.Chunk(options.MaxRecordsPerBatch))
                {
                    journal.Append(UplinkKinds.Rollup, new RollupBatch("1m", chunk), now);
                    envelopes++;
                }
            }
            catch (Exception ex) when (ex is UplinkJournalFullException or IOException)
            {
                // a full journal, or a full disk under it: the rollups stay unsent in the store for the next tick
                Interlocked.Increment(ref refusedBatches);
                logger.LogWarning("{Message}", ex.Message);
                return envelopes;
            }

            store.MarkMinuteRollupsSent(unsent[^1].PeriodStart);
        }
    }

    /// <summary>
    /// Closes and stores the KPI minutes that ended by <paramref name="now"/> (less the largest clock skew), then journals
    /// every stored KPI minute not yet sent; returns the envelopes appended (0 without KPIs).
    /// </summary>
    public int SendKpiMinutes(DateTimeOffset now)
    {
        if (kpis is null)
        {
            return 0;
        }

        kpis.Record(now);
        var envelopes = 0;
        while (true)
        {
            var unsent = store.GetUnsentKpiMinutes(options.MaxRecordsPerBatch);
            if (unsent.Count == 0)
            {
                return envelopes;
            }

            try
            {
                journal.Append(UplinkKinds.Kpi, new KpiBatch(unsent.Select(u => u.Minute).ToList()), now);
                envelopes++;
            }
            catch (UplinkJournalFullException ex)
            {
                Interlocked.Increment(ref refusedBatches);
                logger.LogWarning("{Message}", ex.Message);
                return envelopes;
            }

            store.MarkKpiMinutesSent(unsent[^1].Sequence);
        }
    }

    /// <summary>Journals the equipment register when it differs from the last one journalled; true when it did.</summary>
    public bool SendRegisterIfChanged(DateTimeOffset now)
    {
        var report = register();
        var fingerprint = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(report, UplinkJson.Options)));
        if (store.GetUplinkMark(RegisterMark) == fingerprint)
        {
            return false;
        }

        try
        {
            journal.Append(UplinkKinds.Register, report, now);
        }
        catch (UplinkJournalFullException ex)
        {
            logger.LogWarning("{Message}", ex.Message);
            return false;
        }

        store.SetUplinkMark(RegisterMark, fingerprint);
        return true;
    }

    /// <summary>Journals a health snapshot when the uplink is connected; counts it as skipped otherwise.</summary>
    public bool SendHealth(DateTimeOffset now)
    {
        if (!online())
        {
            Interlocked.Increment(ref skippedHealth);
            return false;
        }

        try
        {
            journal.Append(UplinkKinds.Health, health(), now);
            return true;
        }
        catch (UplinkJournalFullException)
        {
            Interlocked.Increment(ref skippedHealth);
            return false;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer tick, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
