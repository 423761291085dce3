using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Web.Gateways;

/// <summary>
/// Checks a <c>kpi</c> payload field by field: every minute is one machine over one whole UTC minute whose ISO 22400-2
/// time elements are non-negative, sum to the planned busy time and fit in the minute; down time by reason sums to the
/// down time; quantities and energy are plausible for a minute. One bad minute makes the whole batch malformed (nothing
/// of it is stored), with a reason that names the item.
/// </summary>
public static class KpiBatchReader
{
    public const long MinuteMs = 60_000;

    /// <summary>More units than this in one minute of one machine is taken for a counter error, not production.</summary>
    public const long MaxUnitsPerMinute = 1_000_000;

    /// <summary>10 MWh in one minute of one machine is taken for a meter error.</summary>
    public const double MaxKwhPerMinute = 10_000;

    public const int MaxReasonsPerMinute = 100;

    /// <summary>How far a minute may lie after the envelope was made (a minute is sent once it has closed).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    public static ReadUplink? Check(UplinkEnvelope envelope, KpiBatch batch, out string? error)
    {
        error = null;
        if (batch.Items is null) return Fail("kpi items are missing", out error);
        if (batch.Items.Count > UplinkReader.MaxItems) return Fail($"a kpi batch holds at most {UplinkReader.MaxItems} minutes (had {batch.Items.Count})", out error);
        var seen = new HashSet<(string, long)>();
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var m = batch.Items[i];
            if (m is null) return Fail($"kpi item {i} is null", out error);
            var problem = Problem(m, envelope.CreatedAt);
            if (problem is not null) return Fail($"kpi item {i} ({Clip(m.AssetPath)} {m.PeriodStart:O}): {problem}", out error);
            if (!seen.Add((m.AssetPath, m.PeriodStart.UtcTicks))) return Fail($"kpi item {i}: a batch names the minute {m.PeriodStart:O} of {Clip(m.AssetPath)} twice", out error);
        }
        return new ReadUplink(envelope, null, null, null) { Kpis = batch };
    }

    private static string? Problem(KpiMinute m, DateTimeOffset createdAt)
    {
        if (m.AssetPath is null || m.AssetPath.Length > 300) return "assetPath is missing or longer than 300 characters";
        if (AssetPath.TryParse(m.AssetPath, out var pathError) is null) return pathError;
        if (m.PeriodStart == default) return "periodStart is missing";
        if (m.PeriodStart.Offset != TimeSpan.Zero) return "periodStart must be given in UTC (offset +00:00)";
        if (m.PeriodStart.UtcTicks % TimeSpan.TicksPerMinute != 0) return "periodStart must be on a whole minute";
        if (m.PeriodStart > createdAt + MaxAhead) return $"periodStart lies more than {MaxAhead.TotalMinutes:0} minutes after the envelope's createdAt";
        if (m.Shift is { } shift && (string.IsNullOrWhiteSpace(shift) || shift.Length > 60)) return "shift must be null or a name of 1 to 60 characters";
        (string Name, long Ms)[] elements =
            [("plannedBusyMs", m.PlannedBusyMs), ("runningMs", m.RunningMs), ("downMs", m.DownMs), ("setupMs", m.SetupMs), ("idleMs", m.IdleMs), ("unknownMs", m.UnknownMs)];
        foreach (var (name, ms) in elements)
        {
            if (ms is < 0 or > MinuteMs) return $"{name} must lie between 0 and {MinuteMs} ms (was {ms})";
        }
        var sum = m.RunningMs + m.DownMs + m.SetupMs + m.IdleMs + m.UnknownMs;
        if (sum != m.PlannedBusyMs) return $"runningMs + downMs + setupMs + idleMs + unknownMs = {sum} ms, but plannedBusyMs is {m.PlannedBusyMs} ms";
        if (m.DownMsByReason is null) return "downMsByReason is missing (an empty map is fine)";
        if (m.DownMsByReason.Count > MaxReasonsPerMinute) return $"downMsByReason holds at most {MaxReasonsPerMinute} reasons";
        foreach (var (reason, ms) in m.DownMsByReason)
        {
            if (reason < 0) return $"down reason codes are 0 or more (was {reason})";
            if (ms is < 0 or > MinuteMs) return $"down time of reason {reason} must lie between 0 and {MinuteMs} ms (was {ms})";
        }
        var byReason = m.DownMsByReason.Values.Sum();
        if (byReason != m.DownMs) return $"downMsByReason sums to {byReason} ms, but downMs is {m.DownMs} ms";
        if (m.DownStarts is < 0 or > (int)MinuteMs) return $"downStarts must lie between 0 and {MinuteMs} (was {m.DownStarts})";
        if (m.Good is < 0 or > MaxUnitsPerMinute) return $"good must lie between 0 and {MaxUnitsPerMinute} (was {m.Good})";
        if (m.Scrap is < 0 or > MaxUnitsPerMinute) return $"scrap must lie between 0 and {MaxUnitsPerMinute} (was {m.Scrap})";
        if (m.EnergyKwh is { } kwh && (!double.IsFinite(kwh) || kwh is < 0 or > MaxKwhPerMinute)) return $"energyKwh must be null or lie between 0 and {MaxKwhPerMinute} (was {kwh})";
        if (!double.IsFinite(m.IdealCycleSeconds) || m.IdealCycleSeconds is < 0 or > 86_400) return $"idealCycleSeconds must lie between 0 and 86400 (was {m.IdealCycleSeconds})";
        return null;
    }

    private static ReadUplink? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";
}
