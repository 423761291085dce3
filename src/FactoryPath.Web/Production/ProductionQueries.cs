using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Production;

/// <summary>
/// The dashboards' SQL: an enterprise's hour rows (whole hours) and minute rows (the part-hours at a range's edges) in a
/// range, summed in the database (GROUP BY machine and/or UTC hour and shift), so a month comes back as a few hundred or
/// thousand rows. The slices are then bucketed and grouped
/// by the shared <see cref="Dashboards"/> code, the same code the gateway's page runs.
/// </summary>
public sealed class ProductionQueries(PlatformDbContext db)
{
    private IQueryable<ProductionMinute> Minutes(Guid enterpriseId, DateTime from, DateTime to) =>
        db.ProductionMinutes.AsNoTracking().Where(m => m.EnterpriseId == enterpriseId && m.PeriodStart >= from && m.PeriodStart < to);

    private IQueryable<ProductionHour> Hours(Guid enterpriseId, DateTime from, DateTime to) =>
        db.ProductionHours.AsNoTracking().Where(h => h.EnterpriseId == enterpriseId && h.HourStart >= from && h.HourStart < to);

    /// <summary>
    /// Splits a range into the whole UTC hours inside it (read from the hour rows) and the minutes before and after them
    /// (read from the minute rows), so a range need not start on an hour (a shift at 06:30, "now").
    /// </summary>
    private static (DateTime From, DateTime To, (DateTime From, DateTime To)[] Edges) Split(DateTime from, DateTime to)
    {
        var first = new DateTime((from.Ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var last = new DateTime(to.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        if (first >= last) return (first, first, [(from, to)]);
        return (first, last, new[] { (from, first), (last, to) }.Where(e => e.Item1 < e.Item2).ToArray());
    }

    /// <summary>One slice per machine over the whole range.</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerMachineAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var (hoursFrom, hoursTo, edges) = Split(from, to);
        var rows = await Hours(enterpriseId, hoursFrom, hoursTo)
            .GroupBy(h => h.AssetPath)
            .Select(g => new Row(g.Key, g.Min(h => h.FirstMinute), null,
                g.Sum(h => h.PlannedBusyMs), g.Sum(h => h.RunningMs), g.Sum(h => h.DownMs), g.Sum(h => h.SetupMs), g.Sum(h => h.IdleMs), g.Sum(h => h.UnknownMs),
                g.Sum(h => h.Good), g.Sum(h => h.Scrap), g.Sum(h => h.IdealProductionSeconds), g.Sum(h => h.EnergyKwh ?? 0), g.Count(h => h.EnergyKwh != null)))
            .ToListAsync(ct);
        foreach (var (f, t) in edges)
        {
            rows.AddRange(await Minutes(enterpriseId, f, t)
                .GroupBy(m => m.AssetPath)
                .Select(g => new Row(g.Key, g.Min(m => m.PeriodStart), null,
                    g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                    g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
                .ToListAsync(ct));
        }
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>One slice per UTC hour and shift over every machine (for trends).</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerHourAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var (hoursFrom, hoursTo, edges) = Split(from, to);
        var rows = await Hours(enterpriseId, hoursFrom, hoursTo)
            .GroupBy(h => new { h.HourStart, h.Shift })
            .Select(g => new Row("", g.Min(h => h.FirstMinute), g.Key.Shift,
                g.Sum(h => h.PlannedBusyMs), g.Sum(h => h.RunningMs), g.Sum(h => h.DownMs), g.Sum(h => h.SetupMs), g.Sum(h => h.IdleMs), g.Sum(h => h.UnknownMs),
                g.Sum(h => h.Good), g.Sum(h => h.Scrap), g.Sum(h => h.IdealProductionSeconds), g.Sum(h => h.EnergyKwh ?? 0), g.Count(h => h.EnergyKwh != null)))
            .ToListAsync(ct);
        foreach (var (f, t) in edges)
        {
            rows.AddRange(await Minutes(enterpriseId, f, t)
                .GroupBy(m => new { m.PeriodStart.Date, m.PeriodStart.Hour, m.Shift })
                .Select(g => new Row("", g.Min(m => m.PeriodStart), g.Key.Shift,
                    g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                    g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
                .ToListAsync(ct));
        }
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>One slice per machine, UTC hour and shift (for the export, one row per bucket × group).</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerMachineHourAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var (hoursFrom, hoursTo, edges) = Split(from, to);
        var rows = await Hours(enterpriseId, hoursFrom, hoursTo)
            .Select(h => new Row(h.AssetPath, h.FirstMinute, h.Shift, h.PlannedBusyMs, h.RunningMs, h.DownMs, h.SetupMs, h.IdleMs, h.UnknownMs,
                h.Good, h.Scrap, h.IdealProductionSeconds, h.EnergyKwh ?? 0, h.EnergyKwh != null ? 1 : 0))
            .ToListAsync(ct);
        foreach (var (f, t) in edges)
        {
            rows.AddRange(await Minutes(enterpriseId, f, t)
                .GroupBy(m => new { m.AssetPath, m.PeriodStart.Date, m.PeriodStart.Hour, m.Shift })
                .Select(g => new Row(g.Key.AssetPath, g.Min(m => m.PeriodStart), g.Key.Shift,
                    g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                    g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
                .ToListAsync(ct));
        }
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>Down time by reason code over the range.</summary>
    public async Task<IReadOnlyList<KeyValuePair<int, long>>> DownByReasonAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var (hoursFrom, hoursTo, edges) = Split(from, to);
        var rows = await db.ProductionDownHours.AsNoTracking()
            .Where(d => d.EnterpriseId == enterpriseId && d.HourStart >= hoursFrom && d.HourStart < hoursTo)
            .GroupBy(d => d.Reason)
            .Select(g => new { Reason = g.Key, Ms = g.Sum(d => d.DownMs) })
            .ToListAsync(ct);
        foreach (var (f, t) in edges)
        {
            rows.AddRange(await db.ProductionDownTimes.AsNoTracking()
                .Where(d => d.EnterpriseId == enterpriseId && d.PeriodStart >= f && d.PeriodStart < t)
                .GroupBy(d => d.Reason)
                .Select(g => new { Reason = g.Key, Ms = g.Sum(d => d.DownMs) })
                .ToListAsync(ct));
        }
        return rows.GroupBy(r => r.Reason).Select(g => KeyValuePair.Create(g.Key, g.Sum(r => r.Ms))).ToList();
    }

    /// <summary>The newest minute of the enterprise at or after <paramref name="since"/>: its start and shift.</summary>
    public async Task<(DateTime Start, string? Shift)?> LatestAsync(Guid enterpriseId, DateTime since, CancellationToken ct)
    {
        var latest = await db.ProductionMinutes.AsNoTracking()
            .Where(m => m.EnterpriseId == enterpriseId && m.PeriodStart >= since)
            .OrderByDescending(m => m.PeriodStart)
            .Select(m => new { m.PeriodStart, m.Shift })
            .FirstOrDefaultAsync(ct);
        return latest is null ? null : (Utc(latest.PeriodStart), latest.Shift);
    }

    /// <summary>Start of the run of minutes of shift <paramref name="shift"/> that ends at <paramref name="at"/> (looking back to <paramref name="since"/>).</summary>
    public async Task<DateTime> ShiftStartAsync(Guid enterpriseId, string shift, DateTime at, DateTime since, CancellationToken ct)
    {
        var lastOther = await db.ProductionMinutes.AsNoTracking()
            .Where(m => m.EnterpriseId == enterpriseId && m.PeriodStart >= since && m.PeriodStart <= at && (m.Shift == null || m.Shift != shift))
            .OrderByDescending(m => m.PeriodStart).Select(m => (DateTime?)m.PeriodStart).FirstOrDefaultAsync(ct);
        var from = lastOther is { } other ? Utc(other) : since;
        var first = await db.ProductionMinutes.AsNoTracking()
            .Where(m => m.EnterpriseId == enterpriseId && m.PeriodStart > from && m.PeriodStart <= at && m.Shift == shift)
            .OrderBy(m => m.PeriodStart).Select(m => (DateTime?)m.PeriodStart).FirstOrDefaultAsync(ct);
        return first is { } f ? Utc(f) : at;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private sealed record Row(string AssetPath, DateTime First, string? Shift, long Busy, long Running, long Down, long Setup, long Idle, long Unknown,
        long Good, long Scrap, double Ideal, double Energy, int EnergyMinutes)
    {
        public KpiSlice ToSlice() => new(AssetPath, new DateTimeOffset(Utc(First)), string.IsNullOrEmpty(Shift) ? null : Shift,
            new KpiSums(Busy, Running, Down, Setup, Idle, Unknown, Good, Scrap, Ideal, EnergyMinutes > 0 ? Energy : null));
    }
}
