using FactoryPath.Core.Demands;

namespace FactoryPath.Web.Demands;

/// <summary>A provider's answer to a demand: price, time and approach, optionally built on one of its solutions.</summary>
public sealed class Proposal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DemandId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid? SolutionId { get; set; }
    public long PriceCny { get; set; }
    public int DurationWeeks { get; set; }
    public string Approach { get; set; } = "";
    public ProposalStatus Status { get; set; } = ProposalStatus.Submitted;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
