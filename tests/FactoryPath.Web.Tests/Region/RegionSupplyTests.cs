using System.Text.Json;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// Solutions per scenario and recognitions per tier over a small hand-made data set (stored directly). Scenarios A–D are
/// the first four of the library; D has no solution anywhere.
/// <code>
/// provider  regions served   solutions (scenarios)
/// P1        (nationwide)     S1 (A, B), S2 (A)
/// P2        330000           S3 (A), S4 (C)
/// P3        330200           S5 (B)
/// P4        440000           S6 (A, C)
/// P5        330212           S7 (A, A — listed twice, one solution)
/// P6        330000           none
/// </code>
/// Available: Zhejiang 330000 = P1 + P2: A 3 solutions of 2 providers, B 1/1, C 1/1, D 0/0. Ningbo 330200 adds P3: B 2/2.
/// Yinzhou 330212 adds P5: A 4/3. Shenzhen 440300 = P1 + P4: A 3/2, B 1/1, C 1/1.
/// Demands: Hangzhou 330102, six enterprises post one demand naming A, the first a second naming A and B; two enterprises
/// post for C (A: 7 demands of 6 enterprises; B and C hidden). Shenzhen: five enterprises for A, one for B, six for C —
/// B is hidden and A (5, the smallest other) with it, so B cannot be worked out from the column's total.
/// Recognitions: five Hangzhou enterprises hold the basic tier, two of them the advanced tier too; one more was
/// rejected; a Shenzhen enterprise holds the basic tier (never counted in Zhejiang).
/// </summary>
public sealed class RegionSupplyTests : IClassFixture<RegionSupplyTests.World>
{
    private readonly World _w;

    public RegionSupplyTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public IReadOnlyList<TypicalScenario> Library { get; private set; } = [];
        public string A => Library[0].Id;
        public string B => Library[1].Id;
        public string C => Library[2].Id;
        public string D => Library[3].Id;
        public Guid P2 { get; private set; }
        public string OwnerEmail { get; private set; } = "";
        public string EmptyOwnerEmail { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Library = Factory.Services.GetRequiredService<ScenarioLibrary>().Scenarios;
            // an enterprise account of Hangzhou with recognitions, and one without, for the profile page
            OwnerEmail = Codes.Email("recognised");
            var owner = await ApiClient.RegisterAsync(Factory, OwnerEmail);
            var ownerId = (await owner.CreateEnterpriseAsync("获评杭州企业", Codes.NewCreditCode("330100"), regionCode: "330102")).GetProperty("id").GetGuid();
            EmptyOwnerEmail = Codes.Email("unrecognised");
            var empty = await ApiClient.RegisterAsync(Factory, EmptyOwnerEmail);
            await empty.CreateEnterpriseAsync("未获评企业", Codes.NewCreditCode("330100"), regionCode: "330102");
            var reviewerEmail = await Users.CreateAsync(Factory, PlatformRoles.RegionalAdmin, "330100");

            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var reviewer = await db.Users.SingleAsync(u => u.Email == reviewerEmail);
            var p1 = AddProvider(db, []);
            var p2 = AddProvider(db, ["330000"]);
            P2 = p2.Id;
            var p3 = AddProvider(db, ["330200"]);
            var p4 = AddProvider(db, ["440000"]);
            var p5 = AddProvider(db, ["330212"]);
            AddProvider(db, ["330000"]);
            AddSolution(db, p1, A, B);
            AddSolution(db, p1, A);
            AddSolution(db, p2, A);
            AddSolution(db, p2, C);
            AddSolution(db, p3, B);
            AddSolution(db, p4, A, C);
            AddSolution(db, p5, A, A);

            var hangzhou = Enumerable.Range(0, 8).Select(i => AddEnterprise(db, "330102", i)).ToList();
            foreach (var e in hangzhou.Take(6)) AddDemand(db, e, A);
            AddDemand(db, hangzhou[0], A, B);
            foreach (var e in hangzhou.Skip(6)) AddDemand(db, e, C);
            var shenzhen = Enumerable.Range(0, 12).Select(i => AddEnterprise(db, "440300", i)).ToList();
            foreach (var e in shenzhen.Take(5)) AddDemand(db, e, A);
            AddDemand(db, shenzhen[5], B);
            foreach (var e in shenzhen.Skip(6)) AddDemand(db, e, C);

            List<Guid> recognised = [ownerId, .. hangzhou.Take(4).Select(e => e.Id)];
            foreach (var (id, i) in recognised.Select((id, i) => (id, i)))
            {
                AddApplication(db, id, DemonstrationTier.SmartFactoryBasic, ApplicationStatus.Approved, reviewer.Id, new DateTime(2026, 3, 1 + i, 8, 0, 0, DateTimeKind.Utc));
                if (i < 2) AddApplication(db, id, DemonstrationTier.SmartFactoryAdvanced, ApplicationStatus.Approved, reviewer.Id, new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc));
            }
            AddApplication(db, hangzhou[5].Id, DemonstrationTier.SmartFactoryBasic, ApplicationStatus.Rejected, reviewer.Id, DateTime.UtcNow);
            AddApplication(db, shenzhen[0].Id, DemonstrationTier.SmartFactoryBasic, ApplicationStatus.Approved, reviewer.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        private static Provider AddProvider(PlatformDbContext db, List<string> served)
        {
            var p = new Provider { Name = $"服务商{Guid.NewGuid():N}"[..12], CreditCode = Codes.NewCreditCode(), RegionCode = "330100", RegionsServed = served };
            db.Providers.Add(p);
            return p;
        }

        private static void AddSolution(PlatformDbContext db, Provider p, params string[] scenarios) =>
            db.Solutions.Add(new Solution { ProviderId = p.Id, TitleZh = $"方案{Guid.NewGuid():N}", TitleEn = "Solution", Scenarios = [.. scenarios], PriceMinCny = 1, PriceMaxCny = 2, ImplementationWeeks = 1 });

        private static Enterprise AddEnterprise(PlatformDbContext db, string region, int i)
        {
            var e = new Enterprise { Name = $"供需{region}-{i}", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = region, ProvinceCode = region[..2] + "0000" };
            db.Enterprises.Add(e);
            return e;
        }

        private static void AddDemand(PlatformDbContext db, Enterprise e, params string[] scenarios) =>
            db.Demands.Add(new Demand { EnterpriseId = e.Id, Title = "需求", Description = "需求", RegionCode = e.RegionCode, IndustryCode = e.IndustryCode, Scenarios = [.. scenarios], Deadline = DateTime.UtcNow.AddDays(30) });

        private static void AddApplication(PlatformDbContext db, Guid enterprise, DemonstrationTier tier, ApplicationStatus status, string reviewer, DateTime decided)
        {
            var a = new DemonstrationApplication
            {
                EnterpriseId = enterprise, Tier = tier, Status = status, Statement = "申报", SubmittedByUserId = "seed",
                CreatedAt = decided.AddDays(-10), SubmittedAt = decided.AddDays(-10), UpdatedAt = decided, DecidedAt = decided, DecidedByUserId = reviewer,
            };
            db.DemonstrationApplications.Add(a);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>(scenario id, solutions, providers, demands, enterprises) of the API; a suppressed cell reads null.</summary>
    private async Task<List<(string Id, int Solutions, int Providers, int? Demands, int? Enterprises)>> ApiRowsAsync(ApiClient api, string code)
    {
        var response = await api.Http.GetAsync($"/api/v1/region/{code}/solutions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        Assert.Equal(code, body.GetProperty("region").GetProperty("code").GetString());
        static int? Cell(JsonElement c) => c.GetProperty("count").ValueKind == JsonValueKind.Null ? null : c.GetProperty("count").GetInt32();
        return body.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("scenarioId").GetString()!, r.GetProperty("solutions").GetInt32(),
            r.GetProperty("providers").GetInt32(), Cell(r.GetProperty("demands")), Cell(r.GetProperty("enterprises")))).ToList();
    }

    [Fact]
    public async Task Every_scenario_of_the_library_is_listed_in_its_order_with_the_solutions_its_providers_offer_in_the_region()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var zhejiang = await ApiRowsAsync(op, "330000");
        Assert.Equal(_w.Library.Select(s => s.Id), zhejiang.Select(r => r.Id));
        Assert.Equal((3, 2), Supply(zhejiang, _w.A));
        Assert.Equal((1, 1), Supply(zhejiang, _w.B));
        Assert.Equal((1, 1), Supply(zhejiang, _w.C));
        Assert.Equal((0, 0), Supply(zhejiang, _w.D));
        // scenarios beyond the four have no solution at all: shown as 0, not left out
        Assert.All(zhejiang.Skip(4), r => Assert.Equal((0, 0), (r.Solutions, r.Providers)));

        var ningbo = await ApiRowsAsync(op, "330200");
        Assert.Equal((3, 2), Supply(ningbo, _w.A));
        Assert.Equal((2, 2), Supply(ningbo, _w.B));
        Assert.Equal((1, 1), Supply(ningbo, _w.C));

        var yinzhou = await ApiRowsAsync(op, "330212");
        Assert.Equal((4, 3), Supply(yinzhou, _w.A));
        Assert.Equal((2, 2), Supply(yinzhou, _w.B));

        var shenzhen = await ApiRowsAsync(op, "440300");
        Assert.Equal((3, 2), Supply(shenzhen, _w.A));
        Assert.Equal((1, 1), Supply(shenzhen, _w.B));
        Assert.Equal((1, 1), Supply(shenzhen, _w.C));
        Assert.Equal((0, 0), Supply(shenzhen, _w.D));
    }

    private static (int, int) Supply(List<(string Id, int Solutions, int Providers, int? Demands, int? Enterprises)> rows, string id) =>
        rows.Single(r => r.Id == id) is var r ? (r.Solutions, r.Providers) : default;

    [Fact]
    public async Task Demands_per_scenario_count_the_regions_enterprises_and_hide_small_cells_with_a_complement()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var zhejiang = await ApiRowsAsync(op, "330000");
        Assert.Equal((7, 6), Demand(zhejiang, _w.A));
        Assert.Equal((null, null), Demand(zhejiang, _w.B));
        Assert.Equal((null, null), Demand(zhejiang, _w.C));
        Assert.Equal((0, 0), Demand(zhejiang, _w.D));

        var shenzhen = await ApiRowsAsync(op, "440300");
        Assert.Equal((null, null), Demand(shenzhen, _w.B));
        Assert.Equal((null, null), Demand(shenzhen, _w.A)); // the complement of B
        Assert.Equal((6, 6), Demand(shenzhen, _w.C));
    }

    private static (int?, int?) Demand(List<(string Id, int Solutions, int Providers, int? Demands, int? Enterprises)> rows, string id) =>
        rows.Single(r => r.Id == id) is var r ? (r.Demands, r.Enterprises) : default;

    [Fact]
    public async Task The_summary_carries_the_same_rows_as_the_solutions_endpoint()
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var part = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/region/330000/solutions"));
        var summary = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/region/330000/summary"));
        Assert.Equal(part.GetProperty("items").GetRawText(), summary.GetProperty("solutions").GetRawText());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_page_the_csv_and_the_api_show_the_same_solutions_per_scenario(string culture)
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, culture);
        var screen = RegionExportTests.ScreenRows(await page.GetDocumentAsync("/region/330000"), "solutions");
        var chinese = culture == "zh-CN";
        var api = await ApiRowsAsync(await ApiClient.SignInAsync(_w.Factory, email, ApiClient.Password), "330000");
        Assert.Equal(api.Count + 1, screen.Count);
        for (var i = 0; i < api.Count; i++)
        {
            var scenario = _w.Library[i];
            Assert.Equal([chinese ? scenario.Name.Zh : scenario.Name.En, $"{api[i].Solutions}", $"{api[i].Providers}", api[i].Demands?.ToString() ?? "<5", api[i].Enterprises?.ToString() ?? "<5"],
                screen[i + 1]);
        }

        var csv = CsvReader.Read(await page.Http.GetByteArrayAsync($"/region/330000/export/solutions?format=csv&lang={(chinese ? "zh" : "en")}")).Table!;
        Assert.Equal(screen, new[] { csv.Header }.Concat(csv.Rows.Select(r => r.Cells)).Select(r => r.ToList()).ToList());
        var sheet = RegionExportTests.Sheets(await page.Http.GetByteArrayAsync($"/region/330000/export/solutions?format=xlsx&lang={(chinese ? "zh" : "en")}")).Single().Rows;
        // counts are numbers in the workbook, "<5" stays text
        Assert.Equal(3d, Convert.ToDouble(sheet[1 + _w.Library.ToList().FindIndex(s => s.Id == _w.A)][1]));
        Assert.Equal("<5", sheet[1 + _w.Library.ToList().FindIndex(s => s.Id == _w.B)][3]);
    }

    [Fact]
    public async Task A_solution_or_provider_changed_after_the_first_page_shows_in_the_next()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var library = _w.Library;
        var e = library[4].Id;
        Assert.Equal((0, 0), Supply(await ApiRowsAsync(op, "330100"), e));
        using (var scope = _w.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Solutions.Add(new Solution { ProviderId = _w.P2, TitleZh = "新方案", TitleEn = "New", Scenarios = [e], PriceMinCny = 1, PriceMaxCny = 2, ImplementationWeeks = 1, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        Assert.Equal((1, 1), Supply(await ApiRowsAsync(op, "330100"), e));

        // P2 narrows its regions to Ningbo: Hangzhou loses its solutions, Ningbo keeps them
        using (var scope = _w.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var p2 = await db.Providers.SingleAsync(p => p.Id == _w.P2);
            p2.RegionsServed = ["330200"];
            p2.UpdatedAt = DateTime.UtcNow.AddSeconds(1);
            await db.SaveChangesAsync();
        }
        Assert.Equal((0, 0), Supply(await ApiRowsAsync(op, "330100"), e));
        Assert.Equal((1, 1), Supply(await ApiRowsAsync(op, "330200"), e));

        using (var scope = _w.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var p2 = await db.Providers.SingleAsync(p => p.Id == _w.P2);
            p2.RegionsServed = ["330000"];
            p2.UpdatedAt = DateTime.UtcNow.AddSeconds(2);
            db.Solutions.Remove(await db.Solutions.SingleAsync(s => s.TitleZh == "新方案"));
            await db.SaveChangesAsync();
        }
        Assert.Equal((0, 0), Supply(await ApiRowsAsync(op, "330200"), e));
    }

    [Fact]
    public async Task Recognitions_per_tier_are_counted_in_the_region_suppressed_and_shown_as_the_api_serves_them()
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var api = await ApiClient.SignInAsync(_w.Factory, email, ApiClient.Password);
        var items = (await ApiClient.ReadAsync(await api.Http.GetAsync("/api/v1/region/330000/recognitions"))).GetProperty("items").EnumerateArray().ToList();
        var tiers = _w.Factory.Services.GetRequiredService<Core.Catalog.Tiers.DemonstrationTierCatalog>().Tiers;
        Assert.Equal(tiers.Select(t => t.Tier.ToString()), items.Select(i => i.GetProperty("tier").GetString()), StringComparer.OrdinalIgnoreCase);
        static string Text(JsonElement i) => i.GetProperty("enterprises").GetProperty("count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32().ToString() : "<5";
        var basic = items.Single(i => string.Equals(i.GetProperty("tier").GetString(), nameof(DemonstrationTier.SmartFactoryBasic), StringComparison.OrdinalIgnoreCase));
        Assert.Equal("5", Text(basic));
        var advanced = items.Single(i => string.Equals(i.GetProperty("tier").GetString(), nameof(DemonstrationTier.SmartFactoryAdvanced), StringComparison.OrdinalIgnoreCase));
        Assert.True(advanced.GetProperty("enterprises").GetProperty("suppressed").GetBoolean());
        Assert.All(items.Skip(2), i => Assert.Equal("0", Text(i)));

        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "en");
        var document = await page.GetDocumentAsync("/region/330000");
        var screen = RegionExportTests.ScreenRows(document, "recognitions");
        Assert.Equal(["Tier", "Level of review", "Enterprises recognised"], screen[0]);
        Assert.Equal(items.Select(Text), screen.Skip(1).Select(r => r[2]));
        Assert.Equal(tiers.Select(t => t.Name.En), screen.Skip(1).Select(r => r[0]));
        Assert.Equal(tiers.Select(t => Core.Catalog.Tiers.TierDefinition.ReviewName(t.Review).En), screen.Skip(1).Select(r => r[1]));
        var link = document.QuerySelector("[data-testid=link-recognitions-SmartFactoryBasic]")!.GetAttribute("href");
        Assert.Equal("/admin/demonstration?status=Approved&tier=SmartFactoryBasic", link);
        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync(link)).StatusCode);

        var csv = CsvReader.Read(await page.Http.GetByteArrayAsync("/region/330000/export/recognitions?format=csv&lang=en")).Table!;
        Assert.Equal(screen, new[] { csv.Header }.Concat(csv.Rows.Select(r => r.Cells)).Select(r => r.ToList()).ToList());

        // Shenzhen's one recognised enterprise is hidden there and counts nowhere in Zhejiang
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var shenzhen = (await ApiClient.ReadAsync(await op.Http.GetAsync("/api/v1/region/440300/recognitions"))).GetProperty("items").EnumerateArray()
            .Single(i => string.Equals(i.GetProperty("tier").GetString(), nameof(DemonstrationTier.SmartFactoryBasic), StringComparison.OrdinalIgnoreCase));
        Assert.True(shenzhen.GetProperty("enterprises").GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task The_enterprise_profile_lists_its_recognitions_with_date_and_reviewing_region()
    {
        var page = await PageClient.SignedInAsync(_w.Factory, _w.OwnerEmail, ApiClient.Password, "en");
        var document = await page.GetDocumentAsync("/enterprise");
        var rows = document.QuerySelectorAll("[data-testid=recognitions-table] tbody tr").ToList();
        var tiers = _w.Factory.Services.GetRequiredService<Core.Catalog.Tiers.DemonstrationTierCatalog>();
        Assert.Equal([nameof(DemonstrationTier.SmartFactoryAdvanced), nameof(DemonstrationTier.SmartFactoryBasic)], rows.Select(r => r.GetAttribute("data-tier")));
        Assert.Equal([tiers.Find(DemonstrationTier.SmartFactoryAdvanced)!.Name.En, "2026-06-01", "杭州市 (330100)"],
            rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("2026-03-01", rows[1].QuerySelectorAll("td")[1].TextContent.Trim());

        var zh = await PageClient.SignedInAsync(_w.Factory, _w.OwnerEmail, ApiClient.Password, "zh-CN");
        var zhRows = (await zh.GetDocumentAsync("/enterprise")).QuerySelectorAll("[data-testid=recognitions-table] tbody tr").ToList();
        Assert.Equal(tiers.Find(DemonstrationTier.SmartFactoryAdvanced)!.Name.Zh, zhRows[0].QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("杭州市 (330100)", zhRows[0].QuerySelectorAll("td")[2].TextContent.Trim());

        var none = await PageClient.SignedInAsync(_w.Factory, _w.EmptyOwnerEmail, ApiClient.Password, "en");
        var empty = await none.GetDocumentAsync("/enterprise");
        Assert.Equal("No demonstration tier recognised yet.", empty.QuerySelector("[data-testid=recognitions-empty]")!.TextContent.Trim());
        Assert.Null(empty.QuerySelector("[data-testid=recognitions-table]"));
    }
}
