using FactoryPath.Web.Accounts;
using FactoryPath.Web.Alerts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Enterprises.Consent;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Production;
using FactoryPath.Web.Programmes;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Persistence;

/// <summary>
/// The platform's one model. On SQLite it is used as is; on PostgreSQL through <see cref="PostgresPlatformDbContext"/>,
/// which adds only the PostgreSQL mapping of date-times, so that each provider has its own migrations.
/// </summary>
public class PlatformDbContext : IdentityDbContext<PlatformUser>
{
    public PlatformDbContext(DbContextOptions<PlatformDbContext> options) : base(options)
    {
    }

    protected PlatformDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<AnswerSheet> AnswerSheets => Set<AnswerSheet>();
    public DbSet<StoredResult> Results => Set<StoredResult>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Solution> Solutions => Set<Solution>();
    public DbSet<DemonstrationCase> Cases => Set<DemonstrationCase>();
    public DbSet<IndustrialChain> Chains => Set<IndustrialChain>();
    public DbSet<ChainMember> ChainMembers => Set<ChainMember>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<DemandRecipient> DemandRecipients => Set<DemandRecipient>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<TransformationProject> Projects => Set<TransformationProject>();
    public DbSet<Gateway> Gateways => Set<Gateway>();
    public DbSet<UplinkMessage> UplinkMessages => Set<UplinkMessage>();
    public DbSet<GatewayRollup> GatewayRollups => Set<GatewayRollup>();
    public DbSet<GatewaySnapshot> GatewaySnapshots => Set<GatewaySnapshot>();
    public DbSet<ProductionMinute> ProductionMinutes => Set<ProductionMinute>();
    public DbSet<ProductionDownTime> ProductionDownTimes => Set<ProductionDownTime>();
    public DbSet<ProductionHour> ProductionHours => Set<ProductionHour>();
    public DbSet<ProductionDownHour> ProductionDownHours => Set<ProductionDownHour>();
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertRuleState> AlertRuleStates => Set<AlertRuleState>();
    public DbSet<AlertSetup> AlertSetups => Set<AlertSetup>();
    public DbSet<SupportProgramme> Programmes => Set<SupportProgramme>();
    public DbSet<ProgrammeApplication> ProgrammeApplications => Set<ProgrammeApplication>();
    public DbSet<DemonstrationApplication> DemonstrationApplications => Set<DemonstrationApplication>();
    public DbSet<ApplicationComment> DemonstrationComments => Set<ApplicationComment>();
    public DbSet<AnswerConsent> AnswerConsents => Set<AnswerConsent>();
    public DbSet<AdminRead> AdminReads => Set<AdminRead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PlatformUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.Property(x => x.RegionCode).HasMaxLength(6);
            u.HasIndex(x => x.EnterpriseId);
            u.HasIndex(x => x.ProviderId);
        });

        builder.Entity<Enterprise>(e =>
        {
            e.ToTable("Enterprises");
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.CreditCode).HasMaxLength(18).IsRequired();
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.Property(x => x.IndustryCode).HasMaxLength(4).IsRequired();
            e.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            e.Property(x => x.ProvinceCode).HasMaxLength(6).IsRequired();
            e.Property(x => x.SizeClass).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.AnnualRevenueCny).HasPrecision(18, 2);
            // the regional dashboard: a region is a range of county codes; with the industry the counts per division read the
            // index only, and with the id so do the joins from a region's enterprises to their demands (no table row reads)
            e.HasIndex(x => new { x.RegionCode, x.IndustryCode, x.Id });
            // the enterprise lists page in name order: the operator's along (Name, Id), a province admin's along
            // (ProvinceCode, Name, Id); without them every page sorted all the rows it may see (200,000 for the operator)
            e.HasIndex(x => new { x.Name, x.Id });
            e.HasIndex(x => new { x.ProvinceCode, x.Name, x.Id });
        });

        builder.Entity<AnswerSheet>(s =>
        {
            s.ToTable("AnswerSheets");
            s.Property(x => x.ModelId).HasMaxLength(80).IsRequired();
            s.Property(x => x.ModelVersion).HasMaxLength(40).IsRequired();
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            s.Property(x => x.EvidenceJson).IsRequired().HasDefaultValue("{}");
            s.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.EnterpriseId, x.UpdatedAt });
        });

        builder.Entity<StoredResult>(r =>
        {
            r.ToTable("Results");
            r.Property(x => x.ModelId).HasMaxLength(80).IsRequired();
            r.Property(x => x.ModelVersion).HasMaxLength(40).IsRequired();
            r.Property(x => x.IndustryCode).HasMaxLength(4);
            r.Property(x => x.ProvinceCode).HasMaxLength(6);
            r.Property(x => x.RegionCode).HasMaxLength(6);
            r.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<AnswerSheet>().WithMany().HasForeignKey(x => x.AnswerSheetId).OnDelete(DeleteBehavior.Cascade);
            r.HasIndex(x => new { x.EnterpriseId, x.ModelId, x.SubmittedAt });
            // the regional dashboard: an enterprise's latest results per model and level, read from the index only
            r.HasIndex(x => new { x.EnterpriseId, x.IsLatest, x.ModelId, x.Level });
            // peer standing: latest results of one model in one industry division and province, ordered by score
            r.HasIndex(x => new { x.ModelId, x.IndustryCode, x.ProvinceCode, x.IsLatest, x.Score });
        });

        CatalogModel.Configure(builder);
        DemandsModel.Configure(builder);
        GatewaysModel.Configure(builder);
        ProductionModel.Configure(builder);
        AlertsModel.Configure(builder);
        ProgrammesModel.Configure(builder);
        Regional.RegionRollupModel.Configure(builder);
        DemonstrationModel.Configure(builder);
    }
}
