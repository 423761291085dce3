namespace FactoryPath.Core.Demands;

/// <summary>Open until the enterprise accepts a proposal (Awarded) or withdraws the demand (Closed).</summary>
public enum DemandStatus
{
    Open,
    Awarded,
    Closed,
}
