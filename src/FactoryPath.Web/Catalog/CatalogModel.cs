using FactoryPath.Web.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog;

/// <summary>Tables of the resource pool: providers, solutions, demonstration cases and industrial chains.</summary>
public static class CatalogModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Provider>(p =>
        {
            p.ToTable("Providers");
            p.Property(x => x.Name).HasMaxLength(200).IsRequired();
            p.Property(x => x.CreditCode).HasMaxLength(18).IsRequired();
            p.HasIndex(x => x.CreditCode).IsUnique();
            p.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            p.Property(x => x.DescriptionZh).HasMaxLength(4000);
            p.Property(x => x.DescriptionEn).HasMaxLength(4000);
            p.Property(x => x.Website).HasMaxLength(300);
            p.HasIndex(x => x.Name);
            // the regional supply summary checks the latest change before every console page
            p.HasIndex(x => x.UpdatedAt);
        });

        builder.Entity<Solution>(s =>
        {
            s.ToTable("Solutions");
            s.Property(x => x.TitleZh).HasMaxLength(200).IsRequired();
            s.Property(x => x.TitleEn).HasMaxLength(200).IsRequired();
            s.Property(x => x.DescriptionZh).HasMaxLength(4000);
            s.Property(x => x.DescriptionEn).HasMaxLength(4000);
            s.Property(x => x.Deployment).HasConversion<string>().HasMaxLength(12);
            s.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
            // re-import finds an existing solution by provider and Chinese title
            s.HasIndex(x => new { x.ProviderId, x.TitleZh }).IsUnique();
            // the roadmap's cost summary checks the latest change before every plan
            s.HasIndex(x => x.UpdatedAt);
        });

        builder.Entity<DemonstrationCase>(c =>
        {
            c.ToTable("Cases");
            c.Property(x => x.TitleZh).HasMaxLength(200).IsRequired();
            c.Property(x => x.TitleEn).HasMaxLength(200).IsRequired();
            c.Property(x => x.SummaryZh).HasMaxLength(4000);
            c.Property(x => x.SummaryEn).HasMaxLength(4000);
            c.Property(x => x.EnterpriseName).HasMaxLength(200).IsRequired();
            c.Property(x => x.IndustryCode).HasMaxLength(4).IsRequired();
            c.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            c.Property(x => x.Tier).HasConversion<string>().HasMaxLength(24);
            c.OwnsMany(x => x.Kpis, k => k.ToJson());
            c.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.SetNull);
            c.HasOne<Solution>().WithMany().HasForeignKey(x => x.SolutionId).OnDelete(DeleteBehavior.SetNull);
            c.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.SetNull);
            c.HasIndex(x => x.TitleZh).IsUnique();
            c.HasIndex(x => x.IndustryCode);
        });

        builder.Entity<IndustrialChain>(c =>
        {
            c.ToTable("Chains");
            c.Property(x => x.NameZh).HasMaxLength(200).IsRequired();
            c.Property(x => x.NameEn).HasMaxLength(200).IsRequired();
            c.Property(x => x.DescriptionZh).HasMaxLength(4000);
            c.Property(x => x.DescriptionEn).HasMaxLength(4000);
            c.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            c.HasIndex(x => x.NameZh).IsUnique();
            c.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ChainId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ChainMember>(m =>
        {
            m.ToTable("ChainMembers");
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(10);
            m.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            m.HasIndex(x => new { x.ChainId, x.EnterpriseId }).IsUnique();
            m.HasIndex(x => x.EnterpriseId);
        });
    }
}
