using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi;

/// <summary>
/// Turns the gateway's samples into <see cref="KpiMinute"/>s, one machine and one minute at a time. It is one of the
/// gateway's sinks: every batch of samples goes through <see cref="Observe"/>; a clock tick (<see cref="Close"/>)
/// closes minutes of machines that are quiet; closed minutes are taken with <see cref="TakeClosed"/>. KPIs are kept for
/// equipment with a state tag and an ideal cycle time (<see cref="GatewayConfig.KpiEquipment"/>).
/// <para>
/// Per machine it keeps the activity (from the state tag through <see cref="KpiSettings.States"/>; the down-time reason
/// tag gives the reason while down) and adds each stretch of time to the element of the activity in force, within the
/// calendar's planned busy time (in a shift, outside planned stops). A bad-quality state sample or a code not mapped
/// makes the activity Unknown (an uncertain one with a value is used). So does silence: when no sample of any of the machine's KPI tags arrived for
/// <see cref="KpiSettings.StateGap"/>, the activity is Unknown from the last sample plus the gap, and the counters take
/// a new baseline. Any tag counts against the gap, because a source may send a steady state only on change while the
/// counters keep moving (Modbus republishes every tag at least once a minute, so a 3-minute gap never mistakes a
/// steady machine for a gap). A change of the down reason while down splits the down time by reason but is not a new
/// failure; every change into down is one.
/// </para>
/// <para>
/// Good, scrap and energy are the increases of the cumulative tags with <see cref="Store.CounterIncrease"/> (16/32-bit
/// rollovers and resets), given to the minute of the later reading. The first reading after the start or after a gap
/// only sets the baseline. Bad readings of a counter leave its baseline as it was.
/// </para>
/// <para>
/// Time rules (the same for streaming and for a recompute): times are taken to the millisecond. A machine's clock is
/// the latest time its timeline is final: the newest sample applied, or at a tick the gateway's time less
/// <see cref="KpiSettings.MaxClockSkew"/>. A sample older than that clock, or stamped more than the skew behind the
/// gateway's clock when it arrives (the next tick would close its minute anyway, and a device clock reset to long ago
/// cannot start a timeline years back), is late: dropped and counted (the minutes it would change may already be sent;
/// a late counter reading loses no units, they count with the next reading). A sample stamped more than the skew ahead
/// of the gateway's clock when it arrives is refused and counted (a device clock running ahead would otherwise make
/// every correct sample after it late). A minute is closed once the machine's clock reaches its end. Hence a batch
/// recompute over the same samples, in the order they arrived and with their arrival times, gives exactly the minutes
/// the streaming engine gave, whenever the ticks came (a tick only closes what the arrival-time rule makes final);
/// without arrival times (the local store keeps none) it does so when every sample arrived within the skew of its
/// timestamp.
/// </para>
/// <para>
/// A machine's minutes start with the minute of its first sample (the time before that sample is Unknown); a machine
/// never heard from has no minutes. Calendar times are whole minutes, so a minute lies in one shift or none. Thread-safe.
/// </para>
/// </summary>
public sealed class KpiEngine : ISampleSink
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly List<KpiMinute> closed = [];
    private readonly Dictionary<string, MachineTimeline> machines = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, DateTimeOffset> closedUntil;
    private Dictionary<string, (MachineTimeline Machine, TagRole Role)> tagMap = new(StringComparer.Ordinal);
    private MinuteCalendar calendar;
    private KpiSettings settings;
    private long applied, late, future, unknownCodes, minutesClosed;

    /// <param name="config">The gateway's configuration: equipment, tags, calendar and the kpi section.</param>
    /// <param name="time">The gateway's clock (for the skew rule when samples arrive through <see cref="WriteAsync"/>).</param>
    /// <param name="closedUntil">Per asset path, the end of the minutes already stored: none before it is made again.</param>
    public KpiEngine(GatewayConfig config, TimeProvider? time = null, IReadOnlyDictionary<string, DateTimeOffset>? closedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.time = time ?? TimeProvider.System;
        this.closedUntil = closedUntil ?? new Dictionary<string, DateTimeOffset>();
        settings = config.KpiSettings;
        calendar = new MinuteCalendar(config.Calendar);
        Configure(config);
    }

    /// <summary>The asset paths of the machines that get KPIs.</summary>
    public IReadOnlyList<string> Machines
    {
        get
        {
            lock (gate)
            {
                return machines.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Observes samples as they arrive now (the gateway's clock).</summary>
    public ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
    {
        Observe(samples, time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <summary>Applies samples that arrived at <paramref name="receivedAt"/>, in the order given.</summary>
    public void Observe(IReadOnlyList<TagSample> samples, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var received = receivedAt.ToUnixTimeMilliseconds();
        lock (gate)
        {
            foreach (var sample in samples)
            {
                Apply(sample, received);
            }
        }
    }

    /// <summary>Applies one sample that arrived at <paramref name="receivedAt"/>.</summary>
    public void Observe(TagSample sample, DateTimeOffset receivedAt)
    {
        lock (gate)
        {
            Apply(sample, receivedAt.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>
    /// The clock tick: every machine's timeline is final up to <paramref name="now"/> less the largest clock skew, so
    /// the minutes that end by then are closed (a silent machine's with its last activity, then Unknown after the gap).
    /// </summary>
    public void Close(DateTimeOffset now)
    {
        var horizon = now.ToUnixTimeMilliseconds() - (long)settings.MaxClockSkew.TotalMilliseconds;
        lock (gate)
        {
            foreach (var machine in machines.Values)
            {
                if (machine.Started && horizon > machine.Cursor)
                {
                    machine.AdvanceTo(horizon);
                }
            }
        }
    }

    /// <summary>The minutes closed since the last call, each machine's in time order.</summary>
    public IReadOnlyList<KpiMinute> TakeClosed()
    {
        lock (gate)
        {
            var result = closed.ToList();
            closed.Clear();
            return result;
        }
    }

    /// <summary>
    /// The minutes not closed yet, up to <paramref name="now"/>: each machine's timeline carried on from its clock with its
    /// current activity (Unknown after the gap); the last minute only up to <paramref name="now"/>. Provisional: a sample
    /// still to come may change them.
    /// </summary>
    public IReadOnlyList<KpiMinute> InProgress(DateTimeOffset now)
    {
        var to = now.ToUnixTimeMilliseconds();
        var result = new List<KpiMinute>();
        lock (gate)
        {
            foreach (var machine in machines.Values.Where(m => m.Started))
            {
                var copy = machine.Copy(result);
                if (to > copy.Cursor)
                {
                    copy.AdvanceTo(to);
                }

                if (copy.Cursor > copy.MinuteStart)
                {
                    result.Add(copy.Snapshot());
                }
            }
        }

        return result;
    }

    /// <summary>What the engine applied and refused so far.</summary>
    public KpiEngineHealth Health()
    {
        lock (gate)
        {
            return new KpiEngineHealth(machines.Count, applied, late, future, unknownCodes, minutesClosed);
        }
    }

    /// <summary>
    /// Takes a new configuration: machines added start with their first sample, removed ones are forgotten (their
    /// open minute is dropped), kept ones carry on with the new cycle time (a minute carries the cycle time in force when
    /// it closes); the calendar and kpi section apply from now.
    /// </summary>
    public void Configure(GatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (gate)
        {
            settings = config.KpiSettings;
            if (!ReferenceEquals(config.Calendar, calendar.Source))
            {
                calendar = new MinuteCalendar(config.Calendar);
            }

            var wanted = config.KpiEquipment.ToDictionary(e => e.Path.ToString(), StringComparer.Ordinal);
            foreach (var gone in machines.Keys.Where(k => !wanted.ContainsKey(k)).ToList())
            {
                machines.Remove(gone);
            }

            var map = new Dictionary<string, (MachineTimeline, TagRole)>(StringComparer.Ordinal);
            foreach (var (path, equipment) in wanted)
            {
                var tags = config.Tags.Where(t => t.Equipment == equipment.Id && IsKpiRole(t.Role)).ToList();
                if (!machines.TryGetValue(path, out var machine))
                {
                    machine = new MachineTimeline(this, path, closedUntil.TryGetValue(path, out var until) ? until.ToUnixTimeMilliseconds() : long.MinValue);
                    machines[path] = machine;
                }

                machine.IdealCycleSeconds = equipment.IdealCycleTime!.Value.TotalSeconds;
                machine.HasEnergy = tags.Any(t => t.Role == TagRole.EnergyKwh);
                foreach (var tag in tags)
                {
                    map[tag.Id] = (machine, tag.Role);
                }
            }

            tagMap = map;
        }
    }

    /// <summary>
    /// The KPI minutes of <paramref name="samples"/> (in the order they arrived), closed up to <paramref name="until"/>:
    /// the batch form of the engine, which gives what the streaming engine gave for the same samples. Without receive
    /// times each sample is taken as received when stamped, or at <paramref name="until"/> when stamped after it (so a
    /// sample stamped more than the allowed skew after <paramref name="until"/> is refused, as it was when it arrived).
    /// Give the samples of a bounded time range: one stamped long before the others starts its machine's timeline there.
    /// </summary>
    public static IReadOnlyList<KpiMinute> Recompute(GatewayConfig config, IEnumerable<TagSample> samples, DateTimeOffset until) =>
        Recompute(config, samples.Select(s => (s, s.Timestamp <= until ? s.Timestamp : until)), until);

    /// <summary>As <see cref="Recompute(GatewayConfig, IEnumerable{TagSample}, DateTimeOffset)"/>, with the time each sample arrived.</summary>
    public static IReadOnlyList<KpiMinute> Recompute(GatewayConfig config, IEnumerable<(TagSample Sample, DateTimeOffset ReceivedAt)> samples, DateTimeOffset until)
    {
        var result = new List<KpiMinute>();
        Recompute(config, samples, until, result.AddRange);
        return result;
    }

    /// <summary>
    /// The batch recompute handing the minutes over as they close (every 65,536 samples and at the end), so a long
    /// history is not held in memory; each call's minutes are in time order per machine.
    /// </summary>
    public static void Recompute(GatewayConfig config, IEnumerable<(TagSample Sample, DateTimeOffset ReceivedAt)> samples, DateTimeOffset until, Action<IReadOnlyList<KpiMinute>> closed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(closed);
        var engine = new KpiEngine(config);
        var count = 0;
        foreach (var (sample, receivedAt) in samples)
        {
            engine.Apply(sample, receivedAt.ToUnixTimeMilliseconds());
            if (++count % 65_536 == 0 && engine.closed.Count > 0)
            {
                closed(engine.TakeClosed());
            }
        }

        engine.Close(until);
        closed(engine.TakeClosed());
    }

    private static bool IsKpiRole(TagRole role) =>
        role is TagRole.State or TagRole.DownReason or TagRole.GoodCount or TagRole.ScrapCount or TagRole.EnergyKwh;

    private void Apply(in TagSample sample, long received)
    {
        if (sample.TagId is null || !tagMap.TryGetValue(sample.TagId, out var target))
        {
            return;
        }

        var at = sample.Timestamp.ToUnixTimeMilliseconds();
        var skew = (long)settings.MaxClockSkew.TotalMilliseconds;
        if (at > received + skew)
        {
            future++;
            return;
        }

        // older than the machine's clock, or than the gateway's clock less the skew (what the next tick would close)
        var machine = target.Machine;
        if (at < received - skew || at < (machine.Started ? machine.Cursor : machine.ClosedUntil))
        {
            late++;
            return;
        }

        if (!machine.Started)
        {
            machine.Start(at);
        }

        applied++;
        machine.AdvanceTo(at);
        machine.Seen(at);
        var good = sample.Quality != TagQuality.Bad && sample.Value is { } v && double.IsFinite(v);
        switch (target.Role)
        {
            case TagRole.State:
                var activity = good ? settings.ActivityOf(sample.Value!.Value) : MachineActivity.Unknown;
                if (good && activity == MachineActivity.Unknown)
                {
                    unknownCodes++;
                }

                machine.SetActivity(activity);
                break;
            case TagRole.DownReason:
                if (good)
                {
                    machine.SetReason(sample.Value!.Value is >= int.MinValue and <= int.MaxValue ? (int)sample.Value.Value : 0);
                }

                break;
            default:
                if (good)
                {
                    machine.Count(sample.TagId, target.Role, sample.Value!.Value);
                }

                break;
        }
    }

    private void Emit(KpiMinute minute)
    {
        closed.Add(minute);
        minutesClosed++;
    }

    /// <summary>One machine's timeline: its activity, its counters' baselines and the minute being built.</summary>
    private sealed class MachineTimeline(KpiEngine engine, string path, long closedUntil)
    {
        private const long MinuteMs = 60_000;
        private Dictionary<string, double> baselines = new(StringComparer.Ordinal);
        private SortedDictionary<int, long> byReason = new();
        private List<KpiMinute>? output;
        private MachineActivity activity = MachineActivity.Unknown;
        private int reason;
        private int? reasonTag;
        private bool periodCounted;
        private long lastSeen;
        private bool gapApplied;

        // the minute being built
        private MinutePlan plan;
        private long busy, running, down, setup, idle, unknown;
        private int downStarts;
        private bool carriedIn, sawBusy;
        private double good, scrap, energy;

        public long ClosedUntil { get; } = closedUntil;

        public bool Started { get; private set; }

        /// <summary>The machine's clock: its timeline is final up to here.</summary>
        public long Cursor { get; private set; }

        public long MinuteStart { get; private set; }

        public double IdealCycleSeconds { get; set; }

        public bool HasEnergy { get; set; }

        public void Start(long at)
        {
            Started = true;
            MinuteStart = Math.Max(Floor(at), ClosedUntil);
            Cursor = MinuteStart;
            lastSeen = at;
            Open(MinuteStart);
        }

        public void Seen(long at)
        {
            lastSeen = Math.Max(lastSeen, at);
            gapApplied = false;
        }

        /// <summary>Carries the timeline to <paramref name="to"/>, with Unknown from the last sample plus the gap.</summary>
        public void AdvanceTo(long to)
        {
            if (!gapApplied)
            {
                var gapAt = lastSeen + (long)engine.settings.StateGap.TotalMilliseconds;
                if (gapAt < to)
                {
                    if (gapAt > Cursor)
                    {
                        Advance(gapAt);
                    }

                    SetActivity(MachineActivity.Unknown);
                    baselines.Clear();
                    gapApplied = true;
                }
            }

            Advance(to);
        }

        public void SetActivity(MachineActivity next)
        {
            if (next == activity)
            {
                return;
            }

            activity = next;
            reason = next == MachineActivity.Down ? reasonTag ?? 0 : 0;
            periodCounted = false;
        }

        public void SetReason(int code)
        {
            reasonTag = code;
            if (activity == MachineActivity.Down)
            {
                reason = code; // the same down period, its time from now on under the new reason
            }
        }

        public void Count(string tag, TagRole role, double value)
        {
            if (baselines.TryGetValue(tag, out var before))
            {
                var increase = Store.CounterIncrease.Between(before, value);
                switch (role)
                {
                    case TagRole.GoodCount:
                        good += increase;
                        break;
                    case TagRole.ScrapCount:
                        scrap += increase;
                        break;
                    default:
                        energy += increase;
                        break;
                }
            }

            baselines[tag] = value;
        }

        /// <summary>A copy that emits into <paramref name="into"/> instead of the engine (for the minutes in progress).</summary>
        public MachineTimeline Copy(List<KpiMinute> into)
        {
            var copy = (MachineTimeline)MemberwiseClone();
            copy.baselines = new Dictionary<string, double>(baselines, StringComparer.Ordinal);
            copy.byReason = new SortedDictionary<int, long>(byReason);
            copy.output = into;
            return copy;
        }

        /// <summary>The minute being built, as it stands.</summary>
        public KpiMinute Snapshot() => new(
            path,
            DateTimeOffset.FromUnixTimeMilliseconds(MinuteStart),
            plan.Shift,
            busy,
            running,
            down,
            setup,
            idle,
            unknown,
            new Dictionary<int, long>(byReason),
            downStarts,
            carriedIn,
            (long)Math.Round(good),
            (long)Math.Round(scrap),
            HasEnergy ? energy : null,
            IdealCycleSeconds);

        private void Advance(long to)
        {
            while (Cursor < to)
            {
                var end = MinuteStart + MinuteMs;
                var segmentEnd = Math.Min(to, end);
                Account(Cursor, segmentEnd);
                Cursor = segmentEnd;
                if (Cursor == end)
                {
                    var minute = Snapshot();
                    if (output is null)
                    {
                        engine.Emit(minute);
                    }
                    else
                    {
                        output.Add(minute);
                    }

                    Open(end);
                }
            }
        }

        private void Open(long start)
        {
            MinuteStart = start;
            plan = engine.calendar.Plan(start);
            busy = running = down = setup = idle = unknown = 0;
            downStarts = 0;
            carriedIn = sawBusy = false;
            good = scrap = energy = 0;
            byReason.Clear(); // the minute closed took a copy
        }

        private void Account(long from, long to)
        {
            var length = plan.BusyWithin(from, to);
            if (length <= 0)
            {
                return;
            }

            if (activity == MachineActivity.Down)
            {
                if (!sawBusy && periodCounted)
                {
                    carriedIn = true;
                }
                else if (!periodCounted)
                {
                    downStarts++;
                    periodCounted = true;
                }
            }

            sawBusy = true;
            busy += length;
            switch (activity)
            {
                case MachineActivity.Running:
                    running += length;
                    break;
                case MachineActivity.Down:
                    down += length;
                    byReason[reason] = byReason.GetValueOrDefault(reason) + length;
                    break;
                case MachineActivity.Changeover:
                    setup += length;
                    break;
                case MachineActivity.Idle:
                    idle += length;
                    break;
                default:
                    unknown += length;
                    break;
            }
        }

        private static long Floor(long ms) => ms - (((ms % MinuteMs) + MinuteMs) % MinuteMs);
    }
}

/// <summary>Counters of the KPI engine: machines kept, samples applied, late ones dropped, future ones refused, unmapped state codes, minutes closed.</summary>
public sealed record KpiEngineHealth(int Machines, long SamplesApplied, long LateSamples, long FutureSamples, long UnknownStateCodes, long MinutesClosed);
