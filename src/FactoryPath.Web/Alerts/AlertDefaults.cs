using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Model;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Alerts;

/// <summary>Marks an enterprise whose starting rules were added, so rules a user deleted do not come back.</summary>
public sealed class AlertSetup
{
    public Guid EnterpriseId { get; set; }
    public DateTime DefaultsAddedAt { get; set; }
}

/// <summary>
/// The rules an enterprise starts with once it has a gateway: a machine down for more than 10 minutes, and OEE of the
/// last hour below 50 % for 15 minutes. The demo enterprise's simulated factory runs 10× fast and its stops are short,
/// so it gets rules a newcomer sees fire within minutes.
/// </summary>
public static class AlertDefaults
{
    /// <summary>Where the demo factory's compressor sits (the simulator's utilities area).</summary>
    private const string DemoUtilities = $"{SimulatorGatewayConfig.Enterprise}/{SimulatorGatewayConfig.Site}/utilities";

    public static IReadOnlyList<AlertRule> For(Guid enterpriseId, bool demo, DateTime now)
    {
        AlertRule Rule(string key, AlertTargetKind target, TagRole? role, AlertKpi? kpi, int? window, AlertOperator op, double threshold, int seconds, AlertSeverity severity, string prefix = "") => new()
        {
            Id = Guid.NewGuid(),
            EnterpriseId = enterpriseId,
            NameKey = key,
            Target = target,
            Role = role,
            Kpi = kpi,
            WindowMinutes = window,
            Scope = AlertScope.Prefix,
            AssetPath = prefix,
            Operator = op,
            Threshold = threshold,
            DurationSeconds = seconds,
            Severity = severity,
            Enabled = true,
            CreatedAt = now,
            UpdatedAt = now,
        };

        const double down = (double)MachineActivity.Down;
        return demo
            ?
            [
                Rule("alerts.default.demoDown", AlertTargetKind.Tag, TagRole.State, null, null, AlertOperator.EqualTo, down, 15, AlertSeverity.Critical),
                // the compressor's over-temperature limit; the press runs at 220 °C by design, so the rule watches the utilities area only
                Rule("alerts.default.demoHot", AlertTargetKind.Tag, TagRole.Temperature, null, null, AlertOperator.GreaterThan, 95, 20, AlertSeverity.Warning, DemoUtilities),
                Rule("alerts.default.oee", AlertTargetKind.Kpi, null, AlertKpi.Oee, 60, AlertOperator.LessThan, 50, 0, AlertSeverity.Warning),
            ]
            :
            [
                Rule("alerts.default.down", AlertTargetKind.Tag, TagRole.State, null, null, AlertOperator.EqualTo, down, 600, AlertSeverity.Critical),
                Rule("alerts.default.oee", AlertTargetKind.Kpi, null, AlertKpi.Oee, 60, AlertOperator.LessThan, 50, 900, AlertSeverity.Warning),
            ];
    }

    /// <summary>Adds the starting rules to an enterprise that has a gateway and never had them; true when it added them.</summary>
    public static async Task<bool> EnsureAsync(PlatformDbContext db, Guid enterpriseId, DateTime now, CancellationToken ct = default)
    {
        if (await db.AlertSetups.AnyAsync(s => s.EnterpriseId == enterpriseId, ct)) return false;
        var gateways = await db.Gateways.Where(g => g.EnterpriseId == enterpriseId).Select(g => g.Id).ToListAsync(ct);
        if (gateways.Count == 0) return false;
        var demo = gateways.Contains(Demo.DemoGateway.Id);
        db.AlertSetups.Add(new AlertSetup { EnterpriseId = enterpriseId, DefaultsAddedAt = now });
        db.AlertRules.AddRange(For(enterpriseId, demo, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // added at the same moment by another request: theirs stand
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
