using FactoryPath.Web.Accounts;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Enterprises.Consent;

/// <summary>The consent setting as shown: on or off, and who changed it last and when (null when never changed).</summary>
public sealed record ConsentState(Guid EnterpriseId, bool AllowRegionalAdmins, string? ChangedBy, DateTime? ChangedAt);

/// <summary>
/// Whether the regional administrators of an enterprise's region may read its answers. The enterprise turns it on or
/// off; the operator always may read; a regional administrator only while it is on.
/// </summary>
public sealed class ConsentService(PlatformDbContext db, TimeProvider clock)
{
    public static string RefusedMessage => UiText.Pick(
        "该企业未同意区域管理员查看其评测答卷，因此无法查看答题内容。企业可在“企业档案”中开启此项授权。",
        "This enterprise has not allowed its regional administrators to see its answers, so they cannot be shown. The enterprise can turn this on in its profile.");

    /// <summary>True when the viewer reads the enterprise only as its regional administrator, so consent decides.</summary>
    public static bool NeedsConsent(Viewer viewer, Guid enterpriseId) =>
        viewer.IsRegionalAdmin && !viewer.IsPlatformAdmin && viewer.EnterpriseId != enterpriseId;

    public Task<bool> IsAllowedAsync(Guid enterpriseId, CancellationToken ct = default) =>
        db.AnswerConsents.AsNoTracking().AnyAsync(c => c.EnterpriseId == enterpriseId && c.AllowRegionalAdmins, ct);

    /// <summary>Null when the viewer may read the answers of an enterprise it may read; otherwise the refusal (403 with the reason).</summary>
    public async Task<string?> RefusalAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default) =>
        NeedsConsent(viewer, enterpriseId) && !await IsAllowedAsync(enterpriseId, ct) ? RefusedMessage : null;

    /// <summary>The setting, for the enterprise's users, its regional administrators and the operator.</summary>
    public async Task<Outcome<ConsentState>> GetAsync(Viewer viewer, Guid enterpriseId, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return Outcome<ConsentState>.NotFound();
        var row = await db.AnswerConsents.AsNoTracking().FirstOrDefaultAsync(c => c.EnterpriseId == enterpriseId, ct);
        return Outcome<ConsentState>.Ok(row is null ? new ConsentState(enterpriseId, false, null, null)
            : new ConsentState(enterpriseId, row.AllowRegionalAdmins, row.ChangedByEmail, row.ChangedAt));
    }

    /// <summary>Turns the setting on or off; only the enterprise's own users may.</summary>
    public async Task<Outcome<ConsentState>> SetAsync(Viewer viewer, Guid enterpriseId, bool? allow, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        if (enterprise is null || !viewer.CanRead(enterprise)) return Outcome<ConsentState>.NotFound();
        if (viewer.EnterpriseId != enterpriseId)
            return Outcome<ConsentState>.Forbidden(UiText.Pick("只有企业本身可以更改此授权。", "Only the enterprise itself can change this consent."));
        if (allow is null) return Outcome<ConsentState>.Invalid("allowRegionalAdmins", UiText.Pick("请给出 true 或 false。", "Give true or false."));
        var row = await db.AnswerConsents.FirstOrDefaultAsync(c => c.EnterpriseId == enterpriseId, ct);
        if (row is null) db.AnswerConsents.Add(row = new AnswerConsent { EnterpriseId = enterpriseId });
        row.AllowRegionalAdmins = allow.Value;
        row.ChangedByUserId = viewer.UserId;
        row.ChangedByEmail = viewer.Email;
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<ConsentState>.Ok(new ConsentState(enterpriseId, allow.Value, row.ChangedByEmail, row.ChangedAt));
    }
}
