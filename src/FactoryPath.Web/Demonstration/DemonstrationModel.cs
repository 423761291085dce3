using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Enterprises.Consent;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demonstration;

/// <summary>Tables of the demonstration registry, of answer consent and of the log of administrators' reads.</summary>
public static class DemonstrationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DemonstrationApplication>(a =>
        {
            a.ToTable("DemonstrationApplications");
            a.Property(x => x.Tier).HasConversion<string>().HasMaxLength(24);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            a.Property(x => x.Statement).HasMaxLength(4000).IsRequired();
            a.Property(x => x.EvidenceJson).IsRequired();
            a.Property(x => x.SubmittedByUserId).HasMaxLength(450).IsRequired();
            a.Property(x => x.DecidedByUserId).HasMaxLength(450);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.IsOpen);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            // one open application per enterprise and tier, also under two submissions at once
            a.HasIndex(x => new { x.EnterpriseId, x.Tier }).IsUnique().HasFilter("\"Status\" IN ('Submitted', 'Returned')")
                .HasDatabaseName("IX_DemonstrationApplications_Open");
            a.HasIndex(x => new { x.Status, x.SubmittedAt });
        });

        builder.Entity<ApplicationComment>(c =>
        {
            c.ToTable("DemonstrationComments");
            c.Property(x => x.AuthorUserId).HasMaxLength(450).IsRequired();
            c.Property(x => x.AuthorName).HasMaxLength(200).IsRequired();
            c.Property(x => x.AuthorRole).HasMaxLength(20).IsRequired();
            c.Property(x => x.Decision).HasConversion<string>().HasMaxLength(12);
            c.Property(x => x.Text).HasMaxLength(4000).IsRequired();
            c.HasOne<DemonstrationApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.ApplicationId, x.At });
        });

        builder.Entity<AnswerConsent>(c =>
        {
            c.ToTable("AnswerConsents");
            c.HasKey(x => x.EnterpriseId);
            c.Property(x => x.ChangedByUserId).HasMaxLength(450).IsRequired();
            c.Property(x => x.ChangedByEmail).HasMaxLength(256).IsRequired();
            c.HasOne<Enterprise>().WithOne().HasForeignKey<AnswerConsent>(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AdminRead>(r =>
        {
            r.ToTable("AdminReads");
            r.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            r.Property(x => x.Email).HasMaxLength(256).IsRequired();
            r.Property(x => x.Role).HasMaxLength(20).IsRequired();
            r.Property(x => x.RegionCode).HasMaxLength(6);
            r.Property(x => x.What).HasMaxLength(40).IsRequired();
            r.Property(x => x.ResourceId).HasMaxLength(64);
            r.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.EnterpriseId, x.At });
        });
    }
}
