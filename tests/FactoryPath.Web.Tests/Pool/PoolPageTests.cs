using AngleSharp.Dom;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Pool;

/// <summary>The resource pool's pages on the seeded demo, in both languages, and its forms through a real post.</summary>
public sealed class PoolPageTests : IClassFixture<PoolPageTests.Demo>
{
    private const string DemoPassword = "Demo#2026pass";
    private readonly Demo _demo;

    public PoolPageTests(Demo demo) => _demo = demo;

    public sealed class Demo : IDisposable
    {
        public PlatformFactory Factory { get; } = new(seedDemo: true);

        public T Query<T>(Func<PlatformDbContext, T> query)
        {
            using var scope = Factory.Services.CreateScope();
            return query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        }

        public void Dispose() => Factory.Dispose();
    }

    private Task<PageClient> AsAsync(DemoAccounts.Account account, string culture = "en") =>
        PageClient.SignedInAsync(_demo.Factory, account.Email, DemoPassword, culture);

    [Theory]
    [InlineData("/pool/solutions")]
    [InlineData("/pool/solutions/new")]
    [InlineData("/pool/providers")]
    [InlineData("/pool/cases")]
    [InlineData("/pool/chains")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await PageClient.Anonymous(_demo.Factory).Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public void The_demo_pool_is_seeded_and_the_provider_account_bound()
    {
        // other tests add records; the seeded ones carry the seed's fixed time
        var seededAt = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        var (providers, solutions, cases, chains) = _demo.Query(db => (db.Providers.Count(p => p.CreatedAt == seededAt),
            db.Solutions.Count(s => s.CreatedAt == seededAt), db.Cases.Count(c => c.CreatedAt == seededAt), db.Chains.Count(c => c.CreatedAt == seededAt)));
        Assert.Equal(12, providers);
        Assert.Equal(40, solutions);
        Assert.Equal(15, cases);
        Assert.Equal(2, chains);
        var bound = _demo.Query(db => db.Users.Single(u => u.Email == DemoAccounts.Provider.Email).ProviderId);
        Assert.Equal("杭州云智工业互联网科技有限公司", _demo.Query(db => db.Providers.Single(p => p.Id == bound).Name));
    }

    [Theory]
    [InlineData("zh-CN", "设备联网与状态监测 SaaS", "解决方案")]
    [InlineData("en", "Equipment networking and condition monitoring SaaS", "Solutions")]
    public async Task The_solutions_page_lists_the_pool_in_the_chosen_language(string culture, string title, string heading)
    {
        var page = await (await AsAsync(DemoAccounts.Enterprise, culture)).GetDocumentAsync("/pool/solutions?pageSize=20");

        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(4, page.QuerySelectorAll(".pool-tabs a:not([data-testid=find-solutions])").Length);
        var rows = page.QuerySelectorAll("[data-testid=solution-table] tbody tr");
        Assert.Equal(20, rows.Length);
        Assert.NotNull(page.QuerySelector(".pager a"));

        var search = await (await AsAsync(DemoAccounts.Enterprise, culture)).GetDocumentAsync("/pool/solutions?search=" + Uri.EscapeDataString("设备联网与状态监测"));
        Assert.Contains(title, Assert.Single(search.QuerySelectorAll("[data-testid=solution-table] tbody tr")).TextContent);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_shows_the_empty_state()
    {
        var page = await (await AsAsync(DemoAccounts.Enterprise)).GetDocumentAsync("/pool/solutions?search=nothing-like-this");
        Assert.NotNull(page.QuerySelector("[data-testid=empty]"));
        Assert.Null(page.QuerySelector("[data-testid=solution-table]"));
    }

    [Theory]
    [InlineData("zh-CN", "设备运行监控", "杭州云智工业互联网科技有限公司")]
    [InlineData("en", "Equipment condition monitoring", "杭州云智工业互联网科技有限公司")]
    public async Task A_solution_page_names_its_provider_scenarios_and_evidence(string culture, string scenarioText, string provider)
    {
        var id = _demo.Query(db => db.Solutions.Single(s => s.TitleZh == "设备联网与状态监测 SaaS").Id);

        var page = await (await AsAsync(DemoAccounts.Enterprise, culture)).GetDocumentAsync($"/pool/solutions/{id}");

        Assert.Equal(provider, page.QuerySelector("[data-testid=provider]")!.TextContent);
        Assert.Contains(scenarioText, page.QuerySelector("[data-testid=scenarios]")!.TextContent);
        Assert.Equal("¥20,000–¥60,000", page.QuerySelector("[data-testid=price]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=standardised]"));
        Assert.Single(page.QuerySelectorAll("[data-testid=case-table] tbody tr"));
        Assert.Null(page.QuerySelector("[data-testid=edit]"));
    }

    [Fact]
    public async Task An_anonymised_case_page_shows_the_description_not_the_enterprise()
    {
        var id = _demo.Query(db => db.Cases.Single(c => c.TitleZh == "宁波精密机械企业设备联网与 OEE 提升").Id);

        var response = await (await AsAsync(DemoAccounts.Operator, "zh-CN")).Http.GetAsync($"/pool/cases/{id}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await PageClient.ParseAsync(response);

        Assert.Equal("宁波某精密机械企业", page.QuerySelector("[data-testid=enterprise]")!.TextContent);
        Assert.DoesNotContain("宁波示范精密机械有限公司", html);
        var kpis = page.QuerySelectorAll("[data-testid=kpi-table] tbody tr");
        Assert.Equal(2, kpis.Length);
        Assert.Contains("设备综合利用率", kpis[0].TextContent);
        Assert.Contains("+18%", kpis[0].TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "宁波精密机械产业链", "第 1 级配套")]
    [InlineData("en", "Ningbo precision machinery chain", "Tier 1 suppliers")]
    public async Task The_owner_sees_its_chain_with_the_leader_and_members_by_tier(string culture, string name, string tierHeading)
    {
        var client = await AsAsync(DemoAccounts.Enterprise, culture);
        var list = await client.GetDocumentAsync("/pool/chains?mine=true");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=chain-table] tbody tr"));
        Assert.Contains(name, row.TextContent);

        var chain = await client.GetDocumentAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("宁波示范精密机械有限公司", chain.QuerySelector("[data-tier='0']")!.TextContent);
        Assert.Contains(tierHeading, chain.QuerySelector("[data-tier='1']")!.TextContent);
        Assert.Equal(2, chain.QuerySelectorAll("[data-tier='1'] li").Length);
    }

    [Theory]
    [InlineData("/pool/providers")]
    [InlineData("/pool/cases")]
    public async Task The_other_lists_render_in_chinese(string path)
    {
        var page = await (await AsAsync(DemoAccounts.Enterprise, "zh-CN")).GetDocumentAsync(path);
        Assert.NotNull(page.QuerySelector("table.data tbody tr"));
        Assert.Contains("资源池", page.QuerySelector(".mainnav")!.TextContent);
    }

    [Fact]
    public async Task The_provider_publishes_and_edits_a_solution_through_the_form()
    {
        var client = await AsAsync(DemoAccounts.Provider);

        var invalid = await client.PostFormAsync("/pool/solutions/new", "form[data-enhance], main form", new()
        {
            ["Input.TitleZh"] = "表单发布的方案", ["Input.TitleEn"] = "Published by form", ["scenario"] = "equipment-monitoring",
            ["Input.Deployment"] = "Saas", ["Input.PriceMinCny"] = "90000", ["Input.PriceMaxCny"] = "30000", ["Input.ImplementationWeeks"] = "4",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(invalid)).QuerySelector(".field-error[data-field=priceMaxCny]"));

        var created = await client.PostFormAsync("/pool/solutions/new", "main form", new()
        {
            ["Input.TitleZh"] = "表单发布的方案", ["Input.TitleEn"] = "Published by form", ["scenario"] = "equipment-monitoring",
            ["Input.Deployment"] = "Saas", ["Input.PriceMinCny"] = "30,000", ["Input.PriceMaxCny"] = "90000", ["Input.ImplementationWeeks"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detail = created.Headers.Location!.OriginalString.Replace("http://localhost", "");
        var id = Guid.Parse(detail.Split('/')[3].Split('?')[0]);
        var own = _demo.Query(db => db.Solutions.AsNoTracking().Single(s => s.Id == id));
        Assert.Equal(_demo.Query(db => db.Users.Single(u => u.Email == DemoAccounts.Provider.Email).ProviderId), own.ProviderId);
        Assert.Equal(30_000, own.PriceMinCny);

        var edited = await client.PostFormAsync($"/pool/solutions/{id}/edit", "main form", new()
        {
            ["Input.TitleZh"] = "表单修改后的方案", ["Input.ImplementationWeeks"] = "6",
        }, keepValues: true);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = _demo.Query(db => db.Solutions.AsNoTracking().Single(s => s.Id == id));
        Assert.Equal(("表单修改后的方案", 6, "Published by form"), (after.TitleZh, after.ImplementationWeeks, after.TitleEn));

        var deleted = await client.PostFormAsync($"/pool/solutions/{id}/edit", "main form.inline", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(_demo.Query(db => db.Solutions.Any(s => s.Id == id)));
    }

    [Fact]
    public async Task Another_providers_solution_and_profile_cannot_be_edited_on_the_pages()
    {
        var foreign = _demo.Query(db => db.Solutions.Single(s => s.TitleZh == "设备预测性维护系统"));
        var client = await AsAsync(DemoAccounts.Provider);

        var solution = await client.Http.GetAsync($"/pool/solutions/{foreign.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, solution.StatusCode);
        Assert.Null((await PageClient.ParseAsync(solution)).QuerySelector("form[method=post] input[name='Input.TitleZh']"));
        var profile = await client.Http.GetAsync($"/pool/providers/{foreign.ProviderId}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, profile.StatusCode);

        var enterprise = await AsAsync(DemoAccounts.Enterprise);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Http.GetAsync("/pool/solutions/new")).StatusCode);
    }

    [Fact]
    public async Task The_provider_edits_its_own_profile_with_errors_beside_the_fields()
    {
        var providerId = _demo.Query(db => db.Users.Single(u => u.Email == DemoAccounts.Provider.Email).ProviderId!.Value);
        var client = await AsAsync(DemoAccounts.Provider, "zh-CN");

        var refused = await client.PostFormAsync($"/pool/providers/{providerId}/edit", "main form", new() { ["Input.TeamSize"] = "0", ["Input.Website"] = "yunzhi" }, keepValues: true);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("团队人数", page.QuerySelector(".field-error[data-field=teamSize]")!.TextContent);
        Assert.NotNull(page.QuerySelector(".field-error[data-field=website]"));

        var saved = await client.PostFormAsync($"/pool/providers/{providerId}/edit", "main form", new() { ["Input.TeamSize"] = "90" }, keepValues: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(90, _demo.Query(db => db.Providers.Single(p => p.Id == providerId).TeamSize));
        var profile = await client.GetDocumentAsync($"/pool/providers/{providerId}");
        Assert.NotNull(profile.QuerySelector("[data-testid=edit]"));
        Assert.Contains("设备联网与状态监测 SaaS", profile.Body!.TextContent);
    }

    [Fact]
    public async Task The_operator_opens_a_provider_account_on_the_accounts_page()
    {
        var providerId = _demo.Query(db => db.Providers.Single(p => p.Name == "苏州工链数字科技有限公司").Id);
        var client = await AsAsync(DemoAccounts.Operator);
        var email = Codes.Email("page-provider");
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "工链账号", ["Input.Email"] = email, ["Input.Password"] = ApiClient.Password,
            ["Input.Role"] = PlatformRoles.ServiceProvider, ["Input.RegionCode"] = "", ["Input.ProviderId"] = "",
        };

        var refused = await PageClient.ParseAsync(await client.PostFormAsync("/admin/users", "main form", fields));
        Assert.NotNull(refused.QuerySelector(".field-error[data-field=providerId]"));

        fields["Input.ProviderId"] = providerId.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/users", "main form", fields)).StatusCode);
        Assert.Equal(providerId, _demo.Query(db => db.Users.Single(u => u.Email == email).ProviderId));
    }
}
