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

namespace FactoryPath.Web.Tests.Demo;

/// <summary>The synthetic data set written by <c>factorypath gen</c>, on temporary SQLite files.</summary>
public sealed class SyntheticDataTests : IDisposable
{
    private static readonly SyntheticCounts Small = new(300, 20, 150, 40, 700);
    private static readonly ModelRegistry Models = ModelRegistry.LoadDirectory(PlatformFactory.ModelsDirectory).Registry;
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
        Assert.Equal(510 + 700 * 2, a.Count);
        Assert.Equal(a, Dump("b"));
        Assert.NotEqual(a, Dump("c"));
    }

    [Fact]
    public async Task Generated_data_is_recognised_and_force_replaces_only_it()
    {
        await using var db = await GenerateAsync("a", seed: 1, Small);
        db.Enterprises.Add(new Enterprise { Name = "手工录入有限公司", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "330200", ProvinceCode = "330000" });
        await db.SaveChangesAsync();
        var writer = new SyntheticDataWriter(db);
        Assert.True(await writer.HoldsGeneratedDataAsync());

        await writer.DeleteGeneratedAsync();

        Assert.False(await writer.HoldsGeneratedDataAsync());
        Assert.Equal("手工录入有限公司", Assert.Single(await db.Enterprises.ToListAsync()).Name);
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
            var counts = new SyntheticCounts(150, 0, 0, 0, 500);
            await new SyntheticDataWriter(pg).WriteAsync(SyntheticDataWriter.Generator(5, Models), counts);
            await AssertResultsAsync(pg, counts);
        }
        finally
        {
            TestPostgres.Drop(name);
        }
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
    public void Impossible_counts_are_refused(int enterprises, int providers, int solutions, int cases, string message, int results = 0)
    {
        Assert.Contains(message, new SyntheticCounts(enterprises, providers, solutions, cases, results).Problem(), StringComparison.Ordinal);
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

    private async Task<PlatformDbContext> GenerateAsync(string name, int seed, SyntheticCounts counts)
    {
        var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, name + ".db")}").Options);
        await db.Database.MigrateAsync();
        await new SyntheticDataWriter(db).WriteAsync(SyntheticDataWriter.Generator(seed, Models), counts);
        return db;
    }

    /// <summary>Every row of the four tables as text, in id order.</summary>
    private List<string> Dump(string name)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, name + ".db")};Pooling=False");
        connection.Open();
        var rows = new List<string>();
        foreach (var table in new[] { "Enterprises", "Providers", "Solutions", "Cases", "AnswerSheets", "Results" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(table + ":" + string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString())));
            }
        }

        return rows;
    }
}
