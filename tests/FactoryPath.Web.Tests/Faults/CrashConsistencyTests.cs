using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Programmes;
using FactoryPath.Web.Regional;
using FactoryPath.Web.Tests.Catalog.Import;
using FactoryPath.Web.Tests.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactoryPath.Web.Tests.Faults;

/// <summary>
/// The real platform, a child process, killed with SIGKILL while submissions, voucher approvals and a large pool import
/// are in flight; restarted on the same data, the data must be consistent: every submitted sheet has exactly one
/// result, every enterprise and model one latest result, the regional rollups equal a rebuild, every programme's
/// approved total equals its approved grants and stays within the budget, an import is written whole or not at all,
/// and everything the platform answered 200 for is there.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private const string ModelId = "miit-sme-digital-level";
    private const int Enterprises = 12;
    private readonly string dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => PlatformFactory.TryDelete(dir);

    private sealed record Round(Guid Programme, List<(string Email, Guid Sheet)> Sheets, List<Guid> Applications);

    [Fact]
    public async Task Killed_during_submissions_and_voucher_approvals_the_platform_restarts_consistent()
    {
        // the kill lands after the n-th answer of the round (or, for 0, as soon as all requests are sent)
        int[] killAfterAnswers = [0, 3, 10];
        string admin;
        var rounds = new List<Round>();
        using (var platform = new PlatformFactory(dir))
        {
            admin = await Users.CreateAsync(platform, PlatformRoles.RegionalAdmin, "330200");
            var adminClient = await ApiClient.SignInAsync(platform, admin, ApiClient.Password);
            var model = platform.Services.GetRequiredService<ModelRegistry>().Latest(ModelId)!;
            for (var r = 0; r < killAfterAnswers.Length; r++)
            {
                // enterprises of their own per round: an enterprise has one open draft per model at a time
                var owners = new List<(string Email, ApiClient Client, Guid Enterprise)>();
                for (var i = 0; i < Enterprises; i++)
                {
                    var email = Codes.Email("crash");
                    var client = await ApiClient.RegisterAsync(platform, email);
                    // two counties of the programme's prefecture, so the rollups have several county rows under one prefecture
                    var region = i % 3 == 0 ? "330203" : "330212";
                    var enterprise = (await client.CreateEnterpriseAsync($"崩溃测试企业{r}-{i}", Codes.NewCreditCode(region), region)).GetProperty("id").GetGuid();
                    owners.Add((email, client, enterprise));
                }
                // the budget covers about half of what is asked, so approvals also race for the room left
                var programme = await Programmes.Programmes.CreateAsync(adminClient, Programmes.Programmes.Body(budget: 600_000, max: 200_000, nameZh: $"崩溃测试券{r}"));
                var sheets = new List<(string, Guid)>();
                var applications = new List<Guid>();
                for (var i = 0; i < owners.Count; i++)
                {
                    var (email, client, enterprise) = owners[i];
                    applications.Add(await Programmes.Programmes.AppliedAsync(client, programme, 50_000 + 10_000 * i));
                    var sheet = (await client.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
                    Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(r * 100 + i), 0.2 + 0.06 * i))).StatusCode);
                    sheets.Add((email, sheet));
                }
                rounds.Add(new Round(programme, sheets, applications));
            }
        }

        var answered = new List<string>();
        for (var r = 0; r < rounds.Count; r++)
        {
            var round = rounds[r];
            await using (var child = await PlatformProcess.StartAsync(dir))
            {
                var reviewer = await child.SignInAsync(admin);
                var clients = new Dictionary<string, ApiClient>();
                foreach (var (email, _) in round.Sheets) clients[email] = await child.SignInAsync(email);

                var answers = 0;
                var requests = new List<Task<(string What, HttpStatusCode? Status)>>();
                async Task<(string, HttpStatusCode?)> Send(string what, Func<Task<HttpResponseMessage>> send)
                {
                    try
                    {
                        var status = (await send()).StatusCode;
                        Interlocked.Increment(ref answers);
                        return (what, status);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return (what, null); // the platform died with this request in flight
                    }
                }
                for (var i = 0; i < round.Sheets.Count; i++)
                {
                    var (email, sheet) = round.Sheets[i];
                    // every sheet twice, as a double click or a client retrying after a timeout would
                    requests.Add(Send($"submit {sheet}", () => clients[email].Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)));
                    requests.Add(Send($"submit {sheet}", () => clients[email].Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)));
                    var application = round.Applications[i];
                    requests.Add(Send($"approve {application}", () => reviewer.Http.PostAsJsonAsync($"/api/v1/programme-applications/{application}/approve", new { })));
                }
                var all = Task.WhenAll(requests);
                await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref answers) >= killAfterAnswers[r] || all.IsCompleted), $"{killAfterAnswers[r]} answers", 120);
                await child.KillAsync();
                var outcomes = await all;
                var inFlight = outcomes.Count(o => o.Status is null);
                output.WriteLine($"round {r}: killed after {killAfterAnswers[r]} answers; {outcomes.Length - inFlight} answered, {inFlight} in flight");
                Assert.All(outcomes.Where(o => o.Status is not null), o => Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict, $"{o.What}: {o.Status}"));
                answered.AddRange(outcomes.Where(o => o.Status is HttpStatusCode.OK or HttpStatusCode.Created).Select(o => o.What));
                if (r == 0) Assert.True(inFlight > 0, "the kill landed while requests were in flight");
            }

            using var restarted = new PlatformFactory(dir);
            await AssertConsistentAsync(restarted, rounds.Take(r + 1).ToList(), answered);
        }

        // and the restarted platform carries on: what was left pending is decided, what was left a draft is submitted
        using (var platform = new PlatformFactory(dir))
        {
            var reviewer = await ApiClient.SignInAsync(platform, admin, ApiClient.Password);
            foreach (var round in rounds)
            {
                foreach (var application in round.Applications)
                {
                    var status = (await reviewer.Http.PostAsJsonAsync($"/api/v1/programme-applications/{application}/approve", new { })).StatusCode;
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"approve {application}: {status}");
                }
                foreach (var (email, sheet) in round.Sheets)
                {
                    var owner = await ApiClient.SignInAsync(platform, email, ApiClient.Password);
                    var status = (await owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)).StatusCode;
                    Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"submit {sheet}: {status}");
                }
            }
            await AssertConsistentAsync(platform, rounds, answered);
            using (var scope = platform.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var sheetIds = rounds.SelectMany(r => r.Sheets.Select(s => s.Sheet)).ToList();
                Assert.Equal(sheetIds.Count, await db.AnswerSheets.CountAsync(s => sheetIds.Contains(s.Id) && s.Status == AnswerSheetStatus.Submitted));
            }

            // a second assessment of every enterprise supersedes the one submitted around the crashes
            var model = platform.Services.GetRequiredService<ModelRegistry>().Latest(ModelId)!;
            var again = new List<(string, Guid)>();
            foreach (var (email, _) in rounds.SelectMany(r => r.Sheets))
            {
                var owner = await ApiClient.SignInAsync(platform, email, ApiClient.Password);
                var enterprise = (await ApiClient.ReadAsync(await owner.Http.GetAsync("/api/v1/me"))).GetProperty("enterpriseId").GetGuid();
                var sheet = (await owner.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
                Assert.Equal(HttpStatusCode.OK, (await owner.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(sheet.GetHashCode()), 0.9))).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)).StatusCode);
                again.Add((email, sheet));
            }
            await AssertConsistentAsync(platform, [.. rounds, new Round(rounds[0].Programme, again, [])], answered);
        }
    }

    [Fact]
    public async Task Killed_during_a_large_pool_import_the_platform_holds_all_rows_or_none()
    {
        const int Rows = 10_000;
        // distinct credit codes (random ones may repeat among 40,000, and a repeated key is a rejected row)
        var unique = new HashSet<string>(StringComparer.Ordinal);
        while (unique.Count < 2 * Rows) unique.Add(Codes.NewCreditCode());
        var codes = unique.Take(Rows).ToList();
        var file = PoolData.Utf8([PoolData.ProviderHeader, .. codes.Select((code, i) => PoolData.ProviderRow(code, $"崩溃导入服务商{i:00000}"))]);
        var warmUp = PoolData.Utf8([PoolData.ProviderHeader, .. unique.Skip(Rows).Select((code, i) => PoolData.ProviderRow(code, $"预热服务商{i:00000}"))]);
        string operatorEmail;
        using (var platform = new PlatformFactory(dir))
        {
            operatorEmail = await Users.CreateAsync(platform, PlatformRoles.PlatformAdmin);
        }

        // how long checking the file takes (a dry run) and how long an import of as many rows takes (check and write):
        // the kills land halfway through the check, and halfway through the write
        TimeSpan check, import;
        await using (var child = await PlatformProcess.StartAsync(dir))
        {
            var importer = await child.SignInAsync(operatorEmail);
            Assert.Equal(HttpStatusCode.OK, (await importer.UploadAsync("providers", "validate", file, "providers.csv")).StatusCode); // warms up
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, (await importer.UploadAsync("providers", "all", warmUp, "warm-up.csv")).StatusCode);
            import = watch.Elapsed;
            watch.Restart();
            Assert.Equal(HttpStatusCode.OK, (await importer.UploadAsync("providers", "validate", file, "providers.csv")).StatusCode);
            check = watch.Elapsed;
            output.WriteLine($"{Rows} rows: checked in {check.TotalSeconds:0.0} s, imported in {import.TotalSeconds:0.0} s");
        }

        foreach (var (moment, after) in new[] { ("while checking", check / 2), ("in the write", import > check ? check + (import - check) / 2 : import * 0.75) })
        {
            await using (var child = await PlatformProcess.StartAsync(dir))
            {
                var importer = await child.SignInAsync(operatorEmail);
                var request = importer.UploadAsync("providers", "all", file, "providers.csv");
                await Task.WhenAny(request, Task.Delay(after));
                Assert.False(request.IsCompleted, $"the import finished before the kill ({moment}, after {after.TotalSeconds:0.0} s)");
                await child.KillAsync();
                await Assert.ThrowsAnyAsync<Exception>(() => request);
            }

            using var restarted = new PlatformFactory(dir);
            var stored = await PoolData.QueryAsync(restarted, db => db.Providers.CountAsync(p => p.Name.StartsWith("崩溃导入服务商")));
            output.WriteLine($"killed {moment}: {stored} of {Rows} providers stored");
            Assert.True(stored is 0 or Rows, $"killed {moment}: {stored} of {Rows} providers are stored; an import is written whole or not at all");
            // what happened, as the importer sees it: a dry run of the same file reports the rows as new, or all unchanged
            var operatorClient = await ApiClient.SignInAsync(restarted, operatorEmail, ApiClient.Password);
            var report = await operatorClient.ImportAsync("providers", "validate", file, "providers.csv");
            Assert.Equal(stored == 0 ? Rows : 0, report.GetProperty("inserted").GetInt32());
            Assert.Equal(stored == 0 ? 0 : Rows, report.GetProperty("unchanged").GetInt32());
        }

        await using (var child = await PlatformProcess.StartAsync(dir))
        {
            var importer = await child.SignInAsync(operatorEmail);
            var response = await importer.UploadAsync("providers", "all", file, "providers.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await ApiClient.ReadAsync(response)).GetProperty("written").GetBoolean());
            await child.KillAsync();
        }
        using (var restarted = new PlatformFactory(dir))
        {
            var stored = await PoolData.QueryAsync(restarted, db => db.Providers.Where(p => p.Name.StartsWith("崩溃导入服务商")).Select(p => p.CreditCode).ToListAsync());
            Assert.Equal(codes.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }
    }

    private async Task AssertConsistentAsync(PlatformFactory platform, List<Round> rounds, List<string> answered)
    {
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sheetIds = rounds.SelectMany(r => r.Sheets.Select(s => s.Sheet)).ToList();
        var sheets = await db.AnswerSheets.AsNoTracking().Where(s => sheetIds.Contains(s.Id)).ToListAsync();
        var results = await db.Results.AsNoTracking().ToListAsync();

        // every submitted sheet has exactly one result; no result without a submitted sheet
        foreach (var sheet in sheets)
        {
            var count = results.Count(r => r.AnswerSheetId == sheet.Id);
            Assert.True(sheet.Status == AnswerSheetStatus.Submitted ? count == 1 : count == 0, $"sheet {sheet.Id} is {sheet.Status} with {count} result(s)");
        }
        var submitted = (await db.AnswerSheets.AsNoTracking().Where(s => s.Status == AnswerSheetStatus.Submitted).Select(s => s.Id).ToListAsync()).ToHashSet();
        Assert.All(results, r => Assert.Contains(r.AnswerSheetId, submitted));
        // one latest result per enterprise and model that has results
        foreach (var group in results.GroupBy(r => (r.EnterpriseId, r.ModelId)))
        {
            Assert.Equal(1, group.Count(r => r.IsLatest));
            Assert.True(group.Single(r => r.IsLatest).SubmittedAt == group.Max(r => r.SubmittedAt), "the latest result is the newest");
        }
        // a submission answered 200 is there
        foreach (var what in answered.Where(a => a.StartsWith("submit ", StringComparison.Ordinal)))
            Assert.Contains(sheets, s => "submit " + s.Id == what && s.Status == AnswerSheetStatus.Submitted);

        // vouchers: approved total = the approved grants, within the budget; no application half-approved
        foreach (var round in rounds)
        {
            var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == round.Programme);
            var applications = await db.ProgrammeApplications.AsNoTracking().Where(a => a.ProgrammeId == round.Programme).ToListAsync();
            var approved = applications.Where(a => a.Status == ApplicationStatus.Approved).ToList();
            Assert.Equal(approved.Sum(a => a.GrantedCny ?? 0), programme.ApprovedCny);
            Assert.True(programme.ApprovedCny <= programme.BudgetCny, $"approved {programme.ApprovedCny} exceeds the budget {programme.BudgetCny}");
            Assert.All(approved, a => Assert.True(a.GrantedCny > 0 && a.ReviewedAt is not null && a.ReviewedBy is not null, $"application {a.Id} is approved without a grant or reviewer"));
            Assert.All(applications.Where(a => a.Status == ApplicationStatus.Pending), a => Assert.True(a.GrantedCny is null && a.ReviewedAt is null, $"pending application {a.Id} carries a review"));
        }
        foreach (var what in answered.Where(a => a.StartsWith("approve ", StringComparison.Ordinal)))
        {
            var id = Guid.Parse(what["approve ".Length..]);
            Assert.Equal(ApplicationStatus.Approved, (await db.ProgrammeApplications.AsNoTracking().SingleAsync(a => a.Id == id)).Status);
        }

        // the regional rollups kept at submission equal a rebuild from the stored results
        var kept = await RollupSnapshotAsync(db);
        await RegionStatsRebuild.RunAsync(db, scope.ServiceProvider.GetRequiredService<ModelRegistry>());
        var rebuilt = await RollupSnapshotAsync(db);
        Assert.True(kept.SequenceEqual(rebuilt), "rollups differ from a rebuild:\n" + string.Join("\n", kept.Except(rebuilt).Select(k => "kept    " + k).Concat(rebuilt.Except(kept).Select(k => "rebuilt " + k)).Take(20)));
    }

    private static async Task<List<string>> RollupSnapshotAsync(PlatformDbContext db)
    {
        static string R(double v) => (Math.Round(v, 6) + 0.0).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        var nodes = (await db.Set<RegionNodeStat>().AsNoTracking().ToListAsync())
            .Where(s => s.Answered != 0 || s.RateEnterprises != 0)
            .Select(s => string.Join('|', "node", s.RegionCode, s.Division, s.ModelId, s.NodeKind, s.NodeId, s.Answered, s.AtFull, s.AtThreeQuarters, s.AtHalf, s.AtQuarter,
                R(s.ShareSum), s.RateEnterprises, R(s.RateNumerator), R(s.RateDenominator)));
        var levels = (await db.Set<RegionLevelChange>().AsNoTracking().ToListAsync()).Where(c => c.Delta != 0)
            .Select(c => string.Join('|', "level", c.RegionCode, c.ModelId, c.Month, c.Level, c.Delta));
        var assessed = (await db.Set<RegionAssessedCount>().AsNoTracking().ToListAsync()).Where(a => a.Enterprises != 0)
            .Select(a => string.Join('|', "assessed", a.RegionCode, a.Division, a.Enterprises));
        return nodes.Concat(levels).Concat(assessed).Order(StringComparer.Ordinal).ToList();
    }
}
