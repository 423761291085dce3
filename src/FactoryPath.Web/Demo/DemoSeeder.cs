using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Demo;

/// <summary>
/// Seeds a small demo on an empty database: one account per role, the demo owner's enterprise with two earlier results,
/// and peer enterprises in the same province and industry so the peer standing shows; then the resource pool
/// (<see cref="DemoPool"/>) once it is empty. Runs once; a fixed seed keeps it repeatable.
/// </summary>
public sealed class DemoSeeder(
    PlatformDbContext db, UserManager<PlatformUser> users, ModelRegistry models, ScenarioLibrary scenarios, IOptions<PlatformOptions> options, ILogger<DemoSeeder> log,
    DemoDemonstration demonstration)
{
    public static readonly string DemoCreditCode = WithCheckCharacter("91330200MA2CL0N16");
    private const int Seed = 20_241_104;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await SeedAccountsAndEnterprisesAsync(ct);
        await DemoGateway.SeedAsync(db, options.Value.DemoPassword, DateTime.UtcNow, ct);
        await new DemoPool(db, scenarios).SeedAsync(ct);
        await new DemoProgrammes(db, TimeProvider.System).SeedAsync(ct);
        await demonstration.SeedAsync(ct);
    }

    private async Task SeedAccountsAndEnterprisesAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return;
        var password = options.Value.DemoPassword;
        var rng = new Random(Seed);
        var model = models.Latest("miit-sme-digital-level") ?? models.Models[0];

        var owner = await CreateUserAsync(DemoAccounts.Enterprise, password);
        foreach (var account in DemoAccounts.All.Where(a => a != DemoAccounts.Enterprise)) await CreateUserAsync(account, password);

        var demo = NewEnterprise("宁波示范精密机械有限公司", DemoCreditCode, "34", "330212", 180, 65_000_000m);
        db.Enterprises.Add(demo);
        owner.EnterpriseId = demo.Id;
        var now = DateTime.UtcNow;
        AddResult(demo, model, rng, 0.30, now.AddDays(-400), latest: false);
        AddResult(demo, model, rng, 0.45, now.AddDays(-30), latest: true);

        // peers: same division (34) and province (330000), spread over maturity; and a few elsewhere
        var cities = new[] { "330100", "330200", "330300", "330400", "330500", "330600", "330700" };
        for (var i = 0; i < 14; i++)
        {
            var peer = NewEnterprise($"浙江同行制造企业{i + 1:00}", CreditCodeFor(33, i), "34", cities[i % cities.Length], 30 + rng.Next(0, 900), rng.Next(400, 60_000) * 10_000m);
            db.Enterprises.Add(peer);
            AddResult(peer, model, rng, rng.NextDouble(), now.AddDays(-rng.Next(1, 300)), latest: true);
        }
        var elsewhere = new[] { ("440300", "39"), ("320500", "38"), ("370200", "26"), ("510100", "36") };
        for (var i = 0; i < elsewhere.Length; i++)
        {
            var (region, industry) = elsewhere[i];
            var e = NewEnterprise($"示范企业{region}", CreditCodeFor(int.Parse(region[..2]), 50 + i), industry, region, 120, 30_000_000m);
            db.Enterprises.Add(e);
            AddResult(e, model, rng, rng.NextDouble(), now.AddDays(-rng.Next(1, 200)), latest: true);
        }
        await db.SaveChangesAsync(ct);
        await users.UpdateAsync(owner);
        log.LogInformation("Demo data seeded: {Accounts} accounts, {Enterprises} enterprises.", DemoAccounts.All.Count, 1 + 14 + elsewhere.Length);
    }

    private async Task<PlatformUser> CreateUserAsync(DemoAccounts.Account account, string password)
    {
        var user = new PlatformUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName, RegionCode = account.RegionCode };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Demo account {account.Email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))} (check FactoryPath:DemoPassword).");
        await users.AddToRoleAsync(user, account.Role);
        return user;
    }

    private static Enterprise NewEnterprise(string name, string creditCode, string industry, string region, int employees, decimal revenue) => new()
    {
        Name = name, CreditCode = creditCode, IndustryCode = industry, RegionCode = region,
        ProvinceCode = RegionCatalog.ProvinceOf(region)?.Code ?? region[..2] + "0000",
        Employees = employees, AnnualRevenueCny = revenue, SizeClass = SizeClassifier.Classify(employees, revenue),
    };

    private void AddResult(Enterprise e, AssessmentModel model, Random rng, double maturity, DateTime at, bool latest)
    {
        var answers = DemoAnswers.Generate(model, rng, maturity);
        var scored = Scorer.Score(model, answers);
        var sheet = new AnswerSheet
        {
            EnterpriseId = e.Id, ModelId = model.Id, ModelVersion = model.Version, Status = AnswerSheetStatus.Submitted,
            AnswersJson = AssessmentJson.Serialize(answers), CreatedAt = at.AddHours(-2), UpdatedAt = at, SubmittedAt = at,
        };
        db.AnswerSheets.Add(sheet);
        db.Results.Add(new StoredResult
        {
            AnswerSheetId = sheet.Id, EnterpriseId = e.Id, ModelId = model.Id, ModelVersion = model.Version,
            Score = (double)scored.TotalScore, Level = scored.Level.Number, IndustryCode = e.IndustryCode, ProvinceCode = e.ProvinceCode,
            RegionCode = e.RegionCode, IsLatest = latest, SubmittedAt = at, ResultJson = AssessmentJson.Serialize(scored),
        });
    }

    /// <summary>A valid credit code (check character per GB 32100-2015) for generated enterprises.</summary>
    public static string CreditCodeFor(int province, int index) => WithCheckCharacter($"91{province:00}0000MA{index:0000000}");

    private static string WithCheckCharacter(string first17) => first17 + CreditCode.ComputeCheckCharacter(first17);
}
