namespace FactoryPath.Core.Demands;

/// <summary>
/// The moves a demand, a proposal and a project may make. A demand is open until one proposal is accepted (Awarded)
/// or the enterprise closes it; a submitted proposal is accepted, declined (another was accepted, or the demand
/// closed) or withdrawn by its provider, who may submit it again while the demand is open; a project is started by the provider, completed by the enterprise, and may
/// be cancelled by either side before completion. Final states have no way out.
/// </summary>
public static class StatusTransitions
{
    public static bool CanMove(DemandStatus from, DemandStatus to) => (from, to) switch
    {
        (DemandStatus.Open, DemandStatus.Awarded) => true,
        (DemandStatus.Open, DemandStatus.Closed) => true,
        _ => false,
    };

    public static bool CanMove(ProposalStatus from, ProposalStatus to) => (from, to) switch
    {
        (ProposalStatus.Submitted, ProposalStatus.Accepted) => true,
        (ProposalStatus.Submitted, ProposalStatus.Declined) => true,
        (ProposalStatus.Submitted, ProposalStatus.Withdrawn) => true,
        // a provider that withdrew may answer again while the demand is still open
        (ProposalStatus.Withdrawn, ProposalStatus.Submitted) => true,
        _ => false,
    };

    public static bool CanMove(ProjectStatus from, ProjectStatus to) => (from, to) switch
    {
        (ProjectStatus.Planned, ProjectStatus.InProgress) => true,
        (ProjectStatus.Planned, ProjectStatus.Cancelled) => true,
        (ProjectStatus.InProgress, ProjectStatus.Completed) => true,
        (ProjectStatus.InProgress, ProjectStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>A proposal can still be changed or withdrawn only while it is submitted and its demand open.</summary>
    public static bool IsEditable(ProposalStatus proposal, DemandStatus demand) =>
        proposal == ProposalStatus.Submitted && demand == DemandStatus.Open;

    public static bool IsFinal(ProjectStatus status) => status is ProjectStatus.Completed or ProjectStatus.Cancelled;
}
