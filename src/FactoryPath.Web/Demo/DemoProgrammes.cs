using FactoryPath.Core.Eligibility;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demo;

/// <summary>
/// The demo's support programme: Ningbo's transformation vouchers, open now, with one approved application from a
/// Ningbo peer and a pending one from the demo enterprise for the Ningbo (or Zhejiang) administrator to review.
/// Seeded once, when there is no programme yet.
/// </summary>
public sealed class DemoProgrammes(PlatformDbContext db, TimeProvider clock)
{
    public const string VoucherNameZh = "宁波市中小企业数字化转型券";
    public const long Budget = 5_000_000;
    public const long PeerGrant = 200_000;
    public const long DemoRequest = 300_000;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Programmes.AnyAsync(ct)) return;
        var demo = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == DemoSeeder.DemoCreditCode, ct);
        if (demo is null) return;
        var peer = await db.Enterprises.Where(e => e.Id != demo.Id && e.RegionCode.StartsWith("3302")).OrderBy(e => e.Name).FirstOrDefaultAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var voucher = new SupportProgramme
        {
            NameZh = VoucherNameZh, NameEn = "Ningbo SME digital transformation vouchers",
            DescriptionZh = "对宁波市中小制造企业的设备联网、数据采集和数字化管理改造给予补助，按实际投入的 30% 兑现，单家最高 50 万元。",
            DescriptionEn = "Subsidises Ningbo's small and medium manufacturers for connecting equipment, collecting data and digital management: 30 % of the actual spend, at most CNY 500,000 per enterprise.",
            RegionCode = "330200", BudgetCny = Budget, MaxPerApplicationCny = 500_000,
            OpensOn = today.AddDays(-15), ClosesOn = today.AddDays(75),
            RulesJson = ProgrammeJson.Write([
                new EligibilityRule(EligibilityKinds.SizeClass, ["micro", "small", "medium"]),
                new EligibilityRule(EligibilityKinds.ResultWithinDays, ModelId: "miit-sme-digital-level", Days: 365),
            ]),
            CreatedAt = now.AddDays(-15), UpdatedAt = now.AddDays(-15),
        };
        db.Programmes.Add(voucher);
        if (peer is not null)
        {
            voucher.ApprovedCny = PeerGrant;
            db.ProgrammeApplications.Add(new ProgrammeApplication
            {
                ProgrammeId = voucher.Id, EnterpriseId = peer.Id, RequestedCny = 250_000, GrantedCny = PeerGrant, Status = ApplicationStatus.Approved,
                Purpose = "冲压线设备联网与能耗监测。", ReviewComment = "按实际投入的 30% 核定。", ReviewedAt = now.AddDays(-3),
                CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-3),
            });
        }
        db.ProgrammeApplications.Add(new ProgrammeApplication
        {
            ProgrammeId = voucher.Id, EnterpriseId = demo.Id, RequestedCny = DemoRequest,
            Purpose = "注塑车间 12 台设备联网、数据采集网关和生产看板，实现设备状态监测（路线图场景：设备状态监测）。",
            ScenarioId = "equipment-monitoring", CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2),
        });
        await db.SaveChangesAsync(ct);
    }
}
