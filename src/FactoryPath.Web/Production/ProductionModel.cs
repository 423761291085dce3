using FactoryPath.Web.Gateways;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Production;

public static class ProductionModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ProductionMinute>(m =>
        {
            m.ToTable("ProductionMinutes");
            m.Property(x => x.GatewayId).HasMaxLength(40).IsRequired();
            m.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            m.Property(x => x.Shift).HasMaxLength(60);
            m.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => new { x.GatewayId, x.AssetPath, x.PeriodStart }).IsUnique();
            m.HasIndex(x => new { x.EnterpriseId, x.PeriodStart });
        });

        builder.Entity<ProductionDownTime>(d =>
        {
            d.ToTable("ProductionDownTimes");
            d.Property(x => x.GatewayId).HasMaxLength(40).IsRequired();
            d.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            d.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.GatewayId, x.AssetPath, x.PeriodStart, x.Reason }).IsUnique();
            d.HasIndex(x => new { x.EnterpriseId, x.PeriodStart });
        });

        builder.Entity<ProductionHour>(h =>
        {
            h.ToTable("ProductionHours");
            h.Property(x => x.GatewayId).HasMaxLength(40).IsRequired();
            h.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            h.Property(x => x.Shift).HasMaxLength(60).IsRequired();
            h.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
            h.HasIndex(x => new { x.GatewayId, x.AssetPath, x.HourStart, x.Shift }).IsUnique();
            // covering: the dashboards' GROUP BY reads the index alone, in time order, not the rows scattered in the table
            h.HasIndex(x => new
            {
                x.EnterpriseId, x.HourStart, x.AssetPath, x.Shift, x.FirstMinute, x.PlannedBusyMs, x.RunningMs, x.DownMs, x.SetupMs, x.IdleMs, x.UnknownMs,
                x.Good, x.Scrap, x.EnergyKwh, x.IdealProductionSeconds,
            }).HasDatabaseName("IX_ProductionHours_Dashboard");
        });

        builder.Entity<ProductionDownHour>(d =>
        {
            d.ToTable("ProductionDownHours");
            d.Property(x => x.GatewayId).HasMaxLength(40).IsRequired();
            d.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            d.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.GatewayId, x.AssetPath, x.HourStart, x.Reason }).IsUnique();
            d.HasIndex(x => new { x.EnterpriseId, x.HourStart, x.Reason, x.DownMs }).HasDatabaseName("IX_ProductionDownHours_Dashboard");
        });
    }
}
