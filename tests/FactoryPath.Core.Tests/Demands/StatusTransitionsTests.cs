using FactoryPath.Core.Demands;

namespace FactoryPath.Core.Tests.Demands;

public class StatusTransitionsTests
{
    [Theory]
    [InlineData(DemandStatus.Open, DemandStatus.Awarded, true)]
    [InlineData(DemandStatus.Open, DemandStatus.Closed, true)]
    [InlineData(DemandStatus.Open, DemandStatus.Open, false)]
    [InlineData(DemandStatus.Awarded, DemandStatus.Closed, false)]
    [InlineData(DemandStatus.Awarded, DemandStatus.Open, false)]
    [InlineData(DemandStatus.Closed, DemandStatus.Open, false)]
    [InlineData(DemandStatus.Closed, DemandStatus.Awarded, false)]
    public void Demand_MovesOnlyOutOfOpen(DemandStatus from, DemandStatus to, bool allowed)
    {
        Assert.Equal(allowed, StatusTransitions.CanMove(from, to));
    }

    [Theory]
    [InlineData(ProposalStatus.Submitted, ProposalStatus.Accepted, true)]
    [InlineData(ProposalStatus.Submitted, ProposalStatus.Declined, true)]
    [InlineData(ProposalStatus.Submitted, ProposalStatus.Withdrawn, true)]
    [InlineData(ProposalStatus.Accepted, ProposalStatus.Withdrawn, false)]
    [InlineData(ProposalStatus.Accepted, ProposalStatus.Declined, false)]
    [InlineData(ProposalStatus.Declined, ProposalStatus.Accepted, false)]
    [InlineData(ProposalStatus.Withdrawn, ProposalStatus.Submitted, true)]
    [InlineData(ProposalStatus.Withdrawn, ProposalStatus.Accepted, false)]
    public void Proposal_MovesOnlyOutOfSubmitted(ProposalStatus from, ProposalStatus to, bool allowed)
    {
        Assert.Equal(allowed, StatusTransitions.CanMove(from, to));
    }

    [Theory]
    [InlineData(ProjectStatus.Planned, ProjectStatus.InProgress, true)]
    [InlineData(ProjectStatus.Planned, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.Planned, ProjectStatus.Completed, false)]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Completed, true)]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Cancelled, true)]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Planned, false)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Cancelled, false)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.InProgress, false)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.InProgress, false)]
    public void Project_IsStartedThenCompletedAndCancelledOnlyBeforeCompletion(ProjectStatus from, ProjectStatus to, bool allowed)
    {
        Assert.Equal(allowed, StatusTransitions.CanMove(from, to));
    }

    [Fact]
    public void Every_final_state_has_no_way_out()
    {
        foreach (var to in Enum.GetValues<ProjectStatus>())
        {
            Assert.False(StatusTransitions.CanMove(ProjectStatus.Completed, to));
            Assert.False(StatusTransitions.CanMove(ProjectStatus.Cancelled, to));
        }
        foreach (var to in Enum.GetValues<DemandStatus>())
        {
            Assert.False(StatusTransitions.CanMove(DemandStatus.Awarded, to));
            Assert.False(StatusTransitions.CanMove(DemandStatus.Closed, to));
        }
    }

    [Theory]
    [InlineData(ProposalStatus.Submitted, DemandStatus.Open, true)]
    [InlineData(ProposalStatus.Submitted, DemandStatus.Closed, false)]
    [InlineData(ProposalStatus.Withdrawn, DemandStatus.Open, false)]
    [InlineData(ProposalStatus.Accepted, DemandStatus.Awarded, false)]
    public void A_proposal_is_editable_only_while_submitted_and_the_demand_open(ProposalStatus proposal, DemandStatus demand, bool editable)
    {
        Assert.Equal(editable, StatusTransitions.IsEditable(proposal, demand));
    }
}
