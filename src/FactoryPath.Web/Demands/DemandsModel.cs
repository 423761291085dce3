using FactoryPath.Web.Catalog;
using FactoryPath.Web.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demands;

/// <summary>Tables of supply-demand matching: demands, their recipients, proposals and the projects they become.</summary>
public static class DemandsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Demand>(d =>
        {
            d.ToTable("Demands");
            d.Property(x => x.Title).HasMaxLength(200).IsRequired();
            d.Property(x => x.Description).HasMaxLength(4000);
            d.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            d.Property(x => x.IndustryCode).HasMaxLength(4).IsRequired();
            d.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
            d.Property(x => x.PreferredDeployment).HasConversion<string>().HasMaxLength(12);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            d.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.EnterpriseId, x.CreatedAt });
            d.HasIndex(x => new { x.Status, x.CreatedAt });
        });

        builder.Entity<DemandRecipient>(r =>
        {
            r.ToTable("DemandRecipients");
            r.Property(x => x.ReasonZh).HasMaxLength(1000);
            r.Property(x => x.ReasonEn).HasMaxLength(1000);
            r.HasOne<Demand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.DemandId, x.ProviderId }).IsUnique();
            r.HasIndex(x => new { x.ProviderId, x.MatchedAt });
        });

        builder.Entity<Proposal>(p =>
        {
            p.ToTable("Proposals");
            p.Property(x => x.Approach).HasMaxLength(4000).IsRequired();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            p.HasOne<Demand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Solution>().WithMany().HasForeignKey(x => x.SolutionId).OnDelete(DeleteBehavior.SetNull);
            // one live proposal per provider and demand
            p.HasIndex(x => new { x.DemandId, x.ProviderId }).IsUnique();
            p.HasIndex(x => new { x.ProviderId, x.CreatedAt });
        });

        builder.Entity<TransformationProject>(p =>
        {
            p.ToTable("Projects");
            p.Property(x => x.Title).HasMaxLength(200).IsRequired();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            p.Property(x => x.RatingComment).HasMaxLength(2000);
            p.OwnsMany(x => x.Outcomes, k => k.ToJson());
            p.HasOne<Demand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => x.DemandId).IsUnique();
            p.HasIndex(x => new { x.EnterpriseId, x.CreatedAt });
            p.HasIndex(x => new { x.ProviderId, x.CreatedAt });
        });
    }
}
