using FactoryPath.Web.Accounts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Alerts;

/// <summary>Which alerts to list: the active ones, the cleared ones (history), or both (active first).</summary>
public enum AlertListState { All, Active, History }

/// <summary>
/// Alert rules and alerts within what the viewer may see: an enterprise user its own enterprise's, the platform operator
/// all (as for gateways: machine data is the enterprise's own). "Not yours" reads as 404.
/// </summary>
public sealed class AlertService(PlatformDbContext db, TimeProvider clock, UiText text)
{
    public const int MaxCommentLength = 500;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<AlertRule> ReadableRules(Viewer viewer)
    {
        var all = db.AlertRules.AsNoTracking();
        if (viewer.IsPlatformAdmin) return all;
        if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } id) return all.Where(r => r.EnterpriseId == id);
        return all.Where(_ => false);
    }

    public IQueryable<Alert> ReadableAlerts(Viewer viewer)
    {
        var all = db.Alerts.AsNoTracking();
        if (viewer.IsPlatformAdmin) return all;
        if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } id) return all.Where(a => a.EnterpriseId == id);
        return all.Where(_ => false);
    }

    /// <summary>The display name of a rule (or of the rule an alert came from) in the current UI language.</summary>
    public string NameOf(string? name, string? nameKey) => name ?? (nameKey is null ? "–" : text[nameKey]);

    public async Task<PagedList<AlertRule>> ListRulesAsync(Viewer viewer, Guid? enterpriseId, Paging paging, CancellationToken ct = default)
    {
        if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } own) await AlertDefaults.EnsureAsync(db, own, Now, ct);
        var query = ReadableRules(viewer);
        if (enterpriseId is { } e) query = query.Where(r => r.EnterpriseId == e);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.Target).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<AlertRule>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<Outcome<AlertRule>> GetRuleAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        var rule = await ReadableRules(viewer).FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? Outcome<AlertRule>.NotFound() : Outcome<AlertRule>.Ok(rule);
    }

    /// <summary>Adds a rule to the viewer's enterprise (the operator names the enterprise).</summary>
    public async Task<Outcome<AlertRule>> CreateRuleAsync(Viewer viewer, AlertRuleInput input, Guid? enterpriseId, CancellationToken ct = default)
    {
        Guid target;
        if (viewer.IsPlatformAdmin && enterpriseId is { } chosen) target = chosen;
        else if (viewer.IsEnterpriseUser && viewer.EnterpriseId is { } own && (enterpriseId is null || enterpriseId == own)) target = own;
        else if (viewer.IsEnterpriseUser && viewer.EnterpriseId is null) return Outcome<AlertRule>.Conflict(text["alerts.error.noEnterprise"]);
        else if (viewer.IsPlatformAdmin) return Outcome<AlertRule>.Invalid("enterpriseId", text["alerts.error.enterpriseRequired"]);
        else if (viewer.IsEnterpriseUser) return Outcome<AlertRule>.NotFound();
        else return Outcome<AlertRule>.Forbidden(text["alerts.error.notAllowed"]);

        var errors = input.Validate(text);
        if (errors.Count > 0) return Outcome<AlertRule>.Invalid(errors);
        if (!await db.Enterprises.AnyAsync(e => e.Id == target, ct)) return Outcome<AlertRule>.Invalid("enterpriseId", text["alerts.error.noSuchEnterprise"]);

        var rule = new AlertRule { Id = Guid.NewGuid(), EnterpriseId = target, CreatedAt = Now, UpdatedAt = Now };
        input.ApplyTo(rule);
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Outcome<AlertRule>.Ok(rule);
    }

    /// <summary>Replaces a rule's definition. Its open alerts end (reason: rule changed) and it is evaluated afresh.</summary>
    public async Task<Outcome<AlertRule>> UpdateRuleAsync(Viewer viewer, Guid id, AlertRuleInput input, CancellationToken ct = default)
    {
        if (await ReadableRules(viewer).AnyAsync(r => r.Id == id, ct) is false) return Outcome<AlertRule>.NotFound();
        var rule = await db.AlertRules.FirstAsync(r => r.Id == id, ct);
        var errors = input.Validate(text, builtInName: rule.NameKey is not null);
        if (errors.Count > 0) return Outcome<AlertRule>.Invalid(errors);
        input.ApplyTo(rule);
        rule.UpdatedAt = Now;
        await EndRuleAsync(rule.Id, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<AlertRule>.Ok(rule);
    }

    /// <summary>Turns a rule on or off; off ends its open alerts.</summary>
    public async Task<Outcome<AlertRule>> SetEnabledAsync(Viewer viewer, Guid id, bool enabled, CancellationToken ct = default)
    {
        if (await ReadableRules(viewer).AnyAsync(r => r.Id == id, ct) is false) return Outcome<AlertRule>.NotFound();
        var rule = await db.AlertRules.FirstAsync(r => r.Id == id, ct);
        if (rule.Enabled != enabled)
        {
            rule.Enabled = enabled;
            rule.UpdatedAt = Now;
            await EndRuleAsync(rule.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        return Outcome<AlertRule>.Ok(rule);
    }

    /// <summary>Deletes a rule; its alerts stay in the history under the rule's name.</summary>
    public async Task<Outcome<AlertRule>> DeleteRuleAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (await ReadableRules(viewer).AnyAsync(r => r.Id == id, ct) is false) return Outcome<AlertRule>.NotFound();
        var rule = await db.AlertRules.FirstAsync(r => r.Id == id, ct);
        await EndRuleAsync(rule.Id, ct);
        db.AlertRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return Outcome<AlertRule>.Ok(rule);
    }

    private async Task EndRuleAsync(Guid ruleId, CancellationToken ct)
    {
        foreach (var open in await db.Alerts.Where(a => a.RuleId == ruleId && a.ClearedAt == null).ToListAsync(ct))
        {
            open.ClearedAt = Now;
            open.End = AlertEnd.RuleChanged;
        }
        db.AlertRuleStates.RemoveRange(await db.AlertRuleStates.Where(s => s.RuleId == ruleId).ToListAsync(ct));
    }

    /// <summary>Alerts newest first, the active ones before the cleared ones.</summary>
    public async Task<PagedList<Alert>> ListAlertsAsync(Viewer viewer, AlertListState state, Guid? enterpriseId, string? subjectPrefix, Paging paging, CancellationToken ct = default)
    {
        var query = ReadableAlerts(viewer);
        if (enterpriseId is { } e) query = query.Where(a => a.EnterpriseId == e);
        if (state == AlertListState.Active) query = query.Where(a => a.ClearedAt == null);
        if (state == AlertListState.History) query = query.Where(a => a.ClearedAt != null);
        if (!string.IsNullOrEmpty(subjectPrefix)) query = query.Where(a => a.Subject == subjectPrefix || a.Subject.StartsWith(subjectPrefix + "/"));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.ClearedAt != null).ThenByDescending(a => a.ClearedAt).ThenByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedList<Alert>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>Active alerts raised by a gateway's machines (for the gateway page).</summary>
    public async Task<IReadOnlyList<Alert>> ActiveForGatewayAsync(Viewer viewer, string gatewayId, CancellationToken ct = default) =>
        await ReadableAlerts(viewer).Where(a => a.GatewayId == gatewayId && a.ClearedAt == null)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(50).ToListAsync(ct);

    public async Task<Outcome<Alert>> GetAlertAsync(Viewer viewer, long id, CancellationToken ct = default)
    {
        var alert = await ReadableAlerts(viewer).FirstOrDefaultAsync(a => a.Id == id, ct);
        return alert is null ? Outcome<Alert>.NotFound() : Outcome<Alert>.Ok(alert);
    }

    /// <summary>Records who saw the alert, with an optional comment. Acknowledging does not clear it: only the condition does.</summary>
    public async Task<Outcome<Alert>> AcknowledgeAsync(Viewer viewer, long id, string? comment, CancellationToken ct = default)
    {
        if (await ReadableAlerts(viewer).AnyAsync(a => a.Id == id, ct) is false) return Outcome<Alert>.NotFound();
        var trimmed = comment?.Trim();
        if (trimmed is { Length: > MaxCommentLength }) return Outcome<Alert>.Invalid("comment", text.Format("alerts.error.comment", MaxCommentLength));
        var alert = await db.Alerts.FirstAsync(a => a.Id == id, ct);
        if (alert.AcknowledgedAt is { } at)
            return Outcome<Alert>.Conflict(text.Format("alerts.error.acknowledged", alert.AcknowledgedBy, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss")));
        alert.AcknowledgedAt = Now;
        alert.AcknowledgedBy = viewer.Email;
        alert.AckComment = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        await db.SaveChangesAsync(ct);
        return Outcome<Alert>.Ok(alert);
    }

    /// <summary>Active alerts nobody acknowledged yet (the navigation badge).</summary>
    public Task<int> UnacknowledgedCountAsync(Viewer viewer, CancellationToken ct = default) =>
        ReadableAlerts(viewer).CountAsync(a => a.ClearedAt == null && a.AcknowledgedAt == null, ct);
}
