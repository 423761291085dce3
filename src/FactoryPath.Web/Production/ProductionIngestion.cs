using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Production;

/// <summary>
/// Stores the KPI minutes of a checked <c>kpi</c> message (see <see cref="KpiBatchReader"/>): one row per (gateway,
/// machine, minute), replaced when the minute is sent again, its down time per reason beside it, and the hour rows
/// (<see cref="ProductionHour"/>, <see cref="ProductionDownHour"/>) of every hour the message touched rebuilt from that
/// hour's minutes. Runs inside the transaction that stores the uplink message, so a message is stored whole or not at all.
/// </summary>
public static class ProductionIngestion
{
    public static async Task UpsertAsync(PlatformDbContext db, Gateway gateway, KpiBatch batch, CancellationToken ct)
    {
        if (batch.Items.Count == 0) return;
        var gatewayId = gateway.Id;
        // whole hours around the batch: an hour row is rebuilt from all of its minutes, old and new
        var from = Hour(batch.Items.Min(m => m.PeriodStart.UtcDateTime));
        var to = Hour(batch.Items.Max(m => m.PeriodStart.UtcDateTime)).AddHours(1);
        var paths = batch.Items.Select(m => m.AssetPath).Distinct(StringComparer.Ordinal).ToList();
        var minutes = (await db.ProductionMinutes
                .Where(m => m.GatewayId == gatewayId && paths.Contains(m.AssetPath) && m.PeriodStart >= from && m.PeriodStart < to)
                .ToListAsync(ct))
            .ToDictionary(m => (m.AssetPath, m.PeriodStart.Ticks));
        var downs = (await db.ProductionDownTimes
                .Where(d => d.GatewayId == gatewayId && paths.Contains(d.AssetPath) && d.PeriodStart >= from && d.PeriodStart < to)
                .ToListAsync(ct))
            .GroupBy(d => (d.AssetPath, d.PeriodStart.Ticks))
            .ToDictionary(g => g.Key, g => g.ToDictionary(d => d.Reason, d => d.DownMs));

        foreach (var item in batch.Items)
        {
            var start = item.PeriodStart.UtcDateTime;
            var key = (item.AssetPath, start.Ticks);
            if (!minutes.TryGetValue(key, out var row))
            {
                row = new ProductionMinute { GatewayId = gatewayId, AssetPath = item.AssetPath, PeriodStart = start };
                db.ProductionMinutes.Add(row);
                minutes[key] = row;
            }
            // the enterprise is the gateway's now: a minute sent again after a gateway moved follows it
            row.EnterpriseId = gateway.EnterpriseId;
            row.Shift = item.Shift;
            row.PlannedBusyMs = item.PlannedBusyMs;
            row.RunningMs = item.RunningMs;
            row.DownMs = item.DownMs;
            row.SetupMs = item.SetupMs;
            row.IdleMs = item.IdleMs;
            row.UnknownMs = item.UnknownMs;
            row.DownStarts = item.DownStarts;
            row.DownCarriedIn = item.DownCarriedIn;
            row.Good = item.Good;
            row.Scrap = item.Scrap;
            row.EnergyKwh = item.EnergyKwh;
            row.IdealCycleSeconds = item.IdealCycleSeconds;
            row.IdealProductionSeconds = item.IdealCycleSeconds * (item.Good + item.Scrap);
            downs[key] = item.DownMsByReason.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value);
        }

        await ReplaceDownTimesAsync(db, gateway, batch, from, to, paths, downs, ct);
        await RebuildHoursAsync(db, gateway, batch, from, to, paths, minutes, downs, ct);
    }

    private static async Task ReplaceDownTimesAsync(PlatformDbContext db, Gateway gateway, KpiBatch batch, DateTime from, DateTime to, List<string> paths,
        Dictionary<(string, long), Dictionary<int, long>> downs, CancellationToken ct)
    {
        var gatewayId = gateway.Id;
        var sent = batch.Items.Select(m => (m.AssetPath, m.PeriodStart.UtcDateTime.Ticks)).ToHashSet();
        var stored = (await db.ProductionDownTimes
                .Where(d => d.GatewayId == gatewayId && paths.Contains(d.AssetPath) && d.PeriodStart >= from && d.PeriodStart < to)
                .ToListAsync(ct))
            .Where(d => sent.Contains((d.AssetPath, d.PeriodStart.Ticks)))
            .ToDictionary(d => (d.AssetPath, d.PeriodStart.Ticks, d.Reason));
        foreach (var (path, ticks) in sent)
        {
            foreach (var (reason, ms) in downs[(path, ticks)])
            {
                if (!stored.Remove((path, ticks, reason), out var row))
                {
                    row = new ProductionDownTime { GatewayId = gatewayId, AssetPath = path, PeriodStart = new DateTime(ticks, DateTimeKind.Utc), Reason = reason };
                    db.ProductionDownTimes.Add(row);
                }
                row.EnterpriseId = gateway.EnterpriseId;
                row.DownMs = ms;
            }
        }
        db.ProductionDownTimes.RemoveRange(stored.Values); // reasons the resent minutes no longer have
    }

    private static async Task RebuildHoursAsync(PlatformDbContext db, Gateway gateway, KpiBatch batch, DateTime from, DateTime to, List<string> paths,
        Dictionary<(string AssetPath, long Ticks), ProductionMinute> minutes, Dictionary<(string, long), Dictionary<int, long>> downs, CancellationToken ct)
    {
        var gatewayId = gateway.Id;
        var touched = batch.Items.Select(m => (m.AssetPath, Hour(m.PeriodStart.UtcDateTime).Ticks)).ToHashSet();
        var hours = (await db.ProductionHours.Where(h => h.GatewayId == gatewayId && paths.Contains(h.AssetPath) && h.HourStart >= from && h.HourStart < to).ToListAsync(ct))
            .Where(h => touched.Contains((h.AssetPath, h.HourStart.Ticks)))
            .ToDictionary(h => (h.AssetPath, h.HourStart.Ticks, h.Shift));
        var downHours = (await db.ProductionDownHours.Where(h => h.GatewayId == gatewayId && paths.Contains(h.AssetPath) && h.HourStart >= from && h.HourStart < to).ToListAsync(ct))
            .Where(h => touched.Contains((h.AssetPath, h.HourStart.Ticks)))
            .ToDictionary(h => (h.AssetPath, h.HourStart.Ticks, h.Reason));

        foreach (var group in minutes.Values.GroupBy(m => (m.AssetPath, Hour(m.PeriodStart).Ticks, Shift: m.Shift ?? "")).Where(g => touched.Contains((g.Key.AssetPath, g.Key.Ticks))))
        {
            if (!hours.Remove(group.Key, out var hour))
            {
                hour = new ProductionHour { GatewayId = gatewayId, AssetPath = group.Key.AssetPath, HourStart = new DateTime(group.Key.Ticks, DateTimeKind.Utc), Shift = group.Key.Shift };
                db.ProductionHours.Add(hour);
            }
            var all = group.ToList();
            hour.EnterpriseId = gateway.EnterpriseId;
            hour.FirstMinute = all.Min(m => m.PeriodStart);
            hour.Minutes = all.Count;
            hour.PlannedBusyMs = all.Sum(m => m.PlannedBusyMs);
            hour.RunningMs = all.Sum(m => m.RunningMs);
            hour.DownMs = all.Sum(m => m.DownMs);
            hour.SetupMs = all.Sum(m => m.SetupMs);
            hour.IdleMs = all.Sum(m => m.IdleMs);
            hour.UnknownMs = all.Sum(m => m.UnknownMs);
            hour.Good = all.Sum(m => m.Good);
            hour.Scrap = all.Sum(m => m.Scrap);
            hour.IdealProductionSeconds = all.Sum(m => m.IdealProductionSeconds);
            hour.EnergyKwh = all.Any(m => m.EnergyKwh is not null) ? all.Sum(m => m.EnergyKwh ?? 0) : null;
        }
        db.ProductionHours.RemoveRange(hours.Values); // a shift the hour's minutes no longer name

        var reasons = downs.Where(d => touched.Contains((d.Key.Item1, Hour(new DateTime(d.Key.Item2, DateTimeKind.Utc)).Ticks)))
            .SelectMany(d => d.Value.Select(r => (Key: (d.Key.Item1, Hour(new DateTime(d.Key.Item2, DateTimeKind.Utc)).Ticks, r.Key), Ms: r.Value)))
            .GroupBy(r => r.Key, r => r.Ms);
        foreach (var reason in reasons)
        {
            if (!downHours.Remove(reason.Key, out var row))
            {
                row = new ProductionDownHour { GatewayId = gatewayId, AssetPath = reason.Key.Item1, HourStart = new DateTime(reason.Key.Ticks, DateTimeKind.Utc), Reason = reason.Key.Key };
                db.ProductionDownHours.Add(row);
            }
            row.EnterpriseId = gateway.EnterpriseId;
            row.DownMs = reason.Sum();
        }
        db.ProductionDownHours.RemoveRange(downHours.Values);
    }

    private static DateTime Hour(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
}
