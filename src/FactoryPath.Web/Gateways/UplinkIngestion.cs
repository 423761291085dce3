using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Gateways;

public enum IngestResult
{
    /// <summary>Stored now, together with its rollups or snapshot.</summary>
    Stored,
    /// <summary>This (gateway, sequence) was stored before: acknowledged and ignored.</summary>
    Duplicate,
    /// <summary>Unreadable; counted on the gateway and acknowledged, since a resend would not make it readable.</summary>
    Malformed,
    /// <summary>Not accepted: unknown or revoked gateway, or a topic the sender may not publish to.</summary>
    Rejected,
    /// <summary>Could not be stored (database error): must not be acknowledged, so the gateway sends it again.</summary>
    Failed,
}

/// <summary>
/// Stores uplink messages exactly once per (gateway, sequence): the message row and what it carries are written in one
/// transaction, and a message seen before is acknowledged and ignored. Writes are serialised (SQLite has one writer).
/// </summary>
public sealed class UplinkIngestion(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UplinkIngestion> log, IEnumerable<IHealthReportObserver> observers)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Takes one publication. <paramref name="sender"/> is the authenticated gateway (null when an external broker authenticated it).</summary>
    public async Task<IngestResult> IngestAsync(string topic, ReadOnlyMemory<byte> body, string? sender, CancellationToken ct = default)
    {
        var parsed = UplinkTopics.Parse(topic);
        if (parsed is null || (sender is not null && !string.Equals(parsed.Value.GatewayId, sender, StringComparison.Ordinal)))
        {
            if (sender is not null) await CountAsync(sender, g => g.Rejected++, $"publication to '{Clip(topic)}' refused: a gateway publishes only under {UplinkTopics.Prefix}{sender}/", ct);
            else log.LogWarning("Uplink on topic {Topic} ignored: not an uplink topic", Clip(topic));
            return IngestResult.Rejected;
        }

        var (gatewayId, kind) = parsed.Value;
        await _writer.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var gateway = await db.Gateways.FirstOrDefaultAsync(g => g.Id == gatewayId, ct);
            if (gateway is null || gateway.IsRevoked)
            {
                log.LogWarning("Uplink from {Gateway} ignored: {Why}", gatewayId, gateway is null ? "no such gateway" : "the gateway is revoked");
                return IngestResult.Rejected;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            gateway.LastSeenAt = now;
            var read = UplinkReader.TryRead(gatewayId, kind, body.Span, out var error);
            if (read is null)
            {
                gateway.Malformed++;
                Note(gateway, error!, now);
                await db.SaveChangesAsync(ct);
                log.LogWarning("Malformed uplink from {Gateway} on {Topic}: {Error}", gatewayId, topic, error);
                return IngestResult.Malformed;
            }

            var sequence = read.Envelope.Sequence;
            if (await db.UplinkMessages.AnyAsync(m => m.GatewayId == gatewayId && m.Sequence == sequence, ct))
            {
                gateway.Duplicates++;
                await db.SaveChangesAsync(ct);
                log.LogDebug("Uplink {Gateway}#{Sequence} seen before; ignored", gatewayId, sequence);
                return IngestResult.Duplicate;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.UplinkMessages.Add(new UplinkMessage { GatewayId = gatewayId, Sequence = sequence, Kind = kind, CreatedAt = read.Envelope.CreatedAt.UtcDateTime, ReceivedAt = now });
            if (read.Rollups is { } rollups) await ApplyAsync(db, gatewayId, rollups, ct);
            if (read.Register is not null) await SnapshotAsync(db, gatewayId, read, now, ct);
            if (read.Kpis is { } kpis) await Production.ProductionIngestion.UpsertAsync(db, gateway, kpis, ct);
            var latestHealth = false;
            if (read.Health is { } health)
            {
                gateway.LastHealthAt = now;
                gateway.StartedAt = health.StartedAt.UtcDateTime;
                gateway.Version = health.Version;
                latestHealth = await SnapshotAsync(db, gatewayId, read, now, ct);
            }
            gateway.MessagesStored++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (latestHealth) Notify(new HealthStored(gatewayId, gateway.EnterpriseId, read.Envelope.CreatedAt, read.Health!));
            return IngestResult.Stored;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            log.LogError(e, "Uplink from {Gateway} on {Topic} could not be stored; it is not acknowledged and will be sent again", gatewayId, topic);
            return IngestResult.Failed;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Counts a refused connection attempt or publication against a known gateway.</summary>
    public Task CountRejectedAsync(string gatewayId, string reason, CancellationToken ct = default) =>
        CountAsync(gatewayId, g => g.Rejected++, reason, ct);

    private async Task CountAsync(string gatewayId, Action<Gateway> change, string reason, CancellationToken ct)
    {
        log.LogWarning("Gateway {Gateway}: {Reason}", gatewayId, reason);
        await _writer.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var gateway = await db.Gateways.FirstOrDefaultAsync(g => g.Id == gatewayId, ct);
            if (gateway is null) return;
            change(gateway);
            Note(gateway, reason, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            log.LogError(e, "Could not count an error for gateway {Gateway}", gatewayId);
        }
        finally
        {
            _writer.Release();
        }
    }

    private static async Task ApplyAsync(PlatformDbContext db, string gatewayId, RollupBatch batch, CancellationToken ct)
    {
        if (batch.Items.Count == 0) return;
        var from = batch.Items.Min(r => r.PeriodStart.UtcDateTime);
        var to = batch.Items.Max(r => r.PeriodStart.UtcDateTime);
        var existing = (await db.GatewayRollups
                .Where(r => r.GatewayId == gatewayId && r.Resolution == batch.Resolution && r.PeriodStart >= from && r.PeriodStart <= to)
                .ToListAsync(ct))
            .ToDictionary(r => (r.TagId, r.PeriodStart.Ticks));
        foreach (var item in batch.Items)
        {
            var start = item.PeriodStart.UtcDateTime;
            // a period sent again under a new sequence (the gateway revised it) replaces the earlier values
            if (!existing.TryGetValue((item.TagId, start.Ticks), out var row))
            {
                row = new GatewayRollup { GatewayId = gatewayId, TagId = item.TagId, Resolution = batch.Resolution, PeriodStart = start };
                db.GatewayRollups.Add(row);
            }
            row.AssetPath = item.AssetPath;
            row.Role = item.Role.ToString();
            row.Count = item.Count;
            row.Min = item.Min;
            row.Max = item.Max;
            row.Mean = item.Mean;
            row.Last = item.Last;
            row.BadCount = item.BadCount;
            row.Increase = item.Increase;
        }
    }

    private void Notify(HealthStored stored)
    {
        foreach (var observer in observers)
        {
            try
            {
                observer.OnHealthStored(stored);
            }
            catch (Exception e)
            {
                // an observer's failure is its own; the report is stored and acknowledged regardless
                log.LogError(e, "A health observer failed on the report of {Gateway}", stored.GatewayId);
            }
        }
    }

    /// <summary>Stores the report as the latest of its kind; false when a newer one is stored already.</summary>
    private static async Task<bool> SnapshotAsync(PlatformDbContext db, string gatewayId, ReadUplink read, DateTime now, CancellationToken ct)
    {
        var kind = read.Envelope.Kind;
        var snapshot = await db.GatewaySnapshots.FirstOrDefaultAsync(s => s.GatewayId == gatewayId && s.Kind == kind, ct);
        if (snapshot is null)
        {
            snapshot = new GatewaySnapshot { GatewayId = gatewayId, Kind = kind };
            db.GatewaySnapshots.Add(snapshot);
        }
        else if (snapshot.Sequence > read.Envelope.Sequence)
        {
            return false; // an older report replayed late does not overwrite a newer one
        }
        snapshot.Sequence = read.Envelope.Sequence;
        snapshot.ReceivedAt = now;
        snapshot.Json = read.Envelope.Payload.GetRawText();
        return true;
    }

    private static void Note(Gateway gateway, string error, DateTime now)
    {
        gateway.LastError = error.Length <= 500 ? error : error[..499] + "…";
        gateway.LastErrorAt = now;
    }

    private static string Clip(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
