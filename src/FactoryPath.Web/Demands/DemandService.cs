using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demands;

/// <summary>Demands: post (and send to the matched providers), list, read, close; and a provider's inbox.</summary>
public sealed class DemandService(PlatformDbContext db, IDemandMatcher matcher, ScenarioLibrary library, TimeProvider clock)
{
    /// <summary>How many matched providers a new demand is sent to, best first.</summary>
    public const int Recipients = 20;

    private const int ReasonMaxLength = 1000;

    /// <summary>An enterprise user with a profile posts a demand; it goes to the best-matching providers at once.</summary>
    public async Task<Outcome<DemandView>> PostAsync(Viewer viewer, DemandInput input, CancellationToken ct = default)
    {
        if (!viewer.IsEnterpriseUser)
            return Outcome<DemandView>.Forbidden(UiText.Pick("只有企业用户可以发布需求。", "Only enterprise users can post a demand."));
        var enterprise = viewer.EnterpriseId is { } id ? await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) : null;
        if (enterprise is null)
            return Outcome<DemandView>.Conflict(UiText.Pick("请先登记企业档案，再发布需求。", "Register your enterprise profile before posting a demand."));

        var check = DemandValidator.Validate(input, library, Today());
        if (!check.IsValid) return Outcome<DemandView>.Invalid(DemandErrorsText.ToFields(check));

        var now = clock.GetUtcNow().UtcDateTime;
        var demand = new Demand
        {
            EnterpriseId = enterprise.Id,
            Title = input.Title!.Trim(),
            Description = input.Description?.Trim() ?? "",
            Scenarios = input.Scenarios!.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            BudgetMinCny = input.BudgetMinCny!.Value,
            BudgetMaxCny = input.BudgetMaxCny!.Value,
            Deadline = input.Deadline!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            RegionCode = input.RegionCode!.Trim(),
            IndustryCode = enterprise.IndustryCode,
            SizeClass = enterprise.SizeClass,
            PreferredDeployment = input.PreferredDeployment,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var matches = await matcher.MatchProvidersAsync(demand, Recipients, ct);
        db.Demands.Add(demand);
        foreach (var match in matches.DistinctBy(m => m.ProviderId).Take(Recipients))
        {
            db.DemandRecipients.Add(new DemandRecipient
            {
                DemandId = demand.Id, ProviderId = match.ProviderId, Score = match.Score, MatchedAt = now,
                ReasonZh = Clip(match.ReasonZh), ReasonEn = Clip(match.ReasonEn),
            });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<DemandView>.Ok(DemandView.For(demand, enterprise.Name, Math.Min(matches.Count, Recipients), 0, null, null, null, owned: true));
    }

    /// <summary>The demands the viewer may read: an enterprise its own, a regional admin those of its region's enterprises, an operator all.</summary>
    public async Task<Outcome<PagedList<DemandSummary>>> ListAsync(Viewer viewer, DemandStatus? status, Paging paging, CancellationToken ct = default)
    {
        if (!viewer.IsEnterpriseUser && !viewer.IsRegionalAdmin && !viewer.IsPlatformAdmin)
            return Outcome<PagedList<DemandSummary>>.Forbidden(UiText.Pick("服务商请在收件箱查看需求。", "Providers find demands in their inbox."));
        var query = from d in db.Demands.AsNoTracking()
                    join e in viewer.Readable(db.Enterprises.AsNoTracking()) on d.EnterpriseId equals e.Id
                    select new { Demand = d, EnterpriseName = e.Name };
        if (status is { } s) query = query.Where(x => x.Demand.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Demand.CreatedAt).ThenBy(x => x.Demand.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(x => new
            {
                x.Demand, x.EnterpriseName,
                Recipients = db.DemandRecipients.Count(r => r.DemandId == x.Demand.Id),
                Proposals = db.Proposals.Count(p => p.DemandId == x.Demand.Id && p.Status != ProposalStatus.Withdrawn),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new DemandSummary(r.Demand.Id, r.Demand.Title, r.Demand.Status, r.Demand.BudgetMinCny, r.Demand.BudgetMaxCny,
            DateOnly.FromDateTime(r.Demand.Deadline), r.Demand.RegionCode, DemandNames.Region(r.Demand.RegionCode), r.Demand.Scenarios.Count,
            r.Recipients, r.Proposals, r.EnterpriseName, r.Demand.CreatedAt)).ToList();
        return Outcome<PagedList<DemandSummary>>.Ok(new PagedList<DemandSummary>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>Whether the viewer may see the demand at all (its owner, its region's admin, the operator, a recipient), changing nothing.</summary>
    public async Task<bool> IsVisibleAsync(Viewer viewer, Guid id, CancellationToken ct = default) =>
        await DemandAccess.LoadAsync(db, viewer, id, track: false, ct) is not null;

    /// <summary>One demand as the viewer may see it; a recipient provider opening it marks it read.</summary>
    public async Task<Outcome<DemandView>> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var access = await DemandAccess.LoadAsync(db, viewer, id, track: true, ct);
        if (access is null) return Outcome<DemandView>.NotFound();
        var d = access.Demand;
        if (access.SeesAll)
        {
            var recipients = await db.DemandRecipients.CountAsync(r => r.DemandId == id, ct);
            var proposals = await db.Proposals.CountAsync(p => p.DemandId == id && p.Status != ProposalStatus.Withdrawn, ct);
            var project = await db.Projects.Where(p => p.DemandId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            return Outcome<DemandView>.Ok(DemandView.For(d, access.Enterprise.Name, recipients, proposals, project, null, null, access.IsOwner));
        }

        var recipient = access.Recipient!;
        if (recipient.ReadAt is null)
        {
            recipient.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        var mine = await ProposalService.OwnViewAsync(db, id, recipient.ProviderId, ct);
        var ownProject = mine?.Status == ProposalStatus.Accepted
            ? await db.Projects.Where(p => p.DemandId == id && p.ProviderId == recipient.ProviderId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            : null;
        return Outcome<DemandView>.Ok(DemandView.For(d, null, null, null, ownProject, UiText.Pick(recipient.ReasonZh, recipient.ReasonEn), mine, owned: false));
    }

    /// <summary>The owner withdraws an open demand; proposals still waiting are declined.</summary>
    public async Task<Outcome<DemandView>> CloseAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var access = await DemandAccess.LoadAsync(db, viewer, id, track: true, ct);
        if (access is null) return Outcome<DemandView>.NotFound();
        if (!access.IsOwner) return Outcome<DemandView>.Forbidden(UiText.Pick("只有发布需求的企业可以关闭它。", "Only the enterprise that posted the demand can close it."));
        var d = access.Demand;
        if (!StatusTransitions.CanMove(d.Status, DemandStatus.Closed))
            return Outcome<DemandView>.Conflict(UiText.Pick("只有进行中的需求可以关闭。", "Only an open demand can be closed."));
        var now = clock.GetUtcNow().UtcDateTime;
        d.Status = DemandStatus.Closed;
        d.UpdatedAt = now;
        foreach (var p in await db.Proposals.Where(p => p.DemandId == id && p.Status == ProposalStatus.Submitted).ToListAsync(ct))
        {
            p.Status = ProposalStatus.Declined;
            p.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(viewer, id, ct);
    }

    /// <summary>The demands sent to the viewer's provider, newest first, with unread ones marked.</summary>
    public async Task<Outcome<PagedList<InboxItem>>> InboxAsync(Viewer viewer, Paging paging, CancellationToken ct = default)
    {
        if (!viewer.IsProvider)
            return Outcome<PagedList<InboxItem>>.Forbidden(UiText.Pick("只有已绑定服务商的账号有需求收件箱。", "Only accounts bound to a service provider have a demand inbox."));
        var providerId = viewer.ProviderId!.Value;
        var query = from r in db.DemandRecipients.AsNoTracking()
                    where r.ProviderId == providerId
                    join d in db.Demands.AsNoTracking() on r.DemandId equals d.Id
                    select new { Recipient = r, Demand = d };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Recipient.MatchedAt).ThenBy(x => x.Demand.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(x => new
            {
                x.Recipient, x.Demand,
                Proposal = db.Proposals.Where(p => p.DemandId == x.Demand.Id && p.ProviderId == providerId)
                    .Select(p => new { p.Id, p.Status }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(x => new InboxItem(x.Demand.Id, x.Demand.Title, x.Demand.Status, x.Demand.Scenarios, x.Demand.BudgetMinCny,
            x.Demand.BudgetMaxCny, DateOnly.FromDateTime(x.Demand.Deadline), x.Demand.RegionCode, DemandNames.Region(x.Demand.RegionCode),
            x.Demand.IndustryCode, DemandNames.Industry(x.Demand.IndustryCode), x.Recipient.Score,
            UiText.Pick(x.Recipient.ReasonZh, x.Recipient.ReasonEn), x.Recipient.MatchedAt, x.Recipient.ReadAt is null,
            x.Proposal?.Id, x.Proposal?.Status)).ToList();
        return Outcome<PagedList<InboxItem>>.Ok(new PagedList<InboxItem>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>Today's date where the platform runs (the local time zone of its clock).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string Clip(string text) => text.Length <= ReasonMaxLength ? text : text[..ReasonMaxLength];
}
