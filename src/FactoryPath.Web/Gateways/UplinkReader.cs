using System.Text.Json;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Web.Gateways;

/// <summary>An uplink message read and checked: the envelope and its payload of the kind it names.</summary>
public sealed record ReadUplink(UplinkEnvelope Envelope, RollupBatch? Rollups, EquipmentRegisterReport? Register, GatewayHealthReport? Health)
{
    public KpiBatch? Kpis { get; init; }
}

/// <summary>
/// Reads an uplink publication (topic + JSON body) into an envelope and a typed payload, or says precisely what is
/// wrong with it. Pure: no I/O, so every malformed shape is a unit test.
/// </summary>
public static class UplinkReader
{
    public const int MaxItems = 50_000;

    public static ReadUplink? TryRead(string topicGatewayId, string topicKind, ReadOnlySpan<byte> body, out string? error)
    {
        UplinkEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<UplinkEnvelope>(body, UplinkJson.Options);
        }
        catch (JsonException e)
        {
            error = $"not a JSON uplink envelope: {e.Message}";
            return null;
        }
        if (envelope is null) return Fail("the body is JSON null, not an envelope", out error);
        if (string.IsNullOrEmpty(envelope.GatewayId)) return Fail("gatewayId is missing", out error);
        if (!string.Equals(envelope.GatewayId, topicGatewayId, StringComparison.Ordinal))
            return Fail($"gatewayId '{Clip(envelope.GatewayId)}' differs from the topic's gateway '{topicGatewayId}'", out error);
        if (envelope.Sequence < 0) return Fail($"sequence must be 0 or more (was {envelope.Sequence})", out error);
        if (string.IsNullOrEmpty(envelope.Kind)) return Fail("kind is missing", out error);
        if (!string.Equals(envelope.Kind, topicKind, StringComparison.Ordinal))
            return Fail($"kind '{Clip(envelope.Kind)}' differs from the topic's kind '{topicKind}'", out error);
        if (!UplinkKinds.All.Contains(envelope.Kind)) return Fail($"unknown kind '{Clip(envelope.Kind)}'; expected one of {string.Join(", ", UplinkKinds.All)}", out error);
        if (envelope.CreatedAt == default) return Fail("createdAt is missing", out error);
        if (envelope.Payload.ValueKind != JsonValueKind.Object) return Fail($"payload must be a JSON object (was {envelope.Payload.ValueKind})", out error);

        try
        {
            return envelope.Kind switch
            {
                UplinkKinds.Rollup => CheckRollups(envelope, envelope.PayloadAs<RollupBatch>(), out error),
                UplinkKinds.Register => CheckRegister(envelope, envelope.PayloadAs<EquipmentRegisterReport>(), out error),
                UplinkKinds.Kpi => KpiBatchReader.Check(envelope, envelope.PayloadAs<KpiBatch>(), out error),
                _ => CheckHealth(envelope, envelope.PayloadAs<GatewayHealthReport>(), out error),
            };
        }
        catch (JsonException e)
        {
            error = $"{envelope.Kind} payload unreadable: {e.Message}";
            return null;
        }
    }

    private static ReadUplink? CheckRollups(UplinkEnvelope envelope, RollupBatch batch, out string? error)
    {
        if (batch.Resolution is not ("1m" or "1h")) return Fail($"rollup resolution must be 1m or 1h (was '{Clip(batch.Resolution)}')", out error);
        if (batch.Items is null) return Fail("rollup items are missing", out error);
        if (batch.Items.Count > MaxItems) return Fail($"a rollup batch holds at most {MaxItems} items (had {batch.Items.Count})", out error);
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var r = batch.Items[i];
            if (r is null) return Fail($"rollup item {i} is null", out error);
            if (string.IsNullOrWhiteSpace(r.TagId) || r.TagId.Length > 200) return Fail($"rollup item {i}: tagId is missing or longer than 200 characters", out error);
            if (AssetPath.TryParse(r.AssetPath, out var pathError) is null) return Fail($"rollup item {i} ({Clip(r.TagId)}): {pathError}", out error);
            if (!Enum.IsDefined(r.Role)) return Fail($"rollup item {i} ({Clip(r.TagId)}): unknown role", out error);
            if (r.PeriodStart == default) return Fail($"rollup item {i} ({Clip(r.TagId)}): periodStart is missing", out error);
            if (r.Count < 0 || r.BadCount < 0) return Fail($"rollup item {i} ({Clip(r.TagId)}): count and badCount must be 0 or more", out error);
        }
        var keys = batch.Items.Select(r => (r.TagId, r.PeriodStart.UtcDateTime)).ToHashSet();
        if (keys.Count != batch.Items.Count) return Fail("a rollup batch names the same tag and period twice", out error);
        error = null;
        return new ReadUplink(envelope, batch, null, null);
    }

    private static ReadUplink? CheckRegister(UplinkEnvelope envelope, EquipmentRegisterReport register, out string? error)
    {
        if (register.Items is null) return Fail("register items are missing", out error);
        if (register.Items.Count > MaxItems) return Fail($"a register holds at most {MaxItems} items", out error);
        for (var i = 0; i < register.Items.Count; i++)
        {
            var item = register.Items[i];
            if (item is null || string.IsNullOrWhiteSpace(item.AssetPath) || string.IsNullOrWhiteSpace(item.Name))
                return Fail($"register item {i}: assetPath and name are required", out error);
        }
        error = null;
        return new ReadUplink(envelope, null, register, null);
    }

    private static ReadUplink? CheckHealth(UplinkEnvelope envelope, GatewayHealthReport health, out string? error)
    {
        if (health.StartedAt == default) return Fail("health startedAt is missing", out error);
        if (string.IsNullOrWhiteSpace(health.Version) || health.Version.Length > 60) return Fail("health version is missing or longer than 60 characters", out error);
        if (health.Sources is null || health.Tags is null) return Fail("health sources and tags are required (empty lists are fine)", out error);
        if (health.Sources.Count > MaxItems || health.Tags.Count > MaxItems) return Fail($"a health report holds at most {MaxItems} sources and tags", out error);
        if (health.Sources.Any(s => s is null || string.IsNullOrWhiteSpace(s.Name))) return Fail("every health source needs a name", out error);
        if (health.Tags.Any(t => t is null || string.IsNullOrWhiteSpace(t.TagId) || string.IsNullOrWhiteSpace(t.AssetPath)))
            return Fail("every live tag needs a tagId and an assetPath", out error);
        error = null;
        return new ReadUplink(envelope, null, null, health);
    }

    private static ReadUplink? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static string Clip(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";
}
