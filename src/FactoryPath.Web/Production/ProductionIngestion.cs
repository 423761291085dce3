using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Production;

/// <summary>
/// Stores the KPI minutes of a checked <c>kpi</c> message (see <see cref="KpiBatchReader"/>): one row per (gateway,
/// machine, minute), replaced when the minute is sent again, and its down time per reason beside it. Runs inside the
/// transaction that stores the uplink message, so a message is stored whole or not at all.
/// </summary>
public static class ProductionIngestion
{
    public static async Task UpsertAsync(PlatformDbContext db, Gateway gateway, KpiBatch batch, CancellationToken ct)
    {
        if (batch.Items.Count == 0) return;
        var gatewayId = gateway.Id;
        var from = batch.Items.Min(m => m.PeriodStart.UtcDateTime);
        var to = batch.Items.Max(m => m.PeriodStart.UtcDateTime);
        var paths = batch.Items.Select(m => m.AssetPath).Distinct(StringComparer.Ordinal).ToList();
        var minutes = (await db.ProductionMinutes
                .Where(m => m.GatewayId == gatewayId && paths.Contains(m.AssetPath) && m.PeriodStart >= from && m.PeriodStart <= to)
                .ToListAsync(ct))
            .ToDictionary(m => (m.AssetPath, m.PeriodStart.Ticks));
        var downs = (await db.ProductionDownTimes
                .Where(d => d.GatewayId == gatewayId && paths.Contains(d.AssetPath) && d.PeriodStart >= from && d.PeriodStart <= to)
                .ToListAsync(ct))
            .ToLookup(d => (d.AssetPath, d.PeriodStart.Ticks));

        foreach (var item in batch.Items)
        {
            var start = item.PeriodStart.UtcDateTime;
            var key = (item.AssetPath, start.Ticks);
            if (!minutes.TryGetValue(key, out var row))
            {
                row = new ProductionMinute { GatewayId = gatewayId, AssetPath = item.AssetPath, PeriodStart = start };
                db.ProductionMinutes.Add(row);
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

            var old = downs[key].ToDictionary(d => d.Reason);
            foreach (var (reason, ms) in item.DownMsByReason)
            {
                if (ms == 0) continue;
                if (!old.Remove(reason, out var down))
                {
                    down = new ProductionDownTime { GatewayId = gatewayId, AssetPath = item.AssetPath, PeriodStart = start, Reason = reason };
                    db.ProductionDownTimes.Add(down);
                }
                down.EnterpriseId = gateway.EnterpriseId;
                down.DownMs = ms;
            }
            // reasons the minute no longer has
            db.ProductionDownTimes.RemoveRange(old.Values);
        }
    }
}
