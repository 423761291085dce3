using FactoryPath.Web.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Alerts;

public static class AlertsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AlertRule>(r =>
        {
            r.ToTable("AlertRules");
            r.Property(x => x.Name).HasMaxLength(100);
            r.Property(x => x.NameKey).HasMaxLength(80);
            r.Property(x => x.Target).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Kpi).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Scope).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            r.Property(x => x.Operator).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Severity).HasConversion<string>().HasMaxLength(10);
            r.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.EnterpriseId, x.Target, x.Enabled });
            r.Ignore(x => x.Condition);
        });

        builder.Entity<Alert>(a =>
        {
            a.ToTable("Alerts");
            a.Property(x => x.RuleName).HasMaxLength(100);
            a.Property(x => x.RuleNameKey).HasMaxLength(80);
            a.Property(x => x.Severity).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.Subject).HasMaxLength(300).IsRequired();
            a.Property(x => x.GatewayId).HasMaxLength(40);
            a.Property(x => x.End).HasConversion<string>().HasMaxLength(12);
            a.Property(x => x.AcknowledgedBy).HasMaxLength(256);
            a.Property(x => x.AckComment).HasMaxLength(500);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            // the history outlives its rule: the rule's name and severity are copied onto each alert
            a.HasOne<AlertRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.SetNull);
            // at most one open alert per rule and machine
            a.HasIndex(x => new { x.RuleId, x.Subject }).IsUnique().HasFilter("\"ClearedAt\" IS NULL");
            a.HasIndex(x => new { x.EnterpriseId, x.ClearedAt, x.RaisedAt });
            a.Ignore(x => x.IsActive);
        });

        builder.Entity<AlertRuleState>(s =>
        {
            s.ToTable("AlertRuleStates");
            s.HasKey(x => new { x.RuleId, x.Subject });
            s.Property(x => x.Subject).HasMaxLength(300);
            s.Property(x => x.GatewayId).HasMaxLength(40);
            s.HasOne<AlertRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AlertSetup>(s =>
        {
            s.ToTable("AlertSetups");
            s.HasKey(x => x.EnterpriseId);
            s.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
