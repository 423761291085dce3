using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Enterprises.Consent;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Demo;

/// <summary>
/// The demo's demonstration registry: the demo enterprise has done a GB/T 39116 self-check (older than its latest SME
/// result, so its result pages stay as they were), lets its regional administrators see its answers, and has applied
/// for the basic smart-factory tier, waiting for the Ningbo administrator's decision. Runs once, while no application exists.
/// </summary>
public sealed class DemoDemonstration(PlatformDbContext db, ModelRegistry models, DemonstrationService registry)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.DemonstrationApplications.AnyAsync(ct)) return;
        var demo = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == DemoSeeder.DemoCreditCode, ct);
        var owner = await db.Users.FirstOrDefaultAsync(u => u.Email == DemoAccounts.Enterprise.Email, ct);
        if (demo is null || owner is null || models.Latest("cmmm-selfcheck") is not { } selfCheck) return;
        var now = DateTime.UtcNow;

        if (!await db.Results.AnyAsync(r => r.EnterpriseId == demo.Id && r.ModelId == selfCheck.Id, ct))
        {
            var at = now.AddDays(-60);
            var rng = new Random(20_261_124);
            // answers of a factory at the standardised level (level 2): the first maturity that reaches it
            var tries = Enumerable.Range(0, 20).Select(i => DemoAnswers.Generate(selfCheck, rng, 0.55 + i * 0.02))
                .Select(a => (Answers: a, Scored: Scorer.Score(selfCheck, a))).ToList();
            var (answers, scored) = tries.FirstOrDefault(x => x.Scored.Level.Number >= 2, tries[^1]);
            var sheet = new AnswerSheet
            {
                EnterpriseId = demo.Id, ModelId = selfCheck.Id, ModelVersion = selfCheck.Version, Status = AnswerSheetStatus.Submitted,
                AnswersJson = AssessmentJson.Serialize(answers), CreatedAt = at.AddHours(-3), UpdatedAt = at, SubmittedAt = at, CreatedByUserId = owner.Id,
            };
            db.AnswerSheets.Add(sheet);
            db.Results.Add(new StoredResult
            {
                AnswerSheetId = sheet.Id, EnterpriseId = demo.Id, ModelId = selfCheck.Id, ModelVersion = selfCheck.Version,
                Score = (double)scored.TotalScore, Level = scored.Level.Number, IndustryCode = demo.IndustryCode, ProvinceCode = demo.ProvinceCode,
                RegionCode = demo.RegionCode, IsLatest = true, SubmittedAt = at, ResultJson = AssessmentJson.Serialize(scored),
            });
        }

        if (!await db.AnswerConsents.AnyAsync(c => c.EnterpriseId == demo.Id, ct))
        {
            db.AnswerConsents.Add(new AnswerConsent
            {
                EnterpriseId = demo.Id, AllowRegionalAdmins = true, ChangedByUserId = owner.Id, ChangedByEmail = owner.Email ?? DemoAccounts.Enterprise.Email, ChangedAt = now.AddDays(-20),
            });
        }
        await db.SaveChangesAsync(ct);

        var submittedAt = now.AddDays(-2);
        var statement = "我司已完成智能制造能力成熟度自诊断（二级），主要产线设备联网并自动采集生产数据，申请认定为基础级智能工厂。";
        var application = new DemonstrationApplication
        {
            EnterpriseId = demo.Id, Tier = DemonstrationTier.SmartFactoryBasic, Status = ApplicationStatus.Submitted, Statement = statement,
            EvidenceJson = (await registry.SnapshotAsync(demo.Id, ct)).Serialize(), SubmittedByUserId = owner.Id,
            CreatedAt = submittedAt, SubmittedAt = submittedAt, UpdatedAt = submittedAt,
        };
        db.DemonstrationApplications.Add(application);
        db.DemonstrationComments.Add(new ApplicationComment
        {
            ApplicationId = application.Id, At = submittedAt, AuthorUserId = owner.Id, AuthorName = owner.Email ?? DemoAccounts.Enterprise.Email,
            AuthorRole = "enterprise", Decision = ApplicationStatus.Submitted, Text = statement,
        });
        await db.SaveChangesAsync(ct);
    }
}
