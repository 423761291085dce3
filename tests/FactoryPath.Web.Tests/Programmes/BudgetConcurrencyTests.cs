using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Programmes;

/// <summary>
/// Approvals racing for one programme's budget, each on its own connection as concurrent requests are, directly on a
/// migrated SQLite file and on PostgreSQL: the approved total never exceeds the budget and always equals the sum of
/// the approved applications; one application is approved at most once.
/// </summary>
public sealed class BudgetConcurrencyTests
{
    private static readonly Viewer Operator = new("operator", "operator@test.factorypath.cn", new HashSet<string> { PlatformRoles.PlatformAdmin }, null, null);

    [Fact]
    public Task Sqlite_two_approvals_at_once_that_together_exceed_the_budget_let_exactly_one_through() => WithDatabase(Sqlite, TwoAtOnceAsync);

    [PostgresFact]
    public Task Postgres_two_approvals_at_once_that_together_exceed_the_budget_let_exactly_one_through() => WithDatabase(Postgres, TwoAtOnceAsync);

    [Fact]
    public Task Sqlite_twenty_concurrent_approvals_never_exceed_the_budget() => WithDatabase(Sqlite, TwentyAtOnceAsync);

    [PostgresFact]
    public Task Postgres_twenty_concurrent_approvals_never_exceed_the_budget() => WithDatabase(Postgres, TwentyAtOnceAsync);

    [Fact]
    public Task Sqlite_the_same_application_approved_twice_at_once_is_approved_once() => WithDatabase(Sqlite, SameApplicationTwiceAsync);

    [PostgresFact]
    public Task Postgres_the_same_application_approved_twice_at_once_is_approved_once() => WithDatabase(Postgres, SameApplicationTwiceAsync);

    private static async Task TwoAtOnceAsync(Func<PlatformDbContext> open)
    {
        var (programme, applications) = await SeedAsync(open, budget: 100_000, requested: [60_000, 60_000]);
        var outcomes = await RaceAsync(open, applications);
        Assert.Equal(1, outcomes.Count(o => o.IsOk));
        var refused = Assert.Single(outcomes, o => !o.IsOk);
        Assert.Equal(Platform.OutcomeKind.Conflict, refused.Kind);
        Assert.Contains("40000", refused.Message);
        await AssertConsistentAsync(open, programme, budget: 100_000, expectedApproved: 60_000);
    }

    private static async Task TwentyAtOnceAsync(Func<PlatformDbContext> open)
    {
        // 20 applications of 7,000 … 26,000 yuan against 150,000: some fit, the rest must be refused
        var requested = Enumerable.Range(0, 20).Select(i => 7_000L + i * 1_000).ToArray();
        var (programme, applications) = await SeedAsync(open, budget: 150_000, requested);
        var outcomes = await RaceAsync(open, applications);
        Assert.All(outcomes, o => Assert.True(o.IsOk || o.Kind == Platform.OutcomeKind.Conflict, o.Message));
        Assert.Contains(outcomes, o => o.IsOk);
        Assert.Contains(outcomes, o => !o.IsOk);
        var approved = outcomes.Where(o => o.IsOk).Sum(o => o.Value!.GrantedCny!.Value);
        Assert.True(approved <= 150_000, $"approved {approved}");
        await AssertConsistentAsync(open, programme, budget: 150_000, expectedApproved: approved);
    }

    private static async Task SameApplicationTwiceAsync(Func<PlatformDbContext> open)
    {
        var (programme, applications) = await SeedAsync(open, budget: 1_000_000, requested: [50_000]);
        var outcomes = await RaceAsync(open, [applications[0], applications[0], applications[0]]);
        Assert.Equal(1, outcomes.Count(o => o.IsOk));
        await AssertConsistentAsync(open, programme, budget: 1_000_000, expectedApproved: 50_000);
    }

    /// <summary>Starts every approval together, each with its own context (connection), and waits for all.</summary>
    private static async Task<Platform.Outcome<ApplicationView>[]> RaceAsync(Func<PlatformDbContext> open, IReadOnlyList<Guid> applications)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = applications.Select(id => Task.Run(async () =>
        {
            await using var db = open();
            var service = new ApplicationService(db, new ProgrammeService(db, new ModelRegistry([]), TimeProvider.System), TimeProvider.System,
                new FactoryPath.Web.Enterprises.Audit.AdminReadLog(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<FactoryPath.Web.Enterprises.Audit.AdminReadLog>.Instance));
            start.Wait();
            return await service.ApproveAsync(Operator, id, new ApprovalInput());
        })).ToList();
        start.Set();
        return await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));
    }

    private static async Task AssertConsistentAsync(Func<PlatformDbContext> open, Guid programme, long budget, long expectedApproved)
    {
        await using var db = open();
        var total = await db.Programmes.Where(p => p.Id == programme).Select(p => p.ApprovedCny).SingleAsync();
        var granted = await db.ProgrammeApplications.Where(a => a.ProgrammeId == programme && a.Status == ApplicationStatus.Approved).SumAsync(a => a.GrantedCny ?? 0);
        Assert.Equal(expectedApproved, total);
        Assert.Equal(total, granted);
        Assert.True(total <= budget);
    }

    private static async Task<(Guid Programme, List<Guid> Applications)> SeedAsync(Func<PlatformDbContext> open, long budget, IReadOnlyList<long> requested)
    {
        await using var db = open();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var programme = new SupportProgramme
        {
            NameZh = "并发测试券", NameEn = "Race voucher", DescriptionZh = "测试", DescriptionEn = "Test", RegionCode = "330200",
            BudgetCny = budget, MaxPerApplicationCny = budget, OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30),
        };
        db.Programmes.Add(programme);
        var ids = new List<Guid>();
        for (var i = 0; i < requested.Count; i++)
        {
            var enterprise = new Enterprise
            {
                Name = $"并发企业{i}", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "330212", ProvinceCode = "330000",
                Employees = 50, AnnualRevenueCny = 10_000_000m, SizeClass = SizeClass.Small,
            };
            db.Enterprises.Add(enterprise);
            var application = new ProgrammeApplication { ProgrammeId = programme.Id, EnterpriseId = enterprise.Id, RequestedCny = requested[i], Purpose = "设备联网" };
            db.ProgrammeApplications.Add(application);
            ids.Add(application.Id);
        }
        await db.SaveChangesAsync();
        return (programme.Id, ids);
    }

    private sealed record Database(Func<PlatformDbContext> Open, Action Cleanup);

    /// <summary>A migrated SQLite file in a temporary folder, as the platform uses by default.</summary>
    private static Database Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={Path.Combine(dir, "budget.db")};Pooling=True").Options;
        using (var db = new PlatformDbContext(options)) db.Database.Migrate();
        return new Database(() => new PlatformDbContext(options), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        });
    }

    /// <summary>A migrated PostgreSQL database of its own, dropped afterwards.</summary>
    private static Database Postgres()
    {
        var name = $"fp_budget_{Guid.NewGuid():N}"[..30];
        var cs = TestPostgres.CreateEmpty(name);
        using (var db = TestPostgres.Context(cs)) db.Database.Migrate();
        return new Database(() => TestPostgres.Context(cs), () => TestPostgres.Drop(name));
    }

    private static async Task WithDatabase(Func<Database> create, Func<Func<PlatformDbContext>, Task> test)
    {
        var database = create();
        try
        {
            await test(database.Open);
        }
        finally
        {
            database.Cleanup();
        }
    }
}
