using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Demo.Synthetic;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Production;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Tests.Demo;

/// <summary>The synthetic data set written by <c>factorypath gen</c>, on temporary SQLite files.</summary>
public sealed class SyntheticDataTests : IDisposable
{
    private static readonly SyntheticCounts Small = new(300, 20, 150, 40, 700, Demands: 120, Gateways: 6, MachinesPerGateway: 2, ProductionDays: 3, Accounts: true);
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
    private const string Password = "Gen#test-2026";
    private static readonly string Hash = SyntheticDataWriter.HashPassword(Password);
    private static readonly DateTime Until = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("factorypath-gen-").FullName;

    public void Dispose()
    {
        PlatformFactory.TryDelete(Path.Combine(_directory, "platform"));
        PlatformFactory.TryDelete(_directory);
    }

    [Fact]
    public async Task Writes_the_counts_with_valid_unique_credit_codes_and_unique_names_readable_by_the_platform()
    {
        await using var db = await GenerateAsync("a", seed: 42, Small);

        Assert.Equal(300, await db.Enterprises.CountAsync());
        Assert.Equal(20, await db.Providers.CountAsync());
        Assert.Equal(150, await db.Solutions.CountAsync());
        Assert.Equal(40, await db.Cases.CountAsync());
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync();
        var providers = await db.Providers.AsNoTracking().ToListAsync();
        var codes = enterprises.Select(e => e.CreditCode).Concat(providers.Select(p => p.CreditCode)).ToList();
        Assert.All(codes, c => Assert.True(CreditCode.Validate(c).IsValid, c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var names = enterprises.Select(e => e.Name).Concat(providers.Select(p => p.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith("有限公司", n, StringComparison.Ordinal));
        Assert.All(enterprises, e =>
        {
            Assert.True(IndustryCatalog.Find(e.IndustryCode) is { IsManufacturing: true }, e.IndustryCode);
            Assert.Equal(e.ProvinceCode, RegionCatalog.ProvinceOf(e.RegionCode)!.Code);
            Assert.Equal(SizeClassifier.Classify(e.Employees, e.AnnualRevenueCny), e.SizeClass);
        });
        // lists, enums and the owned KPI JSON come back through EF Core as written
        var solutions = await db.Solutions.AsNoTracking().ToListAsync();
        Assert.All(solutions, s => Assert.True(s.Scenarios.Count > 0 && s.PriceMinCny <= s.PriceMaxCny && s.ImplementationWeeks > 0));
        Assert.Contains(solutions, s => s.SizeClasses.Count > 0);
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        Assert.All(cases, c => Assert.InRange(c.Kpis.Count, 2, 4));
        Assert.Contains(cases, c => c.Tier is not null);
    }

    [Fact]
    public async Task Same_seed_gives_identical_rows_and_another_seed_different_ones()
    {
        await (await GenerateAsync("a", seed: 7, Small)).DisposeAsync();
        await (await GenerateAsync("b", seed: 7, Small)).DisposeAsync();
        await (await GenerateAsync("c", seed: 8, Small)).DisposeAsync();

        var a = Dump("a");
        Assert.True(a.Count > 510 + 700 * 2 + 2 * (300 + 20) + 120 + 6 + 6 * 2 * 24 * 3 * 3 / 4, $"{a.Count} rows");
        Assert.Contains(a, r => r.StartsWith("ProductionHours:", StringComparison.Ordinal));
        Assert.Contains(a, r => r.StartsWith("Projects:", StringComparison.Ordinal));
        Assert.Equal(a, Dump("b"));
        Assert.NotEqual(a, Dump("c"));
    }

    [Fact]
    public async Task Generated_data_is_recognised_and_force_replaces_only_it()
    {
        await using var db = await GenerateAsync("a", seed: 1, Small);
        var own = new Enterprise { Name = "手工录入有限公司", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "330200", ProvinceCode = "330000" };
        db.Enterprises.Add(own);
        db.Users.Add(new PlatformUser { UserName = "owner@demo.factorypath.cn", NormalizedUserName = "OWNER@DEMO.FACTORYPATH.CN", Email = "owner@demo.factorypath.cn", NormalizedEmail = "OWNER@DEMO.FACTORYPATH.CN", EnterpriseId = own.Id });
        db.Demands.Add(new Demand { EnterpriseId = own.Id, Title = "自己发布的需求", RegionCode = "330200", IndustryCode = "34", Scenarios = ["x"], Deadline = DateTime.UtcNow.AddDays(30) });
        await db.SaveChangesAsync();
        var writer = new SyntheticDataWriter(db);
        Assert.True(await writer.HoldsGeneratedDataAsync());

        await writer.DeleteGeneratedAsync();

        Assert.False(await writer.HoldsGeneratedDataAsync());
        Assert.Equal("手工录入有限公司", Assert.Single(await db.Enterprises.ToListAsync()).Name);
        Assert.Equal("owner@demo.factorypath.cn", Assert.Single(await db.Users.ToListAsync()).Email);
        Assert.Equal("自己发布的需求", Assert.Single(await db.Demands.ToListAsync()).Title);
        Assert.Equal(0, await db.UserRoles.CountAsync());
        Assert.Equal(0, await db.DemandRecipients.CountAsync());
        Assert.Equal(0, await db.Proposals.CountAsync());
        Assert.Equal(0, await db.Projects.CountAsync());
        Assert.Equal(0, await db.Gateways.CountAsync());
        Assert.Equal(0, await db.GatewaySnapshots.CountAsync());
        Assert.Equal(0, await db.ProductionHours.CountAsync());
        Assert.Equal(0, await db.ProductionDownHours.CountAsync());
        Assert.Equal(0, await db.Solutions.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Results.CountAsync());
        Assert.Equal(0, await db.AnswerSheets.CountAsync());
    }

    [Fact]
    public async Task Results_have_history_one_latest_per_model_and_read_back_as_scored()
    {
        await using var db = await GenerateAsync("a", seed: 5, Small);
        await AssertResultsAsync(db, Small);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_results_are_copied_in_and_read_back_the_same()
    {
        var name = $"fp_gen_{Guid.NewGuid():N}"[..30];
        try
        {
            await using var pg = TestPostgres.Context(TestPostgres.CreateEmpty(name));
            await pg.Database.MigrateAsync();
            var counts = new SyntheticCounts(150, 10, 30, 0, 500, Demands: 60, Gateways: 4, MachinesPerGateway: 2, ProductionDays: 2, Accounts: true);
            await new SyntheticDataWriter(pg).WriteAsync(SyntheticDataWriter.Generator(5, Models, Hash, Until), counts);
            await AssertResultsAsync(pg, counts);
            await AssertPlatformRowsAsync(pg, counts);
        }
        finally
        {
            TestPostgres.Drop(name);
        }
    }

    [Fact]
    public async Task Accounts_demands_projects_and_production_hang_together()
    {
        await using var db = await GenerateAsync("a", seed: 9, Small);
        await AssertPlatformRowsAsync(db, Small);
    }

    /// <summary>What the platform relies on in the generated accounts, demands, projects, gateways and production.</summary>
    private static async Task AssertPlatformRowsAsync(PlatformDbContext db, SyntheticCounts counts)
    {
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => EF.Functions.Like(e.CreditCode, SyntheticDataGenerator.CreditCodePattern)).ToListAsync();
        var users = await db.Users.AsNoTracking().ToListAsync();
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!);
        var userRoles = await db.UserRoles.AsNoTracking().ToDictionaryAsync(r => r.UserId, r => roles[r.RoleId]);
        var regions = enterprises.Select(e => e.ProvinceCode).Concat(enterprises.Select(e => RegionCatalog.PrefectureOf(e.RegionCode)!.Code)).Distinct().ToList();
        Assert.Equal(counts.Enterprises + counts.Providers + regions.Count + 1, users.Count);
        Assert.Equal(users.Count, userRoles.Count);
        Assert.Equal(users.Count, users.Select(u => u.SecurityStamp).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u.ConcurrencyStamp).Distinct().Count());
        Assert.All(users, u => Assert.Equal(Hash, u.PasswordHash));
        Assert.All(users, u => Assert.Equal(u.Email!.ToUpperInvariant(), u.NormalizedUserName));
        var owners = users.Where(u => userRoles[u.Id] == PlatformRoles.EnterpriseUser).ToList();
        Assert.Equal(enterprises.Select(e => e.Id).Order(), owners.Select(u => u.EnterpriseId!.Value).Order());
        Assert.Contains(owners, u => u.Email == SyntheticDataGenerator.OwnerEmail(1));
        Assert.Equal(counts.Providers, users.Count(u => userRoles[u.Id] == PlatformRoles.ServiceProvider && u.ProviderId is not null));
        Assert.Equal(regions.Order(), users.Where(u => userRoles[u.Id] == PlatformRoles.RegionalAdmin).Select(u => u.RegionCode!).Order());
        Assert.Equal(SyntheticDataGenerator.OperatorEmail, Assert.Single(users, u => userRoles[u.Id] == PlatformRoles.PlatformAdmin).Email);

        var demands = await db.Demands.AsNoTracking().ToListAsync();
        var proposals = await db.Proposals.AsNoTracking().ToListAsync();
        var projects = await db.Projects.AsNoTracking().ToListAsync();
        var recipients = await db.DemandRecipients.AsNoTracking().ToListAsync();
        Assert.Equal(counts.Demands, demands.Count);
        var byId = enterprises.ToDictionary(e => e.Id);
        Assert.All(demands, d =>
        {
            var e = byId[d.EnterpriseId];
            Assert.Equal((e.RegionCode, e.IndustryCode, e.SizeClass), (d.RegionCode, d.IndustryCode, d.SizeClass));
            Assert.True(d.BudgetMinCny <= d.BudgetMaxCny && d.Scenarios.Count > 0 && d.Description.Length > 0);
            var accepted = proposals.Count(p => p.DemandId == d.Id && p.Status == ProposalStatus.Accepted);
            Assert.Equal(d.Status == DemandStatus.Awarded ? 1 : 0, accepted);
            Assert.Equal(d.Status == DemandStatus.Awarded ? 1 : 0, projects.Count(p => p.DemandId == d.Id));
        });
        Assert.All(proposals, p => Assert.Contains(recipients, r => r.DemandId == p.DemandId && r.ProviderId == p.ProviderId));
        Assert.All(projects, p =>
        {
            var proposal = proposals.Single(x => x.Id == p.ProposalId);
            Assert.Equal((ProposalStatus.Accepted, proposal.ProviderId, proposal.PriceCny), (proposal.Status, p.ProviderId, p.PriceCny));
            Assert.Equal(p.Status == ProjectStatus.Completed, p.CompletedAt is not null && p.Rating is not null && p.Outcomes.Count > 0);
        });
        Assert.True(demands.Any(d => d.Status == DemandStatus.Open) && demands.Any(d => d.Status == DemandStatus.Awarded), "open and awarded demands");

        var gateways = await db.Gateways.AsNoTracking().OrderBy(g => g.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(1, counts.Gateways).Select(SyntheticDataGenerator.GatewayId), gateways.Select(g => g.Id));
        var hours = await db.ProductionHours.AsNoTracking().ToListAsync();
        // the equipment register each gateway reported (the KPI evidence's source) names the machines the hours are of
        var snapshots = await db.GatewaySnapshots.AsNoTracking().ToListAsync();
        Assert.Equal(gateways.Count, snapshots.Count(s => s.Kind == UplinkKinds.Register));
        foreach (var snapshot in snapshots)
        {
            var register = JsonSerializer.Deserialize<EquipmentRegisterReport>(snapshot.Json, UplinkJson.Options)!;
            Assert.Equal(hours.Where(h => h.GatewayId == snapshot.GatewayId).Select(h => h.AssetPath).Distinct().Order(),
                register.Items.Where(i => i.Networked).Select(i => i.AssetPath).Order());
            Assert.InRange(register.Total - register.Digital, 1, 3);
        }

        Assert.InRange(hours.Count, counts.ProductionHoursAtMost * 3 / 4, counts.ProductionHoursAtMost);
        Assert.All(hours, h =>
        {
            Assert.Equal(h.PlannedBusyMs, h.RunningMs + h.DownMs + h.SetupMs + h.IdleMs + h.UnknownMs);
            Assert.True(h.RunningMs >= 0 && h.IdealProductionSeconds * 1000 <= h.RunningMs && h.Scrap <= h.Good, "time elements and counts in range");
            Assert.Equal(gateways.Single(g => g.Id == h.GatewayId).EnterpriseId, h.EnterpriseId);
            Assert.InRange(h.HourStart, Until.AddDays(-counts.ProductionDays), Until.AddHours(-1));
            Assert.Equal(h.HourStart.Hour < 12 ? "day" : "night", h.Shift);
        });
        var running = hours.Sum(h => (double)h.RunningMs);
        var oee = running / hours.Sum(h => (double)h.PlannedBusyMs) * (hours.Sum(h => h.IdealProductionSeconds) * 1000 / running) * hours.Sum(h => (double)h.Good) / hours.Sum(h => (double)(h.Good + h.Scrap));
        Assert.InRange(oee, 0.45, 0.92);
        var down = await db.ProductionDownHours.AsNoTracking().ToListAsync();
        Assert.NotEmpty(down);
        Assert.Equal(hours.Sum(h => h.DownMs), down.Sum(d => d.DownMs));
    }

    private static async Task AssertResultsAsync(PlatformDbContext db, SyntheticCounts counts)
    {
        var enterprises = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id);
        var results = await db.Results.AsNoTracking().ToListAsync();
        var sheets = await db.AnswerSheets.AsNoTracking().ToDictionaryAsync(s => s.Id);
        Assert.Equal(counts.Results, results.Count);
        Assert.Equal(counts.Results, sheets.Count);
        // every enterprise has counts.Results / counts.Enterprises results, the first ones one more
        var perEnterprise = results.GroupBy(r => r.EnterpriseId).Select(g => g.Count()).ToList();
        Assert.Equal(counts.Enterprises, perEnterprise.Count);
        Assert.InRange(perEnterprise.Min(), counts.Results / counts.Enterprises, counts.Results / counts.Enterprises + 1);
        Assert.InRange(perEnterprise.Max(), counts.Results / counts.Enterprises, counts.Results / counts.Enterprises + 1);
        Assert.Equal(2, results.Select(r => r.ModelId).Distinct().Count());
        Assert.True(results.Count(r => r.ModelId == SyntheticDataWriter.PrimaryModelId) > results.Count / 2);
        foreach (var group in results.GroupBy(r => (r.EnterpriseId, r.ModelId)))
        {
            var latest = Assert.Single(group, r => r.IsLatest);
            Assert.Equal(group.Max(r => r.SubmittedAt), latest.SubmittedAt);
        }

        foreach (var r in results)
        {
            var enterprise = enterprises[r.EnterpriseId];
            var sheet = sheets[r.AnswerSheetId];
            Assert.Equal((enterprise.Id, r.ModelId, AnswerSheetStatus.Submitted), (sheet.EnterpriseId, sheet.ModelId, sheet.Status));
            Assert.Equal((enterprise.IndustryCode, enterprise.RegionCode, enterprise.ProvinceCode), (r.IndustryCode, r.RegionCode, r.ProvinceCode));
            Assert.InRange(r.SubmittedAt, enterprise.CreatedAt.AddMinutes(-1), SyntheticDataGenerator.ResultsUntil);
            Assert.Equal(r.SubmittedAt, sheet.SubmittedAt);
        }

        // the stored result is what the scorer makes of the stored answers
        foreach (var r in results.Take(40))
        {
            var model = Models.Find(r.ModelId, r.ModelVersion)!;
            var rescored = Scorer.Score(model, AssessmentJson.Deserialize<AnswerSheetData>(sheets[r.AnswerSheetId].AnswersJson)!);
            var stored = AssessmentJson.Deserialize<AssessmentResult>(r.ResultJson)!;
            Assert.Equal(rescored.TotalScore, stored.TotalScore);
            Assert.Equal(rescored.Level.Number, r.Level);
            Assert.Equal((double)rescored.TotalScore, r.Score, 6);
        }

        Assert.True(results.Where(r => r.IsLatest).Select(r => r.Level).Distinct().Count() >= 3, "latest results spread over the levels");
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, "0 or more")]
    [InlineData(0, 0, 5, 0, "solutions need at least one provider")]
    [InlineData(0, 1, 1, 1, "cases need at least one enterprise")]
    [InlineData(0, 0, 0, 0, "results need at least one enterprise", 1)]
    [InlineData(2, 0, 0, 0, "at most 20 results per enterprise", 41)]
    [InlineData(2, 0, 0, 0, "0 or more", -1)]
    [InlineData(0, 0, 0, 0, "demands need at least one enterprise", 0, 1)]
    [InlineData(2, 0, 0, 0, "at most 20 demands per enterprise", 0, 41)]
    [InlineData(2, 0, 0, 0, "at most as many gateways as enterprises", 0, 0, 3)]
    [InlineData(2, 0, 0, 0, "machines per gateway must lie between 1 and 50", 0, 0, 1, 0)]
    [InlineData(2, 0, 0, 0, "machines per gateway must lie between 1 and 50", 0, 0, 1, 51)]
    [InlineData(2, 0, 0, 0, "production days must lie between 0 and 92", 0, 0, 1, 3, 93)]
    [InlineData(2, 0, 0, 0, "0 or more", 0, -1)]
    public void Impossible_counts_are_refused(int enterprises, int providers, int solutions, int cases, string message, int results = 0, int demands = 0, int gateways = 0,
        int machines = 3, int days = 30)
    {
        Assert.Contains(message, new SyntheticCounts(enterprises, providers, solutions, cases, results, demands, gateways, machines, days).Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platform_starts_on_a_generated_database_and_prices_roadmaps_from_its_solutions()
    {
        // The pool API is not on main yet, so the check goes through the roadmap, which reads every solution.
        var dataDir = Path.Combine(_directory, "platform");
        Directory.CreateDirectory(dataDir);
        if (TestPostgres.PlatformOnPostgres)
        {
            // the platform's own PostgreSQL database (the one PlatformFactory will use for this folder)
            await using var pg = TestPostgres.Context(TestPostgres.ConnectionStringFor(dataDir));
            await pg.Database.MigrateAsync();
            await new SyntheticDataWriter(pg).WriteAsync(SyntheticDataWriter.Generator(3), new SyntheticCounts(200, 40, 3_000, 20));
        }
        else
        {
            await (await GenerateAsync(Path.Combine("platform", "factorypath"), seed: 3, new SyntheticCounts(200, 40, 3_000, 20))).DisposeAsync();
        }

        using var factory = new PlatformFactory(dataDir);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(3_000, await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Solutions.CountAsync());
        }

        var client = await ApiClient.RegisterAsync(factory, Codes.Email("owner"));
        var enterpriseId = (await client.CreateEnterpriseAsync("生成数据测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var sheetId = (await client.StartSheetAsync(enterpriseId, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        var model = factory.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
        await client.SaveAsync(sheetId, DemoAnswers.Generate(model, new Random(5), 0.3));
        var resultId = (await ApiClient.ReadAsync(await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null))).GetProperty("summary").GetProperty("id").GetGuid();

        var roadmap = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));

        Assert.Contains(roadmap.GetProperty("steps").EnumerateArray(), s => s.GetProperty("cost").ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task A_generated_owner_signs_in_and_reads_its_demands_projects_and_production_and_a_regional_admin_counts_the_demands()
    {
        var dataDir = Path.Combine(_directory, "platform");
        Directory.CreateDirectory(dataDir);
        // production up to the start of today, so the dashboards' "30 days" range holds it
        var until = DateTime.UtcNow.Date;
        var counts = new SyntheticCounts(60, 8, 30, 0, 0, Demands: 400, Gateways: 2, MachinesPerGateway: 2, ProductionDays: 3, Accounts: true);
        var generator = SyntheticDataWriter.Generator(11, Models, Hash, until);
        if (TestPostgres.PlatformOnPostgres)
        {
            await using var pg = TestPostgres.Context(TestPostgres.ConnectionStringFor(dataDir));
            await pg.Database.MigrateAsync();
            await new SyntheticDataWriter(pg).WriteAsync(generator, counts);
        }
        else
        {
            await using var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(dataDir, "factorypath.db")}").Options);
            await db.Database.MigrateAsync();
            await new SyntheticDataWriter(db).WriteAsync(generator, counts);
        }

        using var factory = new PlatformFactory(dataDir);
        Guid enterpriseId;
        Guid demandId;
        int demandCount;
        int inboxCount;
        Guid? projectId;
        string province;
        int provinceDemands;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            // the owner of the first enterprise has the first gateway and so production
            var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == SyntheticDataGenerator.OwnerEmail(1));
            enterpriseId = owner.EnterpriseId!.Value;
            demandCount = await db.Demands.CountAsync(d => d.EnterpriseId == enterpriseId);
            demandId = await db.Demands.Where(d => d.EnterpriseId == enterpriseId).Select(d => d.Id).FirstAsync();
            var provider = await db.Users.AsNoTracking().SingleAsync(u => u.Email == SyntheticDataGenerator.ProviderEmail(1));
            inboxCount = await db.DemandRecipients.CountAsync(r => r.ProviderId == provider.ProviderId);
            projectId = await db.Projects.Where(p => p.EnterpriseId == enterpriseId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
            // the province whose enterprises posted most: enough of them that the console shows the count (cells under 5 are hidden)
            var posted = await (from d in db.Demands join e in db.Enterprises on d.EnterpriseId equals e.Id select new { e.ProvinceCode, d.EnterpriseId }).ToListAsync();
            var top = posted.GroupBy(p => p.ProvinceCode).OrderByDescending(g => g.Select(p => p.EnterpriseId).Distinct().Count()).First();
            Assert.True(top.Select(p => p.EnterpriseId).Distinct().Count() >= 5, "a province with five posting enterprises");
            (province, provinceDemands) = (top.Key, top.Count());
        }

        var client = await ApiClient.SignInAsync(factory, SyntheticDataGenerator.OwnerEmail(1), Password);
        var listed = await ApiClient.ReadAsync(await client.Http.GetAsync("/api/v1/demands?pageSize=100"));
        Assert.Equal(demandCount, listed.GetProperty("total").GetInt32());
        Assert.True(demandCount > 0, "400 demands over 60 enterprises reach the first");
        var projects = await ApiClient.ReadAsync(await client.Http.GetAsync("/api/v1/projects"));
        Assert.Equal(projectId is null ? 0 : 1, Math.Min(1, projects.GetProperty("total").GetInt32()));
        var from = Uri.EscapeDataString(until.AddDays(-3).ToString("O"));
        var to = Uri.EscapeDataString(until.ToString("O"));
        var summary = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/production/summary?from={from}&to={to}"));
        Assert.InRange(summary.GetProperty("total").GetProperty("oee").GetDouble(), 0.3, 0.95);
        Assert.True(summary.GetProperty("total").GetProperty("energyPerGoodUnit").GetDouble() > 0);
        var pareto = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/production/pareto?from={from}&to={to}"));
        Assert.True(pareto.GetProperty("totalDownMs").GetInt64() > 0);
        // the KPI evidence counts the machines of the gateway's register: two networked, one to three manual
        var evidence = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/enterprises/{enterpriseId}/evidence"));
        Assert.Equal(2, evidence.GetProperty("equipment").GetProperty("networked").GetInt32());
        Assert.InRange(evidence.GetProperty("equipment").GetProperty("total").GetInt32(), 3, 5);

        var pages = await PageClient.SignedInAsync(factory, SyntheticDataGenerator.OwnerEmail(1), Password);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/production?range=30d")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/demands")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync($"/demands/{demandId}")).StatusCode);

        var providerClient = await ApiClient.SignInAsync(factory, SyntheticDataGenerator.ProviderEmail(1), Password);
        var inbox = await ApiClient.ReadAsync(await providerClient.Http.GetAsync("/api/v1/inbox"));
        Assert.Equal(inboxCount, inbox.GetProperty("total").GetInt32());
        Assert.True(inboxCount > 0, "400 demands, each sent to 2–5 of 8 providers, reach the first");
        if (projectId is { } id) Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync($"/projects/{id}")).StatusCode);

        var admin = await ApiClient.SignInAsync(factory, SyntheticDataGenerator.AdminEmail(province), Password);
        var market = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/region/{province}/market"));
        Assert.Equal(provinceDemands, market.GetProperty("items").GetProperty("posted").GetProperty("demands").GetProperty("count").GetInt32());
        var pagesAdmin = await PageClient.SignedInAsync(factory, SyntheticDataGenerator.AdminEmail(province), Password);
        Assert.Equal(HttpStatusCode.OK, (await pagesAdmin.Http.GetAsync($"/region/{province}")).StatusCode);
    }

    private async Task<PlatformDbContext> GenerateAsync(string name, int seed, SyntheticCounts counts)
    {
        var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, name + ".db")}").Options);
        await db.Database.MigrateAsync();
        await new SyntheticDataWriter(db).WriteAsync(SyntheticDataWriter.Generator(seed, Models, Hash, Until), counts);
        return db;
    }

    /// <summary>Every row of the four tables as text, in id order.</summary>
    private List<string> Dump(string name)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, name + ".db")};Pooling=False");
        connection.Open();
        var rows = new List<string>();
        foreach (var table in new[]
                 {
                     "Enterprises", "Providers", "Solutions", "Cases", "AnswerSheets", "Results", "AspNetUsers", "AspNetUserRoles", "Demands", "DemandRecipients", "Proposals",
                     "Projects", "Gateways", "GatewaySnapshots", "ProductionHours", "ProductionDownHours",
                 })
        {
            using var command = connection.CreateCommand();
            command.CommandText = table switch
            {
                // role ids are the database's own (made when its roles are first created); the role name is what the row means
                "GatewaySnapshots" => "SELECT * FROM \"GatewaySnapshots\" ORDER BY \"GatewayId\"",
                "AspNetUserRoles" => "SELECT ur.\"UserId\", r.\"Name\" FROM \"AspNetUserRoles\" ur JOIN \"AspNetRoles\" r ON r.\"Id\" = ur.\"RoleId\" ORDER BY ur.\"UserId\"",
                _ => $"SELECT * FROM \"{table}\" ORDER BY \"Id\"",
            };
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(table + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString())));
            }
        }

        return rows;
    }
}
