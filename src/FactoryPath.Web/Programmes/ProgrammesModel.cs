using FactoryPath.Web.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Programmes;

/// <summary>Tables of support programmes and the applications to them.</summary>
public static class ProgrammesModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SupportProgramme>(p =>
        {
            p.ToTable("Programmes");
            p.Property(x => x.NameZh).HasMaxLength(ProgrammeLimits.Name).IsRequired();
            p.Property(x => x.NameEn).HasMaxLength(ProgrammeLimits.Name).IsRequired();
            p.Property(x => x.DescriptionZh).HasMaxLength(ProgrammeLimits.Description).IsRequired();
            p.Property(x => x.DescriptionEn).HasMaxLength(ProgrammeLimits.Description).IsRequired();
            p.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            p.Property(x => x.RulesJson).IsRequired();
            p.Property(x => x.CreatedBy).HasMaxLength(450);
            p.HasIndex(x => new { x.RegionCode, x.ClosesOn });
        });

        builder.Entity<ProgrammeApplication>(a =>
        {
            a.ToTable("ProgrammeApplications");
            a.Property(x => x.Purpose).HasMaxLength(ProgrammeLimits.Purpose).IsRequired();
            a.Property(x => x.ScenarioId).HasMaxLength(80);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.ReviewComment).HasMaxLength(ProgrammeLimits.Comment);
            a.Property(x => x.ReviewedBy).HasMaxLength(450);
            a.HasOne<SupportProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            // one application per programme and enterprise (a withdrawn one is reopened by applying again)
            a.HasIndex(x => new { x.ProgrammeId, x.EnterpriseId }).IsUnique();
            a.HasIndex(x => new { x.ProgrammeId, x.Status, x.CreatedAt });
        });
    }
}

/// <summary>Lengths of the free-text fields, shared by the model, the validator and the forms.</summary>
public static class ProgrammeLimits
{
    public const int Name = 200;
    public const int Description = 4000;
    public const int Purpose = 2000;
    public const int Comment = 2000;
    public const int Rules = 50;
    /// <summary>Budgets and amounts up to 100 billion yuan.</summary>
    public const long MaxCny = 100_000_000_000;
}
