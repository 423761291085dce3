using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>
/// Every uplink message: the gateway, a sequence number that only grows (per gateway, kept across restarts by the
/// journal), the kind, when it was made, and the payload. The platform stores each (gateway, sequence) once, so a
/// message replayed after a lost acknowledgement is not counted twice.
/// </summary>
public sealed record UplinkEnvelope(string GatewayId, long Sequence, string Kind, DateTimeOffset CreatedAt, JsonElement Payload)
{
    public static UplinkEnvelope Create<T>(string gatewayId, long sequence, string kind, DateTimeOffset createdAt, T payload) =>
        new(gatewayId, sequence, kind, createdAt, JsonSerializer.SerializeToElement(payload, UplinkJson.Options));

    public T PayloadAs<T>() => Payload.Deserialize<T>(UplinkJson.Options)
        ?? throw new JsonException($"uplink {Kind} payload is null");
}

/// <summary>JSON settings shared by gateway and platform (camelCase, enums as strings).</summary>
public static class UplinkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
