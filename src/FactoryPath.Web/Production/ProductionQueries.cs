using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Production;

/// <summary>
/// The dashboards' SQL: an enterprise's minutes in a range, summed in the database (GROUP BY machine and/or UTC hour and
/// shift), so a month of minutes comes back as a few hundred or thousand rows. The slices are then bucketed and grouped
/// by the shared <see cref="Dashboards"/> code, the same code the gateway's page runs.
/// </summary>
public sealed class ProductionQueries(PlatformDbContext db)
{
    private IQueryable<ProductionMinute> Minutes(Guid enterpriseId, DateTime from, DateTime to) =>
        db.ProductionMinutes.AsNoTracking().Where(m => m.EnterpriseId == enterpriseId && m.PeriodStart >= from && m.PeriodStart < to);

    /// <summary>One slice per machine over the whole range.</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerMachineAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await Minutes(enterpriseId, from, to)
            .GroupBy(m => m.AssetPath)
            .Select(g => new Row(g.Key, g.Min(m => m.PeriodStart), null,
                g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
            .ToListAsync(ct);
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>One slice per UTC hour and shift over every machine (for trends).</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerHourAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await Minutes(enterpriseId, from, to)
            .GroupBy(m => new { m.PeriodStart.Date, m.PeriodStart.Hour, m.Shift })
            .Select(g => new Row("", g.Min(m => m.PeriodStart), g.Key.Shift,
                g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
            .ToListAsync(ct);
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>One slice per machine, UTC hour and shift (for the export, one row per bucket × group).</summary>
    public async Task<IReadOnlyList<KpiSlice>> PerMachineHourAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await Minutes(enterpriseId, from, to)
            .GroupBy(m => new { m.AssetPath, m.PeriodStart.Date, m.PeriodStart.Hour, m.Shift })
            .Select(g => new Row(g.Key.AssetPath, g.Min(m => m.PeriodStart), g.Key.Shift,
                g.Sum(m => m.PlannedBusyMs), g.Sum(m => m.RunningMs), g.Sum(m => m.DownMs), g.Sum(m => m.SetupMs), g.Sum(m => m.IdleMs), g.Sum(m => m.UnknownMs),
                g.Sum(m => m.Good), g.Sum(m => m.Scrap), g.Sum(m => m.IdealProductionSeconds), g.Sum(m => m.EnergyKwh ?? 0), g.Count(m => m.EnergyKwh != null)))
            .ToListAsync(ct);
        return rows.Select(r => r.ToSlice()).ToList();
    }

    /// <summary>Down time by reason code over the range.</summary>
    public async Task<IReadOnlyList<KeyValuePair<int, long>>> DownByReasonAsync(Guid enterpriseId, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await db.ProductionDownTimes.AsNoTracking()
            .Where(d => d.EnterpriseId == enterpriseId && d.PeriodStart >= from && d.PeriodStart < to)
            .GroupBy(d => d.Reason)
            .Select(g => new { Reason = g.Key, Ms = g.Sum(d => d.DownMs) })
            .ToListAsync(ct);
        return rows.Select(r => KeyValuePair.Create(r.Reason, r.Ms)).ToList();
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
        public KpiSlice ToSlice() => new(AssetPath, new DateTimeOffset(Utc(First)), Shift,
            new KpiSums(Busy, Running, Down, Setup, Idle, Unknown, Good, Scrap, Ideal, EnergyMinutes > 0 ? Energy : null));
    }
}
