namespace FactoryPath.Core.Demands;

/// <summary>A proposal is Submitted until the enterprise accepts it or another one, or the provider withdraws it.</summary>
public enum ProposalStatus
{
    Submitted,
    Accepted,
    Declined,
    Withdrawn,
}
