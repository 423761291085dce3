using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Enterprises.Audit;

/// <summary>One entry of an enterprise's read log as shown to the enterprise and the operator.</summary>
public sealed record AdminReadEntry(Guid Id, DateTime At, string Email, string Role, string? RegionCode, string What, string WhatName, string? ResourceId);

/// <summary>
/// The log of reads of an enterprise's detail by administrators: every read by a regional administrator or the platform
/// operator of another enterprise's profile, results, answers, evidence or applications is written here, and the
/// enterprise (and the operator) can read its log. Reads by the enterprise's own users and by anyone else are not logged.
/// </summary>
public sealed class AdminReadLog(PlatformDbContext db, TimeProvider clock, ILogger<AdminReadLog> log)
{
    /// <summary>
    /// Records that <paramref name="viewer"/> read <paramref name="what"/> (one of <see cref="AdminReadKinds"/>, or a short
    /// code of at most 40 characters) of the enterprise; a no-op unless the viewer is a regional administrator or the
    /// operator and not a user of that enterprise. Call it after the read was allowed.
    /// </summary>
    public async Task RecordAsync(Viewer viewer, Guid enterpriseId, string what, string? resourceId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        if (!IsLogged(viewer, enterpriseId)) return;
        if (what.Length > 40) throw new ArgumentException($"The read code '{what}' is longer than 40 characters.", nameof(what));
        db.AdminReads.Add(new AdminRead
        {
            At = clock.GetUtcNow().UtcDateTime, EnterpriseId = enterpriseId, UserId = viewer.UserId, Email = viewer.Email,
            Role = viewer.IsPlatformAdmin ? PlatformRoles.PlatformAdmin : PlatformRoles.RegionalAdmin,
            RegionCode = viewer.IsPlatformAdmin ? null : viewer.RegionCode, What = what,
            ResourceId = resourceId is { Length: > 64 } ? resourceId[..64] : resourceId,
        });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Admin read: {Email} read {What} {Resource} of enterprise {Enterprise}.", viewer.Email, what, resourceId, enterpriseId);
    }

    /// <summary>True when a read by this viewer of this enterprise is logged.</summary>
    public static bool IsLogged(Viewer viewer, Guid enterpriseId) =>
        (viewer.IsPlatformAdmin || viewer.IsRegionalAdmin) && viewer.EnterpriseId != enterpriseId;

    /// <summary>The enterprise's log, newest first: for the enterprise's own users and the operator; anyone else gets not found.</summary>
    public async Task<Outcome<PagedList<AdminReadEntry>>> ListAsync(Viewer viewer, Guid enterpriseId, Paging paging, CancellationToken ct = default)
    {
        if (!viewer.IsPlatformAdmin && viewer.EnterpriseId != enterpriseId) return Outcome<PagedList<AdminReadEntry>>.NotFound();
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct)) return Outcome<PagedList<AdminReadEntry>>.NotFound();
        var query = db.AdminReads.AsNoTracking().Where(r => r.EnterpriseId == enterpriseId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(r => new AdminReadEntry(r.Id, r.At, r.Email, r.Role, r.RegionCode, r.What, AdminReadKinds.Name(r.What), r.ResourceId)).ToList();
        return Outcome<PagedList<AdminReadEntry>>.Ok(new PagedList<AdminReadEntry>(items, paging.Page, paging.PageSize, total));
    }
}
