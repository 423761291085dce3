using System.Globalization;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Demonstration;

/// <summary>
/// Two reviewers deciding on one submitted application at the same moment, each through its own context (connection) as
/// two requests are, on the suite's database (SQLite, and PostgreSQL in the second run). A gate holds both saves until
/// both reviewers have read the application as submitted, so the race is decided by the concurrency token and not by
/// who read first: exactly one decision lands, the other is a conflict with a message in the reviewer's language, and
/// the application and its thread hold only the winner's decision.
/// </summary>
public sealed class DecisionConcurrencyTests : IClassFixture<DecisionConcurrencyTests.World>
{
    private readonly World _w;

    public DecisionConcurrencyTests(World world) => _w = world;

    public sealed class World : IDisposable
    {
        public PlatformFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    // the basic tier is reviewed by the city (or province): Zhejiang's and Ningbo's administrators may both decide on a Ningbo enterprise
    private static readonly Viewer Zhejiang = new("reviewer-zj", "zj@test.factorypath.cn", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, "330000");
    private static readonly Viewer Ningbo = new("reviewer-nb", "nb@test.factorypath.cn", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, "330200");

    public static TheoryData<ApplicationStatus, ApplicationStatus, string> Pairs => new()
    {
        { ApplicationStatus.Approved, ApplicationStatus.Rejected, "zh-CN" },
        { ApplicationStatus.Approved, ApplicationStatus.Approved, "en" },
        { ApplicationStatus.Approved, ApplicationStatus.Returned, "en" },
        { ApplicationStatus.Rejected, ApplicationStatus.Returned, "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Two_decisions_at_once_land_exactly_one(ApplicationStatus first, ApplicationStatus second, string culture)
    {
        var application = await SeedAsync();
        var gate = new SaveGate(2);
        var decisions = new[] { (Zhejiang, first, "省级意见：" + first), (Ningbo, second, "市级意见：" + second) };
        var outcomes = await Task.WhenAll(decisions.Select(d => Task.Run(() => DecideAsync(gate, d.Item1, application, d.Item2, d.Item3, culture))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        var won = Assert.Single(outcomes, o => o.IsOk);
        var lost = Assert.Single(outcomes, o => !o.IsOk);
        Assert.Equal(OutcomeKind.Conflict, lost.Kind);
        Assert.Equal(culture == "en" ? "The application was changed meanwhile; reload it and try again." : "该申报刚被他人更改，请刷新后再试。", lost.Message);
        var winner = decisions[Array.IndexOf(outcomes, won)];

        using var scope = _w.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.DemonstrationApplications.AsNoTracking().SingleAsync(a => a.Id == application);
        Assert.Equal(winner.Item2, stored.Status);
        Assert.Equal(winner.Item1.UserId, stored.DecidedByUserId);
        Assert.Equal(1, stored.Version);
        var thread = await db.DemonstrationComments.AsNoTracking().Where(c => c.ApplicationId == application).OrderBy(c => c.At).ToListAsync();
        var decision = Assert.Single(thread, c => c.Decision is not null and not ApplicationStatus.Submitted);
        Assert.Equal(winner.Item2, decision.Decision);
        Assert.Equal(winner.Item3, decision.Text);
        Assert.Equal(winner.Item1.UserId, decision.AuthorUserId);
    }

    [Fact]
    public async Task Two_decisions_posted_at_once_through_the_api_give_one_200_and_one_409()
    {
        var application = await SeedAsync();
        var reviewers = new[] { await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000"), await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330200") };
        using var start = new ManualResetEventSlim(false);
        var bodies = new object[] { new { decision = "Approved", comment = "同意" }, new { decision = "Rejected", comment = "材料不足" } };
        var posts = reviewers.Select((r, i) => Task.Run(async () =>
        {
            start.Wait();
            return await r.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{application}/decision", bodies[i]);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(posts).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await ApiClient.ReadAsync(conflict)).GetProperty("detail").GetString()));
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK) == 0 ? ApplicationStatus.Approved : ApplicationStatus.Rejected;

        using var scope = _w.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(winner, (await db.DemonstrationApplications.AsNoTracking().SingleAsync(a => a.Id == application)).Status);
        var decisions = await db.DemonstrationComments.AsNoTracking()
            .Where(c => c.ApplicationId == application && c.Decision != null && c.Decision != ApplicationStatus.Submitted).ToListAsync();
        Assert.Equal(winner, Assert.Single(decisions).Decision);
    }

    /// <summary>Decides through a service of its own scope, on a context of its own that waits at <paramref name="gate"/> before saving.</summary>
    private async Task<Outcome<DemonstrationApplication>> DecideAsync(SaveGate gate, Viewer viewer, Guid application, ApplicationStatus decision, string comment, string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        using var scope = _w.Factory.Services.CreateScope();
        await using var db = GatedContext(scope.ServiceProvider.GetRequiredService<PlatformDatabase>(), gate);
        var service = ActivatorUtilities.CreateInstance<DemonstrationService>(scope.ServiceProvider, db);
        return await service.DecideAsync(viewer, application, decision, comment);
    }

    private static PlatformDbContext GatedContext(PlatformDatabase database, SaveGate gate)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresPlatformDbContext>();
            database.Configure(pg);
            return new PostgresPlatformDbContext(pg.AddInterceptors(gate).Options);
        }
        var sqlite = new DbContextOptionsBuilder<PlatformDbContext>();
        database.Configure(sqlite);
        return new PlatformDbContext(sqlite.AddInterceptors(gate).Options);
    }

    /// <summary>A Ningbo enterprise with a submitted application for the basic tier.</summary>
    private async Task<Guid> SeedAsync()
    {
        using var scope = _w.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var enterprise = new Enterprise { Name = $"并发审核{Guid.NewGuid():N}"[..12], CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = "330212", ProvinceCode = "330000" };
        db.Enterprises.Add(enterprise);
        var now = DateTime.UtcNow;
        var application = new DemonstrationApplication
        {
            EnterpriseId = enterprise.Id, Tier = DemonstrationTier.SmartFactoryBasic, Status = ApplicationStatus.Submitted, Statement = "申报",
            SubmittedByUserId = "owner", CreatedAt = now, SubmittedAt = now, UpdatedAt = now,
        };
        db.DemonstrationApplications.Add(application);
        db.DemonstrationComments.Add(new ApplicationComment { ApplicationId = application.Id, At = now, AuthorUserId = "owner", AuthorName = "owner", AuthorRole = "enterprise", Decision = ApplicationStatus.Submitted, Text = "申报" });
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>Holds every save until <c>parties</c> saves have arrived, then lets them all go together.</summary>
    private sealed class SaveGate(int parties) : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _arrived) == parties) _all.TrySetResult();
            await _all.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            return result;
        }
    }
}
