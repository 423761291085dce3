using System.Text.Json;

namespace FactoryPath.Web.Demonstration;

/// <summary>What an application carried when it was submitted: the latest results, equipment rates and production KPIs.</summary>
/// <param name="Equipment">From the gateways' equipment registers; null without a gateway that reports one.</param>
/// <param name="Production">OEE and its factors over the 30 days before submission; null without production data in that time.</param>
public sealed record EvidenceSnapshot(DateTime TakenAt, IReadOnlyList<ResultEvidence> Results, EquipmentEvidence? Equipment, ProductionEvidence? Production)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static EvidenceSnapshot Parse(string json) =>
        JsonSerializer.Deserialize<EvidenceSnapshot>(json, Json) is { Results: not null } s ? s : new EvidenceSnapshot(default, [], null, null);
}

public sealed record ResultEvidence(Guid ResultId, string ModelId, string ModelVersion, int Level, double Score, DateTime SubmittedAt);

/// <param name="DigitalRate">Digital / total × 100, two decimals.</param>
/// <param name="NetworkingRate">Networked / total × 100, two decimals.</param>
public sealed record EquipmentEvidence(int Total, int Digital, int Networked, decimal DigitalRate, decimal NetworkingRate, DateTime MeasuredAt);

/// <param name="Oee">Overall equipment effectiveness as a fraction (0–1), like its factors; null where not measurable.</param>
public sealed record ProductionEvidence(DateTimeOffset From, DateTimeOffset To, double? Oee, double? Availability, double? Effectiveness, double? Quality, long Good, long Scrap);
