using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// Indicator rates, scene maturity and the level trend over a small hand-made data set (stored directly; the rollups
/// are rebuilt from it at the first statistics request), model miit-sme-digital-level:
/// <code>
/// Fuzhou 350102  division  equipment (total, digital, networked)  data-collection score /10  product-design scene level /4
/// E1–E5          34        (10,5,2) (20,10,4) (30,15,6) (40,20,8) (100,50,30)   10, 5, 5, 0, 2.5     0, 1, 2, 4, 1
/// E6–E10         39        –                                                     10 each              4 each
/// E11            26        –                                                     0                    2
/// Xiamen 350203: ten enterprises at level 1 five months ago; five of them at level 2 two months ago.
/// </code>
/// </summary>
public sealed class RegionIndicatorTests : IClassFixture<RegionIndicatorTests.World>
{
    private readonly World _w;

    public RegionIndicatorTests(World world) => _w = world;

    private static readonly Viewer Operator = new("u3", "op@example.cn", new HashSet<string> { PlatformRoles.PlatformAdmin }, null, null);

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public DateTime Now { get; private set; }

        public async Task InitializeAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var model = scope.ServiceProvider.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
            Now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var equipment = new (int, int, int)?[] { (10, 5, 2), (20, 10, 4), (30, 15, 6), (40, 20, 8), (100, 50, 30) };
            var collection = new[] { 10m, 5m, 5m, 0m, 2.5m };
            var design = new[] { 0, 1, 2, 4, 1 };
            for (var i = 0; i < 11; i++)
            {
                var division = i < 5 ? "34" : i < 10 ? "39" : "26";
                var e = Enterprise(db, "350102", division);
                var answers = new AnswerSheetData();
                if (i < 5 && equipment[i] is var (total, digital, networked))
                {
                    answers = answers
                        .With("equipment-digitization", new Answer { Values = new Dictionary<string, decimal> { ["total"] = total, ["digital"] = digital } })
                        .With("equipment-networking", new Answer { Values = new Dictionary<string, decimal> { ["networked"] = networked } });
                }
                var score = i < 5 ? collection[i] : i < 10 ? 10m : 0m;
                var level = i < 5 ? design[i] : i < 10 ? 4 : 2;
                Result(db, e, model, 2, true, Now, [new NodeScore("data-collection", "g", 1, "multi", new LocalizedText("数据自动采集覆盖环节", "Data"), score, 10, false)],
                    [new SceneResult("product-design", "product-lifecycle", new LocalizedText("产品设计", "Product design"), true, level, 4)], AssessmentJson.Serialize(answers));
            }

            var monthStart = new DateTime(Now.Year, Now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 10; i++)
            {
                var e = Enterprise(db, "350203", "34");
                Result(db, e, model, 1, latest: i >= 5, monthStart.AddMonths(-5).AddDays(9), [], [], "{}");
                if (i < 5) Result(db, e, model, 2, latest: true, monthStart.AddMonths(-2).AddDays(9), [], [], "{}");
            }
            await db.SaveChangesAsync();
        }

        private static Enterprise Enterprise(PlatformDbContext db, string region, string industry)
        {
            var e = new Enterprise { Name = $"指标{region}-{Guid.NewGuid():N}", CreditCode = Codes.NewCreditCode(), IndustryCode = industry, RegionCode = region, ProvinceCode = "350000" };
            db.Enterprises.Add(e);
            return e;
        }

        private static void Result(PlatformDbContext db, Enterprise e, AssessmentModel model, int level, bool latest, DateTime at, List<NodeScore> nodes, List<SceneResult> scenes, string answers)
        {
            var sheet = new AnswerSheet { EnterpriseId = e.Id, ModelId = model.Id, ModelVersion = model.Version, Status = AnswerSheetStatus.Submitted, AnswersJson = answers };
            db.AnswerSheets.Add(sheet);
            var name = new LocalizedText("名称", "Name");
            var result = new AssessmentResult(model.Id, model.Version, name, 0, 100, nodes, scenes, [], new LevelReached(level, name), null);
            db.Results.Add(new StoredResult
            {
                AnswerSheetId = sheet.Id, EnterpriseId = e.Id, ModelId = model.Id, ModelVersion = model.Version, Level = level, IsLatest = latest, SubmittedAt = at,
                IndustryCode = e.IndustryCode, ProvinceCode = e.ProvinceCode, RegionCode = e.RegionCode, ResultJson = AssessmentJson.Serialize(result),
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<RegionSummary> SummaryAsync(string code)
    {
        using var scope = _w.Factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegionStatistics>().SummaryAsync(Operator, code);
        Assert.True(outcome.IsOk, outcome.Message);
        return outcome.Value!;
    }

    [Fact]
    public async Task Indicators_follow_their_definitions_over_the_latest_results()
    {
        var s = await SummaryAsync("350100");
        IndicatorValue Miit(string id) => s.Indicators.Single(i => i.IndicatorId == id && i.ModelId == "miit-sme-digital-level");
        // pooled: 100 of 200 machines digital, 50 of 200 networked (E1–E5)
        Assert.Equal((50.0, 5), (Miit("digitalisation").Percent!.Value, Miit("digitalisation").Enterprises.Count!.Value));
        Assert.Equal((25.0, 5), (Miit("equipment-networking").Percent!.Value, Miit("equipment-networking").Enterprises.Count!.Value));
        // mean share of data-collection: (1 + .5 + .5 + 0 + .25 + 5 × 1 + 0) / 11 = 65.9 %
        Assert.Equal((65.9, 11), (Miit("data-collection").Percent!.Value, Miit("data-collection").Enterprises.Count!.Value));
        // product design at level 1 or above: 10 of 11
        Assert.Equal(90.9, Miit("digital-design-tools").Percent);
        // the NC rate of key processes is a proxy: the digital share of equipment
        var nc = Miit("nc-key-processes");
        Assert.Equal((true, 50.0), (nc.Proxy, nc.Percent!.Value));
        // the other installed model has no results here: zero enterprises, no value
        Assert.All(s.Indicators.Where(i => i.ModelId == "cmmm-selfcheck"), i => Assert.Equal((0, (double?)null), (i.Enterprises.Count!.Value, i.Percent)));
        // every indicator of the issue is there
        Assert.Equal(["equipment-networking", "digitalisation", "data-collection", "digital-design-tools", "nc-key-processes"], s.Indicators.Select(i => i.IndicatorId).Distinct());
    }

    [Fact]
    public async Task Indicators_of_fewer_than_five_enterprises_are_hidden()
    {
        // Gulou county alone has the same data; Xiamen's results carry no nodes: no enterprises, no values
        var xiamen = await SummaryAsync("350200");
        Assert.All(xiamen.Indicators, i => Assert.Null(i.Percent));
        using var scope = _w.Factory.Services.CreateScope();
        var stats = scope.ServiceProvider.GetRequiredService<RegionStatistics>();
        var county = RegionStatistics.Resolve(Operator, "350102").Value!;
        var indicators = await stats.IndicatorsAsync(county);
        Assert.Equal(50.0, indicators.Single(i => i.IndicatorId == "digitalisation" && i.ModelId == "miit-sme-digital-level").Percent);
    }

    [Fact]
    public async Task Scene_maturity_per_division_hides_small_cells_and_their_complement()
    {
        var cells = (await SummaryAsync("350100")).SceneMaturity.Where(c => c.SceneId == "product-design").ToList();
        Assert.Equal(["26", "34", "39"], cells.Select(c => c.Division));
        // 26 has one enterprise (hidden), so the smallest other cell, 34 (5), is hidden as well; 39 shows 5 at level 4
        Assert.Equal([true, true, false], cells.Select(c => c.Enterprises.Suppressed));
        Assert.All(cells.Take(2), c => Assert.Equal(((double?)null, (double?)null), (c.MeanPercent, c.AtHalfPercent)));
        Assert.Equal((5, 100.0, 100.0), (cells[2].Enterprises.Count!.Value, cells[2].MeanPercent!.Value, cells[2].AtHalfPercent!.Value));
        // Gulou county alone: the same cells
        var county = (await SummaryAsync("350102")).SceneMaturity.Where(c => c.SceneId == "product-design").Select(c => (c.Division, c.Enterprises.Count, c.MeanPercent));
        Assert.Equal(cells.Select(c => (c.Division, c.Enterprises.Count, c.MeanPercent)), county);
    }

    [Fact]
    public async Task The_level_trend_counts_latest_levels_at_each_month_end()
    {
        var trend = Assert.Single((await SummaryAsync("350200")).LevelTrend);
        Assert.Equal("miit-sme-digital-level", trend.ModelId);
        Assert.Equal(RegionStatistics.TrendMonths, trend.Months.Count);
        Assert.Equal([1, 2], trend.Levels);
        var start = new DateTime(_w.Now.Year, _w.Now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), trend.Months[^1].Month);
        string Row(int monthsAgo) => string.Join(",", trend.Months[^(monthsAgo + 1)].Levels.Select(l => l.Enterprises.Count?.ToString() ?? "-"));
        Assert.Equal("0,0", Row(6));
        Assert.Equal("10,0", Row(5));
        Assert.Equal("10,0", Row(3));
        Assert.Equal("5,5", Row(2));
        Assert.Equal("5,5", Row(0));
        Assert.Equal(10, trend.Months[^1].Assessed.Count);
        // the province adds Fuzhou's eleven results at level 2 this month: 5 at level 1 and 16 at level 2
        var fujian = (await SummaryAsync("350000")).LevelTrend.Single();
        Assert.Equal([5, 16], fujian.Months[^1].Levels.Select(l => l.Enterprises.Count!.Value));
    }

    [Theory]
    [InlineData("en", "Indicator rates", "proxy")]
    [InlineData("zh-CN", "指标率", "替代")]
    public async Task The_region_page_shows_indicators_trend_and_heat_map(string culture, string heading, string proxy)
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "350000");
        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, culture);
        var doc = await page.GetDocumentAsync("/region/350100");
        Assert.Contains(heading, doc.QuerySelector("section[data-table=indicators] h2")!.TextContent);
        var digital = doc.QuerySelector("[data-testid=indicators-table] tr[data-key='digitalisation:miit-sme-digital-level']")!;
        Assert.Contains("50.0 %", digital.TextContent);
        Assert.Contains(proxy, doc.QuerySelector("[data-testid=indicators-table] tr[data-key='nc-key-processes:miit-sme-digital-level']")!.TextContent);
        Assert.NotNull(doc.QuerySelector("[data-testid=trend-chart-miit-sme-digital-level][data-chart]"));
        // heat map: divisions 26, 34 hidden, 39 at 100.0
        var row = doc.QuerySelector("[data-testid=heat-table][data-group=miit-sme-digital-level] tr[data-key=product-design]")!;
        Assert.Equal(["<5", "<5", "100.0 %"], row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()));
        using var chart = System.Text.Json.JsonDocument.Parse(doc.QuerySelector("[data-testid=heat-chart-miit-sme-digital-level]")!.GetAttribute("data-chart")!);
        Assert.Equal("heatmap", chart.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, chart.RootElement.GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void The_indicator_definitions_name_questions_of_the_installed_models()
    {
        using var scope = _w.Factory.Services.CreateScope();
        Assert.Empty(RegionIndicators.Check(RegionIndicators.All, scope.ServiceProvider.GetRequiredService<ModelRegistry>()));
    }

    [Theory]
    [InlineData("""{"indicators":[{"id":"a","name":{"zh":"甲","en":"A"},"sources":[{"model":"m","kind":"question","node":"q","method":"share-at-least","atLeast":0.3,"note":{"zh":"注","en":"n"}}]}]}""", "atLeast 0.25, 0.5, 0.75 or 1")]
    [InlineData("""{"indicators":[{"id":"a","name":{"zh":"甲","en":"A"},"sources":[{"model":"m","kind":"question","node":"q","method":"median","note":{"zh":"注","en":"n"}}]}]}""", "method is \"median\"")]
    [InlineData("""{"indicators":[{"id":"a","name":{"zh":"甲","en":"A"},"sources":[{"model":"m","kind":"scene","node":"q","method":"pooled-rate","note":{"zh":"注","en":"n"}}]}]}""", "pooled rate needs a band question")]
    [InlineData("""{"indicators":[{"id":"a","name":{"zh":"甲"},"sources":[]}]}""", "name needs zh and en")]
    [InlineData("""{"indicators":[]}""", "no indicators")]
    [InlineData("""{"indicators":[{"id":"a","nam":{"zh":"甲","en":"A"}}]}""", "nam")]
    public void A_bad_definitions_file_is_refused_with_the_entry_at_fault(string json, string expected)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<FormatException>(() => RegionIndicators.Parse(stream));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
