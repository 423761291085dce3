using System.Text.Json;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Production;

/// <summary>A checked time range [From, To) of a dashboard, as instants in the factory's time zone.</summary>
public sealed record ProductionRange(DateTimeOffset From, DateTimeOffset To)
{
    public DateTime FromUtc => From.UtcDateTime;
    public DateTime ToUtc => To.UtcDateTime;
}

public sealed record ProductionSummary(Guid EnterpriseId, DateTimeOffset From, DateTimeOffset To, DashboardGroup Group, KpiFigures Total, IReadOnlyList<GroupFigures> Groups);

public sealed record ProductionTrend(Guid EnterpriseId, DateTimeOffset From, DateTimeOffset To, DashboardBucket Bucket, IReadOnlyList<TrendPoint> Points);

public sealed record ProductionPareto(Guid EnterpriseId, DateTimeOffset From, DateTimeOffset To, long TotalDownMs, IReadOnlyList<ParetoBar> Bars);

/// <summary>The live factory view: each machine's state now and its KPIs over the current shift (or today when no shift runs).</summary>
public sealed record ProductionLive(
    Guid EnterpriseId, DateTimeOffset From, DateTimeOffset To, string Period, string? Shift, int Gateways, int GatewaysOnline, DateTime? HealthAt,
    KpiFigures Total, IReadOnlyList<LiveMachine> Machines);

/// <summary>
/// Production dashboards of one enterprise, from the KPI minutes its gateways sent. An enterprise user reads its own
/// enterprise; the platform operator names one; regional admins and service providers read none (machine data is the
/// enterprise's own, as with gateways). Another enterprise's id reads as 404.
/// </summary>
public sealed class ProductionService(PlatformDbContext db, ProductionQueries queries, TimeProvider clock, IOptions<ProductionOptions> options,
    IOptions<GatewayOptions> gatewayOptions, UiText text)
{
    public TimeZoneInfo Zone { get; } = options.Value.Zone();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The enterprise whose data the viewer asks for, or why not.</summary>
    public async Task<Outcome<Guid>> EnterpriseAsync(Viewer viewer, Guid? enterpriseId, CancellationToken ct = default)
    {
        Guid target;
        if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } own)
        {
            if (enterpriseId is { } asked && asked != own) return Outcome<Guid>.NotFound();
            target = own;
        }
        else if (viewer.IsEnterpriseUser) return Outcome<Guid>.Conflict(text["gateways.error.noEnterprise"]);
        else if (viewer.IsPlatformAdmin)
        {
            if (enterpriseId is not { } chosen) return Outcome<Guid>.Invalid("enterpriseId", text["gateways.error.enterpriseRequired"]);
            target = chosen;
        }
        else return Outcome<Guid>.Forbidden(text["production.error.notAllowed"]);

        return await db.Enterprises.AnyAsync(e => e.Id == target, ct) ? Outcome<Guid>.Ok(target) : Outcome<Guid>.NotFound();
    }

    /// <summary>Checks a requested range; without one, today in the factory's time zone.</summary>
    public Outcome<ProductionRange> Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        var today = Buckets.StartOfDay(Now, Zone);
        var start = from ?? (to is { } t ? t.AddDays(-1) : today);
        var end = to ?? (from is { } f ? f.AddDays(1) : today.AddDays(1));
        if (end <= start) return Outcome<ProductionRange>.Invalid("to", text["production.error.order"]);
        if (end - start > TimeSpan.FromDays(options.Value.MaxRangeDays))
            return Outcome<ProductionRange>.Invalid("to", text.Format("production.error.tooLong", options.Value.MaxRangeDays));
        return Outcome<ProductionRange>.Ok(new ProductionRange(TimeZoneInfo.ConvertTime(start, Zone), TimeZoneInfo.ConvertTime(end, Zone)));
    }

    public async Task<ProductionSummary> SummaryAsync(Guid enterpriseId, ProductionRange range, DashboardGroup group, CancellationToken ct = default)
    {
        var slices = await queries.PerMachineAsync(enterpriseId, range.FromUtc, range.ToUtc, ct);
        return new ProductionSummary(enterpriseId, range.From, range.To, group, Dashboards.Total(slices), Dashboards.Summary(slices, group));
    }

    public async Task<ProductionTrend> TrendAsync(Guid enterpriseId, ProductionRange range, DashboardBucket bucket, CancellationToken ct = default)
    {
        var slices = await queries.PerHourAsync(enterpriseId, range.FromUtc, range.ToUtc, ct);
        return new ProductionTrend(enterpriseId, range.From, range.To, bucket, Dashboards.Trend(slices, bucket, Zone));
    }

    public async Task<ProductionPareto> ParetoAsync(Guid enterpriseId, ProductionRange range, bool chinese, CancellationToken ct = default)
    {
        var reasons = await queries.DownByReasonAsync(enterpriseId, range.FromUtc, range.ToUtc, ct);
        return new ProductionPareto(enterpriseId, range.From, range.To, reasons.Sum(r => r.Value), Pareto.Of(reasons, DownReasonNames.Default, chinese));
    }

    public async Task<byte[]> ExportAsync(Guid enterpriseId, ProductionRange range, DashboardBucket bucket, DashboardGroup group, bool chinese, CancellationToken ct = default)
    {
        var slices = await queries.PerMachineHourAsync(enterpriseId, range.FromUtc, range.ToUtc, ct);
        return CsvExport.Write(Dashboards.Table(slices, bucket, group, Zone), chinese);
    }

    /// <summary>The current shift's range (the run of the newest minute's shift), or today when the newest minute is outside every shift or older than two hours.</summary>
    public async Task<(ProductionRange Range, string? Shift)> CurrentShiftAsync(Guid enterpriseId, CancellationToken ct = default)
    {
        var now = Now.UtcDateTime;
        var latest = await queries.LatestAsync(enterpriseId, now.AddHours(-2), ct);
        if (latest is { Shift: { } shift } l)
        {
            var start = await queries.ShiftStartAsync(enterpriseId, shift, l.Start, now.AddHours(-24), ct);
            return (new ProductionRange(TimeZoneInfo.ConvertTime(new DateTimeOffset(start), Zone), TimeZoneInfo.ConvertTime(Now.AddMinutes(1), Zone)), shift);
        }
        var today = Buckets.StartOfDay(Now, Zone);
        return (new ProductionRange(today, today.AddDays(1)), null);
    }

    public async Task<ProductionLive> LiveAsync(Guid enterpriseId, bool shift, CancellationToken ct = default)
    {
        var (range, shiftName) = shift ? await CurrentShiftAsync(enterpriseId, ct) : (Range(null, null).Value!, null);
        var machines = await queries.PerMachineAsync(enterpriseId, range.FromUtc, range.ToUtc, ct);
        var kpis = Dashboards.Summary(machines, DashboardGroup.Machine).ToDictionary(g => g.Group, g => g.Figures, StringComparer.Ordinal);

        var now = Now.UtcDateTime;
        var gateways = await db.Gateways.AsNoTracking().Where(g => g.EnterpriseId == enterpriseId && g.RevokedAt == null).ToListAsync(ct);
        var ids = gateways.Select(g => g.Id).ToList();
        var snapshots = await db.GatewaySnapshots.AsNoTracking().Where(s => ids.Contains(s.GatewayId) && s.Kind == UplinkKinds.Health).ToListAsync(ct);
        var live = new List<LiveMachine>();
        var tagsByGateway = snapshots.ToDictionary(s => s.GatewayId, s => JsonSerializer.Deserialize<GatewayHealthReport>(s.Json, UplinkJson.Options)?.Tags ?? []);
        var online = gateways.Where(g => g.IsOnline(now, gatewayOptions.Value.OnlineSeconds)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        // a machine's state is now only while its gateway is online; machines known only from their minutes read unknown
        var fresh = LiveMachines.From(tagsByGateway.Where(t => online.Contains(t.Key)).SelectMany(t => t.Value), kpis, stale: false);
        var staleOnes = LiveMachines.From(tagsByGateway.Where(t => !online.Contains(t.Key)).SelectMany(t => t.Value), new Dictionary<string, KpiFigures>(), stale: true);
        var seen = fresh.Select(m => m.AssetPath).ToHashSet(StringComparer.Ordinal);
        live.AddRange(fresh);
        live.AddRange(staleOnes.Where(m => seen.Add(m.AssetPath)).Select(m => m with { Kpis = kpis.GetValueOrDefault(m.AssetPath) }));
        live.Sort((a, b) => string.CompareOrdinal(a.AssetPath, b.AssetPath));
        return new ProductionLive(enterpriseId, range.From, range.To, shiftName is null ? "day" : "shift", shiftName, gateways.Count, online.Count,
            snapshots.Count == 0 ? null : DateTime.SpecifyKind(snapshots.Max(s => s.ReceivedAt), DateTimeKind.Utc),
            Dashboards.Total(machines), live);
    }
}
