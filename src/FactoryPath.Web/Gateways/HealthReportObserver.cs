using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Web.Gateways;

/// <summary>A health report just stored (committed) as a gateway's latest: its enterprise, its creation time on the gateway's clock, the report.</summary>
public sealed record HealthStored(string GatewayId, Guid EnterpriseId, DateTimeOffset CreatedAt, GatewayHealthReport Report);

/// <summary>
/// Told by <see cref="UplinkIngestion"/> after a health report became a gateway's latest snapshot (not for duplicates or
/// reports older than the stored one). Called on the ingestion path: queue the work and return at once.
/// </summary>
public interface IHealthReportObserver
{
    void OnHealthStored(HealthStored stored);
}
