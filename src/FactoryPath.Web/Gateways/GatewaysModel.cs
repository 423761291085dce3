using FactoryPath.Web.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Gateways;

public static class GatewaysModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Gateway>(g =>
        {
            g.ToTable("Gateways");
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).HasMaxLength(40);
            g.Property(x => x.Name).HasMaxLength(100).IsRequired();
            g.Property(x => x.SecretHash).HasMaxLength(200).IsRequired();
            g.Property(x => x.Version).HasMaxLength(60);
            g.Property(x => x.LastError).HasMaxLength(500);
            g.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            g.HasIndex(x => new { x.EnterpriseId, x.Name });
        });

        builder.Entity<UplinkMessage>(m =>
        {
            m.ToTable("UplinkMessages");
            // each (gateway, sequence) once: a replay after a lost PUBACK hits this key and is ignored
            m.HasKey(x => new { x.GatewayId, x.Sequence });
            m.Property(x => x.GatewayId).HasMaxLength(40);
            m.Property(x => x.Kind).HasMaxLength(20).IsRequired();
            m.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GatewayRollup>(r =>
        {
            r.ToTable("GatewayRollups");
            r.Property(x => x.GatewayId).HasMaxLength(40).IsRequired();
            r.Property(x => x.TagId).HasMaxLength(200).IsRequired();
            r.Property(x => x.AssetPath).HasMaxLength(300).IsRequired();
            r.Property(x => x.Role).HasMaxLength(20).IsRequired();
            r.Property(x => x.Resolution).HasMaxLength(4).IsRequired();
            r.HasIndex(x => new { x.GatewayId, x.TagId, x.Resolution, x.PeriodStart }).IsUnique();
            r.HasIndex(x => new { x.GatewayId, x.PeriodStart });
            r.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GatewaySnapshot>(s =>
        {
            s.ToTable("GatewaySnapshots");
            s.HasKey(x => new { x.GatewayId, x.Kind });
            s.Property(x => x.GatewayId).HasMaxLength(40);
            s.Property(x => x.Kind).HasMaxLength(20);
            s.Property(x => x.Json).IsRequired();
            s.HasOne<Gateway>().WithMany().HasForeignKey(x => x.GatewayId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
