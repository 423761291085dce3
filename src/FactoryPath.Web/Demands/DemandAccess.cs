using FactoryPath.Web.Accounts;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demands;

/// <summary>
/// A demand with what the viewer is to it: its owner (the posting enterprise), a recipient provider, an operator, or a
/// regional administrator of the enterprise's region (read only). Anyone else gets nothing, so the demand looks absent.
/// </summary>
internal sealed record DemandAccess(Demand Demand, Enterprise Enterprise, DemandRecipient? Recipient, bool IsOwner, bool IsOperator, bool IsRegional)
{
    /// <summary>May read everything about the demand, including every proposal.</summary>
    public bool SeesAll => IsOwner || IsOperator || IsRegional;

    public static async Task<DemandAccess?> LoadAsync(PlatformDbContext db, Viewer viewer, Guid demandId, bool track, CancellationToken ct)
    {
        var demands = track ? db.Demands : db.Demands.AsNoTracking();
        var demand = await demands.FirstOrDefaultAsync(d => d.Id == demandId, ct);
        if (demand is null) return null;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == demand.EnterpriseId, ct);
        var isOwner = viewer.IsEnterpriseUser && viewer.EnterpriseId == demand.EnterpriseId;
        var isRegional = !isOwner && !viewer.IsPlatformAdmin && viewer.IsRegionalAdmin && viewer.CanRead(enterprise);
        DemandRecipient? recipient = null;
        if (viewer.IsProvider)
        {
            var recipients = track ? db.DemandRecipients : db.DemandRecipients.AsNoTracking();
            recipient = await recipients.FirstOrDefaultAsync(r => r.DemandId == demandId && r.ProviderId == viewer.ProviderId, ct);
        }
        if (!isOwner && !viewer.IsPlatformAdmin && !isRegional && recipient is null) return null;
        return new DemandAccess(demand, enterprise, recipient, isOwner, viewer.IsPlatformAdmin, isRegional);
    }
}
