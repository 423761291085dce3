using FactoryPath.Core.Assessment;
using FactoryPath.Core.Demands;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// Regional statistics over a small hand-made data set (stored directly, one platform per class):
/// <code>
/// district  industry  registered  with a latest result (model m-a level; * = also m-b level 2)
/// 330102    34        7           5: levels 1, 1, 2, 2, 2 (one of them*)
/// 330212    34        3           3: levels 2, 2, 3
/// 330212    39        3           1: level 1
/// 330203    39        2           1: level 2
/// 330302    26        3           0
/// 440300    34        9           9 (Shenzhen, outside Zhejiang: never counted)
/// </code>
/// One 330212 enterprise also has an older, no longer latest m-a result at level 4, which counts nowhere.
/// </summary>
public sealed class RegionStatisticsTests : IClassFixture<RegionStatisticsTests.World>
{
    private readonly World _w;

    public RegionStatisticsTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var provider = new Provider { Name = "服务商", CreditCode = Codes.NewCreditCode(), RegionCode = "330100" };
            db.Providers.Add(provider);
            var hangzhou = Add(db, "330102", "34", 7, [1, 1, 2, 2, 2]);
            var yinzhou34 = Add(db, "330212", "34", 3, [2, 2, 3]);
            Add(db, "330212", "39", 3, [1]);
            Add(db, "330203", "39", 2, [2]);
            Add(db, "330302", "26", 3, []);
            Add(db, "440300", "34", 9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
            Result(db, hangzhou[0], "m-b", 2, latest: true, belowFull: []);
            Result(db, yinzhou34[0], "m-a", 4, latest: false, belowFull: ["q1", "q2"]);

            // Market, Hangzhou: six enterprises post seven demands (the first posts two); five demands of five enterprises
            // were matched to a provider; four demands of four enterprises got a proposal; one proposal was accepted.
            // Shenzhen posts one demand with an accepted proposal, which counts nowhere in Zhejiang.
            var demands = hangzhou.Take(6).Select(e => Demand(db, e)).Append(Demand(db, hangzhou[0])).ToList();
            foreach (var d in demands.Take(5)) db.DemandRecipients.Add(new DemandRecipient { DemandId = d.Id, ProviderId = provider.Id });
            foreach (var (d, i) in demands.Take(4).Select((d, i) => (d, i)))
                db.Proposals.Add(new Proposal { DemandId = d.Id, ProviderId = provider.Id, Status = i == 0 ? ProposalStatus.Accepted : ProposalStatus.Submitted });
            var shenzhen = Demand(db, db.Enterprises.Local.First(e => e.RegionCode == "440300"));
            db.Proposals.Add(new Proposal { DemandId = shenzhen.Id, ProviderId = provider.Id, Status = ProposalStatus.Accepted });

            // Fujian, for the rate indicators (equipment-digitization: total, digital; equipment-networking: networked)
            // of the installed model: Fuzhou 350102 (10,5,2) (20,10,4) (30,15,6) (40,20,8) (100,50,30); Xiamen 350203 (10,10,10).
            var model = scope.ServiceProvider.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
            foreach (var (region, total, digital, networked) in new[] { ("350102", 10, 5, 2), ("350102", 20, 10, 4), ("350102", 30, 15, 6), ("350102", 40, 20, 8), ("350102", 100, 50, 30), ("350203", 10, 10, 10) })
            {
                var e = new Enterprise { Name = $"福建{region}-{total}", CreditCode = Codes.NewCreditCode(), IndustryCode = "34", RegionCode = region, ProvinceCode = "350000" };
                db.Enterprises.Add(e);
                var answers = new AnswerSheetData()
                    .With("equipment-digitization", new Answer { Values = new Dictionary<string, decimal> { ["total"] = total, ["digital"] = digital } })
                    .With("equipment-networking", new Answer { Values = new Dictionary<string, decimal> { ["networked"] = networked } });
                Result(db, e, model.Id, 2, latest: true, belowFull: [], model.Version, AssessmentJson.Serialize(answers));
            }
            await db.SaveChangesAsync();
        }

        /// <summary>
        /// Adds enterprises; the first levels.Length of them get a latest m-a result at that level. In every m-a result
        /// q1 is below full marks for the first five results made, q2 for results 6 and 7, q3 is always full, q4 not applicable.
        /// </summary>
        private List<Enterprise> Add(PlatformDbContext db, string region, string industry, int count, int[] levels)
        {
            var list = new List<Enterprise>();
            for (var i = 0; i < count; i++)
            {
                var e = new Enterprise { Name = $"企业{region}-{industry}-{i}", CreditCode = Codes.NewCreditCode(), IndustryCode = industry, RegionCode = region, ProvinceCode = region[..2] + "0000" };
                db.Enterprises.Add(e);
                list.Add(e);
                if (i < levels.Length)
                {
                    var below = region == "440300" ? ["q1", "q2"] : _made < 5 ? new[] { "q1" } : _made < 7 ? ["q2"] : [];
                    if (region != "440300") _made++;
                    Result(db, e, "m-a", levels[i], latest: true, belowFull: below);
                }
            }
            return list;
        }

        private int _made;

        private static void Result(PlatformDbContext db, Enterprise e, string model, int level, bool latest, string[] belowFull, string version = "1", string answers = "{}")
        {
            var sheet = new AnswerSheet { EnterpriseId = e.Id, ModelId = model, ModelVersion = version, Status = AnswerSheetStatus.Submitted, AnswersJson = answers };
            db.AnswerSheets.Add(sheet);
            var name = new LocalizedText("名称", "Name");
            NodeScore Q(string id) => new(id, "g", 1, "singleChoice", new LocalizedText("题" + id, "Question " + id), belowFull.Contains(id) ? 1 : 4, 4, false);
            var nodes = new List<NodeScore>
            {
                new("g", null, 0, "group", name, 0, 16, false),
                Q("q1"), Q("q2"), Q("q3"),
                new("q4", "g", 1, "singleChoice", name, 0, 0, true),
            };
            var result = new AssessmentResult(model, "1", name, 0, 16, nodes, [], [], new LevelReached(level, name), null);
            db.Results.Add(new StoredResult
            {
                AnswerSheetId = sheet.Id, EnterpriseId = e.Id, ModelId = model, ModelVersion = version, Level = level, IsLatest = latest,
                IndustryCode = e.IndustryCode, ProvinceCode = e.ProvinceCode, RegionCode = e.RegionCode, ResultJson = AssessmentJson.Serialize(result),
            });
        }

        private static Demand Demand(PlatformDbContext db, Enterprise e)
        {
            var d = new Demand { EnterpriseId = e.Id, Title = "需求", Description = "需求", RegionCode = e.RegionCode, IndustryCode = e.IndustryCode, Deadline = DateTime.UtcNow.AddDays(30) };
            db.Demands.Add(d);
            return d;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static readonly Viewer ZhejiangAdmin = new("u1", "zj@example.cn", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, "330000");
    private static readonly Viewer NingboAdmin = new("u2", "nb@example.cn", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, "330200");
    private static readonly Viewer Operator = new("u3", "op@example.cn", new HashSet<string> { PlatformRoles.PlatformAdmin }, null, null);

    private async Task<RegionSummary> SummaryAsync(Viewer viewer, string code)
    {
        using var scope = _w.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegionStatistics>().SummaryAsync(viewer, code);
        Assert.True(outcome.IsOk, $"{outcome.Kind} {outcome.Message}");
        return outcome.Value!;
    }

    private static string Cells(IEnumerable<StatCell> cells) => string.Join(",", cells.Select(c => c.Count?.ToString() ?? "-"));

    [Fact]
    public async Task A_province_counts_its_cities_with_small_and_complementary_suppression()
    {
        var s = await SummaryAsync(ZhejiangAdmin, "330000");
        // registered: 7 + 3 + 3 + 2 + 3 = 18; assessed: 5 + 3 + 1 + 1 = 10
        Assert.Equal(18, s.Totals.Registered.Count);
        Assert.Equal(10, s.Totals.Assessed.Count);
        var rows = s.ByDistrict.Where(r => r.Registered.Count != 0).ToList();
        // by city registered: 330100 → 7, 330200 → 3 + 3 + 2 = 8, 330300 → 3. Only 330300 is below 5, so the smallest
        // other non-zero cell (330100, 7) is hidden too: the column reads "-", 8, "-" and 18 - 8 = 10 does not split.
        Assert.Equal(["330100", "330200", "330300"], rows.Select(r => r.Code));
        Assert.Equal("-,8,-", Cells(rows.Select(r => r.Registered)));
        Assert.True(rows[0].Registered.Suppressed);
        // assessed: 330100 → 5, 330200 → 3 + 1 + 1 = 5, 330300 → 0: nothing below 5, all shown
        Assert.Equal("5,5,0", Cells(rows.Select(r => r.Assessed)));
        // every Zhejiang prefecture is listed for drilling down, the ones without enterprises as 0
        Assert.Contains(s.ByDistrict, r => r.Code == "330400" && r.Registered.Count == 0 && r.CanDrillDown);
        Assert.All(s.ByDistrict, r => Assert.StartsWith("33", r.Code));
    }

    [Fact]
    public async Task A_province_counts_its_industries_with_suppression()
    {
        var s = await SummaryAsync(ZhejiangAdmin, "330000");
        // 26 → 3 (hidden), 34 → 7 + 3 = 10, 39 → 3 + 2 = 5 (the smallest other cell, hidden as complement)
        Assert.Equal(["26", "34", "39"], s.ByIndustry.Select(r => r.Code));
        Assert.Equal("-,10,-", Cells(s.ByIndustry.Select(r => r.Registered)));
        // assessed: 26 → 0, 34 → 5 + 3 = 8, 39 → 1 + 1 = 2 (hidden; 34 is the only other non-zero cell, hidden too)
        Assert.Equal("0,-,-", Cells(s.ByIndustry.Select(r => r.Assessed)));
    }

    [Fact]
    public async Task Levels_count_only_latest_results_per_model()
    {
        var s = await SummaryAsync(ZhejiangAdmin, "330000");
        // m-a latest: level 1 → 2 (330102) + 1 (330212/39) = 3; level 2 → 3 + 2 + 1 = 6; level 3 → 1; the old level 4 is not latest
        var a = Assert.Single(s.Levels, l => l.ModelId == "m-a");
        Assert.Equal(10, a.Assessed.Count);
        Assert.Equal([1, 2, 3], a.Levels.Select(l => l.Level));
        Assert.Equal("-,6,-", Cells(a.Levels.Select(l => l.Enterprises)));
        // m-b: a single enterprise at level 2, hidden, and so is its total
        var b = Assert.Single(s.Levels, l => l.ModelId == "m-b");
        Assert.True(b.Assessed.Suppressed);
        Assert.Equal("-", Cells(b.Levels.Select(l => l.Enterprises)));
    }

    [Fact]
    public async Task Gaps_count_questions_below_full_marks_in_latest_results()
    {
        var s = await SummaryAsync(ZhejiangAdmin, "330000");
        // m-a latest results in Zhejiang (10): q1 below full in 5 (and full in 5: shown), q2 in 2 (hidden); q3 always full,
        // q4 not applicable, g is a group
        var gaps = s.Gaps.Where(g => g.ModelId == "m-a").ToList();
        Assert.Equal(["q1", "q2"], gaps.Select(g => g.NodeId));
        Assert.Equal("5,-", Cells(gaps.Select(g => g.Enterprises)));
        Assert.Equal("Question q1", gaps[0].NameEn);
        // Ningbo (5 results): q1 never below full marks (not listed); q2 below in 2, at full marks in 3: hidden
        var ningbo = (await SummaryAsync(NingboAdmin, "330200")).Gaps;
        Assert.Equal(("q2", true), (Assert.Single(ningbo).NodeId, ningbo[0].Enterprises.Suppressed));
        // Hangzhou (5 results + one m-b without gaps): q1 below full in all 5, none at full marks: shown
        var hangzhou = (await SummaryAsync(ZhejiangAdmin, "330100")).Gaps;
        Assert.Equal(("q1", 5), (Assert.Single(hangzhou).NodeId, hangzhou[0].Enterprises.Count));
    }

    [Fact]
    public async Task Market_counts_demands_of_the_region_and_hides_stages_of_fewer_than_five_enterprises()
    {
        var s = await SummaryAsync(ZhejiangAdmin, "330000");
        Assert.Equal((7, 6), (s.Market.Posted.Demands.Count, s.Market.Posted.Enterprises.Count));
        Assert.Equal((5, 5), (s.Market.Matched.Demands.Count, s.Market.Matched.Enterprises.Count));
        Assert.True(s.Market.WithProposals.Demands.Suppressed);   // 4 enterprises
        Assert.True(s.Market.Accepted.Demands.Suppressed);        // 1 enterprise (Shenzhen's accepted demand is elsewhere)
        var ningbo = await SummaryAsync(ZhejiangAdmin, "330200");
        Assert.Equal(0, ningbo.Market.Posted.Demands.Count);
    }

    [Fact]
    public async Task A_city_counts_its_counties_and_hides_the_complement_of_a_small_cell()
    {
        var s = await SummaryAsync(NingboAdmin, "330200");
        // registered 330203 → 2 (hidden), 330212 → 6 (the only other cell, hidden as complement); the total 8 is shown
        Assert.Equal(8, s.Totals.Registered.Count);
        Assert.Equal(["330203", "330212"], s.ByDistrict.Select(r => r.Code));
        Assert.Equal("-,-", Cells(s.ByDistrict.Select(r => r.Registered)));
        // assessed 330203 → 1, 330212 → 3 + 1 = 4: both below 5; total 5 shown
        Assert.Equal("-,-", Cells(s.ByDistrict.Select(r => r.Assessed)));
        Assert.Equal(5, s.Totals.Assessed.Count);
        Assert.All(s.ByDistrict, r => Assert.True(r.CanDrillDown));
        Assert.Equal("330000", (await SummaryAsync(ZhejiangAdmin, "330200")).Region.ParentCode);
        Assert.Null(s.Region.ParentCode); // the Ningbo admin cannot go up to Zhejiang
    }

    [Fact]
    public async Task A_county_is_its_own_only_district()
    {
        var s = await SummaryAsync(NingboAdmin, "330212");
        // 6 registered, 3 + 1 = 4 assessed (hidden)
        var row = Assert.Single(s.ByDistrict);
        Assert.Equal(("330212", 6, false), (row.Code, row.Registered.Count, row.CanDrillDown));
        Assert.True(s.Totals.Assessed.Suppressed);
        Assert.Equal("330200", s.Region.ParentCode);
    }

    [Fact]
    public async Task The_operator_sees_any_province_and_admins_are_refused_outside_their_scope()
    {
        var guangdong = await SummaryAsync(Operator, "440000");
        Assert.Equal(9, guangdong.Totals.Registered.Count);
        using var scope = _w.Factory.Services.CreateScope();
        var stats = scope.ServiceProvider.GetRequiredService<RegionStatistics>();
        Assert.Equal(Platform.OutcomeKind.Forbidden, (await stats.SummaryAsync(ZhejiangAdmin, "440000")).Kind);
        Assert.Equal(Platform.OutcomeKind.Forbidden, (await stats.SummaryAsync(NingboAdmin, "330000")).Kind);
        Assert.Equal(Platform.OutcomeKind.Forbidden, (await stats.SummaryAsync(NingboAdmin, "330102")).Kind);
        Assert.Equal(Platform.OutcomeKind.NotFound, (await stats.SummaryAsync(ZhejiangAdmin, "339900")).Kind);
        var enterpriseUser = new Viewer("u4", "e@example.cn", new HashSet<string> { PlatformRoles.EnterpriseUser }, Guid.NewGuid(), null);
        Assert.Equal(Platform.OutcomeKind.Forbidden, (await stats.SummaryAsync(enterpriseUser, "330000")).Kind);
    }

    [Fact]
    public async Task Rate_indicators_pool_numerators_and_denominators_of_the_latest_answers()
    {
        // Fuzhou: digital 5+10+15+20+50 = 100 of 200 → 50.0 %; networked 2+4+6+8+30 = 50 of 200 → 25.0 % (5 enterprises)
        var fuzhou = (await SummaryAsync(Operator, "350100")).Rates;
        Assert.Equal([("equipment-digitization", 50.0), ("equipment-networking", 25.0)], fuzhou.Select(r => (r.QuestionId, r.Percent!.Value)));
        Assert.All(fuzhou, r => Assert.Equal(5, r.Enterprises.Count));
        // Fujian adds Xiamen (10, 10, 10): 110 of 210 → 52.4 %, 60 of 210 → 28.6 % (6 enterprises)
        var fujian = (await SummaryAsync(Operator, "350000")).Rates;
        Assert.Equal([52.4, 28.6], fujian.Select(r => r.Percent!.Value));
        // Xiamen alone: one enterprise, so neither the rate nor the count is shown
        var xiamen = (await SummaryAsync(Operator, "350200")).Rates;
        Assert.All(xiamen, r => Assert.Equal((null, true), (r.Percent, r.Enterprises.Suppressed)));
        Assert.Equal(2, xiamen.Count);
        // Zhejiang's results are of models that are not installed: no rates
        Assert.Empty((await SummaryAsync(ZhejiangAdmin, "330000")).Rates);
    }

    [Fact]
    public async Task The_api_returns_suppressed_cells_as_null_with_a_flag()
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var summary = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/region/330000/summary"));
        Assert.Equal(18, summary.GetProperty("totals").GetProperty("registered").GetProperty("count").GetInt32());
        Assert.Equal(5, summary.GetProperty("minimumCell").GetInt32());
        var wenzhou = summary.GetProperty("byDistrict").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "330300");
        Assert.Equal(JsonValueKind.Null, wenzhou.GetProperty("registered").GetProperty("count").ValueKind);
        Assert.True(wenzhou.GetProperty("registered").GetProperty("suppressed").GetBoolean());
        Assert.False(wenzhou.GetProperty("assessed").GetProperty("suppressed").GetBoolean());

        var industries = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/region/330000/by-industry"));
        Assert.Equal("330000", industries.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal([null, 10, null], industries.GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("registered").GetProperty("count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : (int?)null));

        var unknown = await admin.Http.GetAsync("/api/v1/region/339900/levels");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_province_admin_drills_down_on_the_page_from_province_to_city_to_county()
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password);
        var province = await page.GetDocumentAsync("/region");
        Assert.Contains("Zhejiang", province.QuerySelector("[data-testid=region-name]")!.TextContent);
        Assert.Equal("18", province.QuerySelector("[data-testid=total-registered]")!.TextContent.Trim());
        var wenzhou = province.QuerySelector("[data-testid=drill-330300]")!.ParentElement!.ParentElement!;
        Assert.Equal("<5", wenzhou.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.NotNull(province.QuerySelector("[data-testid='levels-chart-m-a'][data-chart]"));
        Assert.Contains("Question q1", province.QuerySelector("[data-testid=gaps-table]")!.TextContent);

        var city = await page.GetDocumentAsync(province.QuerySelector("[data-testid=drill-330200]")!.GetAttribute("href")!);
        Assert.Equal("8", city.QuerySelector("[data-testid=total-registered]")!.TextContent.Trim());
        Assert.Equal("/region/330000", city.QuerySelector("[data-testid=region-up]")!.GetAttribute("href"));
        var county = await page.GetDocumentAsync(city.QuerySelector("[data-testid=drill-330212]")!.GetAttribute("href")!);
        Assert.Equal("6", county.QuerySelector("[data-testid=total-registered]")!.TextContent.Trim());
        Assert.Null(county.QuerySelector("[data-testid^=drill-]"));

        var empty = await page.GetDocumentAsync("/region/330400");
        Assert.NotNull(empty.QuerySelector("[data-testid=region-empty]"));
        var other = await page.Http.GetAsync("/region/440000");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("total-registered", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_city_admin_lands_on_its_city_in_chinese_and_cannot_open_the_province()
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330200");
        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "zh-CN");
        var city = await page.GetDocumentAsync("/region");
        Assert.Contains("宁波", city.QuerySelector("[data-testid=region-name]")!.TextContent);
        Assert.Contains("区域统计", city.Title);
        Assert.Null(city.QuerySelector("[data-testid=region-up]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync("/region/330000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync("/region/123")).StatusCode);
    }
}
