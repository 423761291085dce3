using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Production;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Alerts;

/// <summary>
/// Applies observations to an enterprise's rules and keeps the result in the database: each rule's standing per machine
/// (<see cref="AlertRuleState"/>) and the alerts raised and cleared. All decisions are <see cref="AlertEvaluator"/>'s.
/// </summary>
public sealed class AlertProcessor(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>Tag rules against the live tags of one health report, as of the report's creation on the gateway.</summary>
    public async Task ApplyHealthAsync(HealthStored stored, CancellationToken ct = default)
    {
        await AlertDefaults.EnsureAsync(db, stored.EnterpriseId, clock.GetUtcNow().UtcDateTime, ct);
        var rules = await db.AlertRules.Where(r => r.EnterpriseId == stored.EnterpriseId && r.Enabled && r.Target == AlertTargetKind.Tag).ToListAsync(ct);
        if (rules.Count == 0) return;
        var asOf = stored.CreatedAt.UtcDateTime;
        // one tag per machine and role: the first by tag id when a machine has several of a role
        var tags = stored.Report.Tags
            .GroupBy(t => (t.AssetPath, t.Role))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.TagId, StringComparer.Ordinal).First());
        var observations = new List<(AlertRule Rule, string Subject, Observation Observation)>();
        foreach (var rule in rules)
        {
            foreach (var ((path, role), tag) in tags)
            {
                if (role != rule.Role || !rule.Covers(path)) continue;
                var usable = tag.Quality == TagQuality.Good ? tag.Value : null;
                observations.Add((rule, path, Observation.Of(tag.Timestamp?.UtcDateTime ?? asOf, asOf, usable)));
            }
        }
        await ApplyAsync(stored.EnterpriseId, stored.GatewayId, observations, ct);
    }

    /// <summary>KPI rules of every enterprise against its machines' KPI minutes, each as of its machine's latest minute.</summary>
    public async Task ApplyKpisAsync(CancellationToken ct = default)
    {
        var rules = await db.AlertRules.Where(r => r.Enabled && r.Target == AlertTargetKind.Kpi).ToListAsync(ct);
        foreach (var enterprise in rules.GroupBy(r => r.EnterpriseId))
        {
            var longest = TimeSpan.FromMinutes(enterprise.Max(r => r.WindowMinutes ?? 60));
            // a machine silent for longer than this is not evaluated: no new observation, nothing changes
            var since = clock.GetUtcNow().UtcDateTime - longest - TimeSpan.FromHours(2);
            var latest = await db.ProductionMinutes.AsNoTracking()
                .Where(m => m.EnterpriseId == enterprise.Key && m.PeriodStart >= since)
                .GroupBy(m => new { m.GatewayId, m.AssetPath })
                .Select(g => new { g.Key.GatewayId, g.Key.AssetPath, Last = g.Max(m => m.PeriodStart) })
                .ToListAsync(ct);
            if (latest.Count == 0) continue;
            var from = latest.Min(l => l.Last) - longest;
            var minutes = (await db.ProductionMinutes.AsNoTracking().Where(m => m.EnterpriseId == enterprise.Key && m.PeriodStart >= from).ToListAsync(ct))
                .GroupBy(m => m.AssetPath, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(m => m.PeriodStart).ToList(), StringComparer.Ordinal);
            foreach (var gateway in latest.GroupBy(l => l.GatewayId))
            {
                var observations = new List<(AlertRule, string, Observation)>();
                foreach (var rule in enterprise)
                {
                    foreach (var machine in gateway.Where(m => rule.Covers(m.AssetPath)))
                    {
                        var end = machine.Last.AddMinutes(1);
                        var start = end.AddMinutes(-(rule.WindowMinutes ?? 60));
                        var window = minutes.GetValueOrDefault(machine.AssetPath, []).Where(m => m.PeriodStart >= start && m.PeriodStart < end && m.GatewayId == machine.GatewayId);
                        var value = KpiValue(rule.Kpi!.Value, window);
                        observations.Add((rule, machine.AssetPath, Observation.Of(end, end, value)));
                    }
                }
                await ApplyAsync(enterprise.Key, gateway.Key, observations, ct);
            }
        }
    }

    /// <summary>The KPI of a machine's minutes: OEE and availability in percent, energy per good unit in kWh; null where undefined.</summary>
    public static double? KpiValue(AlertKpi kpi, IEnumerable<ProductionMinute> minutes)
    {
        var totals = new KpiTotals();
        foreach (var m in minutes)
        {
            totals.Add(new KpiMinute(m.AssetPath, new DateTimeOffset(DateTime.SpecifyKind(m.PeriodStart, DateTimeKind.Utc)), m.Shift, m.PlannedBusyMs, m.RunningMs,
                m.DownMs, m.SetupMs, m.IdleMs, m.UnknownMs, new Dictionary<int, long>(), m.DownStarts, m.DownCarriedIn, m.Good, m.Scrap, m.EnergyKwh, m.IdealCycleSeconds));
        }
        var kpis = totals.ToKpis();
        return kpi switch
        {
            AlertKpi.Oee => kpis.Oee * 100,
            AlertKpi.Availability => kpis.Availability * 100,
            AlertKpi.EnergyPerUnit => kpis.EnergyPerGoodUnit,
            _ => null,
        };
    }

    private async Task ApplyAsync(Guid enterpriseId, string gatewayId, List<(AlertRule Rule, string Subject, Observation Observation)> observations, CancellationToken ct)
    {
        if (observations.Count == 0) return;
        var ruleIds = observations.Select(o => o.Rule.Id).Distinct().ToList();
        var states = (await db.AlertRuleStates.Where(s => ruleIds.Contains(s.RuleId)).ToListAsync(ct))
            .ToDictionary(s => (s.RuleId, s.Subject));
        var raised = new List<(AlertRuleState State, Alert Alert)>();
        foreach (var (rule, subject, observation) in observations)
        {
            if (!states.TryGetValue((rule.Id, subject), out var row))
            {
                if (observation.Value is null) continue; // nothing known yet, nothing to keep
                row = new AlertRuleState { RuleId = rule.Id, Subject = subject, EnterpriseId = enterpriseId };
                db.AlertRuleStates.Add(row);
                states[(rule.Id, subject)] = row;
            }

            var step = AlertEvaluator.Evaluate(rule.Condition, row.ToState(), observation);
            Alert NewAlert(DateTime since, DateTime raisedAt, double? value) => new()
            {
                EnterpriseId = enterpriseId,
                RuleId = rule.Id,
                RuleName = rule.Name,
                RuleNameKey = rule.NameKey,
                Severity = rule.Severity,
                Subject = subject,
                GatewayId = gatewayId,
                Since = since,
                RaisedAt = raisedAt,
                RaisedValue = value,
                LastValue = value,
            };

            row.Since = step.State.Since;
            row.LastAt = step.State.LastAt;
            row.LastValue = step.State.LastValue;
            row.GatewayId = gatewayId;
            switch (step.Transition)
            {
                case AlertTransition.Raise:
                    var alert = NewAlert(step.State.Since!.Value, step.At!.Value, step.Value);
                    db.Alerts.Add(alert);
                    raised.Add((row, alert));
                    break;
                case AlertTransition.RaiseAndClear:
                    var over = NewAlert(step.Since!.Value, step.RaisedAt!.Value, step.MetValue);
                    over.LastValue = step.Value;
                    over.ClearedAt = step.At;
                    over.End = AlertEnd.Cleared;
                    db.Alerts.Add(over);
                    break;
                case AlertTransition.Clear when row.OpenAlertId is { } openId:
                    var open = await db.Alerts.FirstOrDefaultAsync(a => a.Id == openId, ct);
                    if (open is not null)
                    {
                        open.ClearedAt = step.At;
                        open.End = AlertEnd.Cleared;
                        open.LastValue = step.Value;
                    }
                    row.OpenAlertId = null;
                    break;
            }
            if (step.Transition == AlertTransition.None && step.State.Open && row.OpenAlertId is { } stillOpen && step.Value is { } latest)
            {
                var open = db.Alerts.Local.FirstOrDefault(a => a.Id == stillOpen) ?? await db.Alerts.FirstOrDefaultAsync(a => a.Id == stillOpen, ct);
                if (open is not null && open.LastValue != latest) open.LastValue = latest;
            }
        }

        // a raised alert's id is known only once stored: both writes in one transaction, so a state never points nowhere
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // a rule edited, disabled or deleted while this was evaluated starts afresh: what was worked out under its old
        // definition is dropped (the next report evaluates again)
        var loaded = observations.Select(o => o.Rule).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.UpdatedAt);
        var current = await db.AlertRules.AsNoTracking().Where(r => ruleIds.Contains(r.Id) && r.Enabled).Select(r => new { r.Id, r.UpdatedAt }).ToListAsync(ct);
        if (current.Count != loaded.Count || current.Any(r => loaded[r.Id] != r.UpdatedAt))
        {
            db.ChangeTracker.Clear();
            return;
        }
        await db.SaveChangesAsync(ct);
        if (raised.Count > 0)
        {
            foreach (var (state, alert) in raised) state.OpenAlertId = alert.Id;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
