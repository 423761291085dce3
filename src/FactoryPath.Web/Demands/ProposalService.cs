using FactoryPath.Core.Demands;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demands;

/// <summary>
/// Proposals: a recipient provider answers an open demand (one answer per provider), changes or withdraws it; the demand's
/// owner compares them and accepts one, which awards the demand and starts a project. A provider only ever sees its own.
/// </summary>
public sealed class ProposalService(PlatformDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ProposalView>> SubmitAsync(Viewer viewer, Guid demandId, ProposalInput input, CancellationToken ct = default)
    {
        if (!viewer.IsProvider) return NotAProvider<ProposalView>();
        var access = await DemandAccess.LoadAsync(db, viewer, demandId, track: false, ct);
        if (access?.Recipient is null) return Outcome<ProposalView>.NotFound();
        if (access.Demand.Status != DemandStatus.Open) return DemandNotOpen<ProposalView>();
        var providerId = viewer.ProviderId!.Value;
        var earlier = await db.Proposals.FirstOrDefaultAsync(p => p.DemandId == demandId && p.ProviderId == providerId, ct);
        if (earlier is not null && !StatusTransitions.CanMove(earlier.Status, ProposalStatus.Submitted))
            return Outcome<ProposalView>.Conflict(UiText.Pick("您已经回复过这条需求，请修改已有的方案。", "You have already answered this demand; change your proposal instead."));

        var errors = await CheckAsync(input, providerId, ct);
        if (errors.Count > 0) return Outcome<ProposalView>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        if (earlier is not null)
        {
            // answering again after a withdrawal: the one row per provider and demand comes back as a new answer
            earlier.Status = ProposalStatus.Submitted;
            earlier.SolutionId = input.SolutionId;
            earlier.PriceCny = input.PriceCny!.Value;
            earlier.DurationWeeks = input.DurationWeeks!.Value;
            earlier.Approach = input.Approach!.Trim();
            earlier.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return Outcome<ProposalView>.Ok((await OwnViewAsync(db, demandId, providerId, ct))!);
        }

        var proposal = new Proposal
        {
            DemandId = demandId, ProviderId = providerId, SolutionId = input.SolutionId, PriceCny = input.PriceCny!.Value,
            DurationWeeks = input.DurationWeeks!.Value, Approach = input.Approach!.Trim(), CreatedAt = now, UpdatedAt = now,
        };
        db.Proposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // the unique (demand, provider) index caught a second answer sent at the same moment
            return Outcome<ProposalView>.Conflict(UiText.Pick("您已经回复过这条需求，请修改已有的方案。", "You have already answered this demand; change your proposal instead."));
        }
        return Outcome<ProposalView>.Ok((await OwnViewAsync(db, demandId, providerId, ct))!);
    }

    public async Task<Outcome<ProposalView>> UpdateAsync(Viewer viewer, Guid proposalId, ProposalInput input, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, proposalId, ct);
        if (!found.IsOk) return Failed(found);
        var proposal = found.Value!;
        var errors = await CheckAsync(input, proposal.ProviderId, ct);
        if (errors.Count > 0) return Outcome<ProposalView>.Invalid(errors);
        proposal.PriceCny = input.PriceCny!.Value;
        proposal.DurationWeeks = input.DurationWeeks!.Value;
        proposal.Approach = input.Approach!.Trim();
        proposal.SolutionId = input.SolutionId;
        proposal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalView>.Ok((await OwnViewAsync(db, proposal.DemandId, proposal.ProviderId, ct))!);
    }

    public async Task<Outcome<ProposalView>> WithdrawAsync(Viewer viewer, Guid proposalId, CancellationToken ct = default)
    {
        var found = await EditableAsync(viewer, proposalId, ct);
        if (!found.IsOk) return Failed(found);
        var proposal = found.Value!;
        proposal.Status = ProposalStatus.Withdrawn;
        proposal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<ProposalView>.Ok((await OwnViewAsync(db, proposal.DemandId, proposal.ProviderId, ct))!);
    }

    /// <summary>One proposal, for its own provider or for whoever may read every proposal of the demand.</summary>
    public async Task<Outcome<ProposalView>> GetAsync(Viewer viewer, Guid proposalId, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return Outcome<ProposalView>.NotFound();
        if (viewer.IsProvider && proposal.ProviderId == viewer.ProviderId)
            return Outcome<ProposalView>.Ok((await OwnViewAsync(db, proposal.DemandId, proposal.ProviderId, ct))!);
        var access = await DemandAccess.LoadAsync(db, viewer, proposal.DemandId, track: false, ct);
        if (access is null || !access.SeesAll) return Outcome<ProposalView>.NotFound();
        return Outcome<ProposalView>.Ok((await OwnViewAsync(db, proposal.DemandId, proposal.ProviderId, ct))!);
    }

    /// <summary>Every proposal of a demand, cheapest first, for the owner (and operators and the region's administrators) to compare.</summary>
    public async Task<Outcome<PagedList<ProposalView>>> CompareAsync(Viewer viewer, Guid demandId, Paging paging, CancellationToken ct = default)
    {
        var access = await DemandAccess.LoadAsync(db, viewer, demandId, track: false, ct);
        if (access is null || !access.SeesAll) return Outcome<PagedList<ProposalView>>.NotFound();
        var query = Joined().Where(x => x.Proposal.DemandId == demandId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Proposal.Status == ProposalStatus.Withdrawn).ThenBy(x => x.Proposal.PriceCny)
            .ThenBy(x => x.Proposal.DurationWeeks).ThenBy(x => x.Proposal.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(x => ProposalView.For(x.Proposal, x.Provider, x.Solution)).ToList();
        return Outcome<PagedList<ProposalView>>.Ok(new PagedList<ProposalView>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>
    /// The owner accepts one submitted proposal of its open demand. In one transaction the demand becomes Awarded, that
    /// proposal Accepted, every other submitted one Declined, and a Planned project is created. The demand moves only
    /// from Open, and a demand has at most one project, so of two accepts at the same moment exactly one wins (409 for the other).
    /// </summary>
    public async Task<Outcome<ProjectView>> AcceptAsync(Viewer viewer, Guid demandId, Guid proposalId, CancellationToken ct = default)
    {
        var access = await DemandAccess.LoadAsync(db, viewer, demandId, track: false, ct);
        if (access is null) return Outcome<ProjectView>.NotFound();
        if (!access.IsOwner) return Outcome<ProjectView>.Forbidden(UiText.Pick("只有发布需求的企业可以接受方案。", "Only the enterprise that posted the demand can accept a proposal."));
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.DemandId == demandId, ct);
        if (proposal is null) return Outcome<ProjectView>.NotFound();
        if (access.Demand.Status != DemandStatus.Open) return DemandNotOpen<ProjectView>();
        if (proposal.Status != ProposalStatus.Submitted)
            return Outcome<ProjectView>.Conflict(UiText.Pick("这份方案已撤回或已处理，不能接受。", "This proposal was withdrawn or already settled and cannot be accepted."));

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new TransformationProject
        {
            DemandId = demandId, ProposalId = proposalId, EnterpriseId = access.Demand.EnterpriseId, ProviderId = proposal.ProviderId,
            SolutionId = proposal.SolutionId, Title = access.Demand.Title, Scenarios = [.. access.Demand.Scenarios], PriceCny = proposal.PriceCny,
            CreatedAt = now, UpdatedAt = now,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var awarded = await db.Demands.Where(d => d.Id == demandId && d.Status == DemandStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DemandStatus.Awarded).SetProperty(d => d.UpdatedAt, now), ct);
            if (awarded == 0) return DemandNotOpen<ProjectView>();
            var accepted = await db.Proposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Accepted).SetProperty(p => p.UpdatedAt, now), ct);
            if (accepted == 0)
                return Outcome<ProjectView>.Conflict(UiText.Pick("这份方案刚被撤回，不能接受。", "This proposal was just withdrawn and cannot be accepted."));
            await db.Proposals.Where(p => p.DemandId == demandId && p.Id != proposalId && p.Status == ProposalStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProposalStatus.Declined).SetProperty(p => p.UpdatedAt, now), ct);
            db.Projects.Add(project);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return DemandNotOpen<ProjectView>();
            }
            await tx.CommitAsync(ct);
        }
        return await ProjectService.ViewAsync(db, viewer, project.Id, ct) is { } view
            ? Outcome<ProjectView>.Ok(view)
            : throw new InvalidOperationException($"Project {project.Id} vanished right after it was created.");
    }

    /// <summary>A provider's own proposal on a demand, with its provider and solution; null when it has not answered.</summary>
    internal static async Task<ProposalView?> OwnViewAsync(PlatformDbContext db, Guid demandId, Guid providerId, CancellationToken ct)
    {
        var row = await Joined(db).FirstOrDefaultAsync(x => x.Proposal.DemandId == demandId && x.Proposal.ProviderId == providerId, ct);
        return row is null ? null : ProposalView.For(row.Proposal, row.Provider, row.Solution);
    }

    private IQueryable<ProposalRow> Joined() => Joined(db);

    private static IQueryable<ProposalRow> Joined(PlatformDbContext db) =>
        from p in db.Proposals.AsNoTracking()
        join v in db.Providers.AsNoTracking() on p.ProviderId equals v.Id
        from s in db.Solutions.AsNoTracking().Where(s => s.Id == p.SolutionId).DefaultIfEmpty()
        select new ProposalRow { Proposal = p, Provider = v, Solution = s };

    private async Task<Outcome<Proposal>> EditableAsync(Viewer viewer, Guid proposalId, CancellationToken ct)
    {
        if (!viewer.IsProvider) return NotAProvider<Proposal>();
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.ProviderId == viewer.ProviderId, ct);
        if (proposal is null) return Outcome<Proposal>.NotFound();
        var demandStatus = await db.Demands.Where(d => d.Id == proposal.DemandId).Select(d => d.Status).FirstAsync(ct);
        if (!StatusTransitions.IsEditable(proposal.Status, demandStatus))
            return Outcome<Proposal>.Conflict(UiText.Pick("只有需求进行中、方案尚未处理时才能修改或撤回方案。", "A proposal can be changed or withdrawn only while it is pending and the demand open."));
        return Outcome<Proposal>.Ok(proposal);
    }

    private async Task<Dictionary<string, string[]>> CheckAsync(ProposalInput input, Guid providerId, CancellationToken ct)
    {
        var errors = DemandErrorsText.ToFields(ProposalValidator.Validate(input));
        if (input.SolutionId is { } solutionId && !await db.Solutions.AnyAsync(s => s.Id == solutionId && s.ProviderId == providerId, ct))
            errors[DemandFields.SolutionId] = [UiText.Pick("只能引用本服务商自己的解决方案。", "Only one of your own solutions can be referenced.")];
        return errors;
    }

    private static Outcome<ProposalView> Failed(Outcome<Proposal> failed) => new(failed.Kind, null, failed.Errors, failed.Message);

    private static Outcome<T> NotAProvider<T>() =>
        Outcome<T>.Forbidden(UiText.Pick("只有已绑定服务商的账号可以提交方案。", "Only accounts bound to a service provider can submit proposals."));

    private static Outcome<T> DemandNotOpen<T>() =>
        Outcome<T>.Conflict(UiText.Pick("这条需求已经结束（已选定方案或已关闭）。", "This demand is no longer open (a proposal was accepted, or it was closed)."));

    private sealed class ProposalRow
    {
        public required Proposal Proposal { get; init; }
        public required Provider Provider { get; init; }
        public Solution? Solution { get; init; }
    }
}
