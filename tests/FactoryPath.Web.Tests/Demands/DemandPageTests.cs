using AngleSharp.Html.Dom;
using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Demands;

/// <summary>The demand, inbox and project pages: who may open them, their forms, empty states, both languages.</summary>
public sealed class DemandPageTests : IClassFixture<DemandPageTests.World>
{
    private readonly World _w;

    public DemandPageTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public string EmailA { get; } = Codes.Email("page-demand-a");
        public string EmailB { get; } = Codes.Email("page-demand-b");
        public ApiClient A { get; private set; } = default!;
        public Marketplace.ProviderAccount Provider { get; private set; } = default!;
        public Marketplace.ProviderAccount Outsider { get; private set; } = default!;
        public Guid Demand { get; private set; }
        public Guid Project { get; private set; }

        public async Task InitializeAsync()
        {
            A = await ApiClient.RegisterAsync(Factory, EmailA);
            var b = await ApiClient.RegisterAsync(Factory, EmailB);
            await A.CreateEnterpriseAsync("页面需求甲企业", Codes.NewCreditCode());
            await b.CreateEnterpriseAsync("页面需求乙企业", Codes.NewCreditCode());
            Provider = await Marketplace.ProviderAsync(Factory, "页面服务商", ["smart-warehousing", "equipment-monitoring"]);
            Outsider = await Marketplace.ProviderAsync(Factory, "人事软件商", ["sme-human-resources"]); // shares no word with the demands
            Demand = await Marketplace.PostDemandAsync(A, Marketplace.Demand("页面甲的仓储需求", ["smart-warehousing"]));
            var awarded = await Marketplace.PostDemandAsync(A, Marketplace.Demand("页面甲的监测需求"));
            var proposal = await Marketplace.ProposeAsync(Provider.Api, awarded, 150_000);
            Project = (await ApiClient.ReadAsync(await A.Http.PostAsync($"/api/v1/demands/{awarded}/accept/{proposal}", null))).GetProperty("id").GetGuid();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private string Fill(string path) => path.Replace("{demand}", _w.Demand.ToString()).Replace("{project}", _w.Project.ToString());

    [Theory]
    [InlineData("/demands")]
    [InlineData("/demands/{demand}")]
    [InlineData("/inbox")]
    [InlineData("/inbox/{demand}")]
    [InlineData("/projects")]
    [InlineData("/projects/{project}")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await PageClient.Anonymous(_w.Factory).Http.GetAsync(Fill(path));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData("enterprise", "/inbox")]
    [InlineData("enterprise", "/inbox/{demand}")]
    [InlineData("provider", "/demands")]
    public async Task The_wrong_role_is_refused(string who, string path)
    {
        var email = who switch
        {
            "enterprise" => _w.EmailA,
            "provider" => _w.Provider.Email,
            _ => await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000"),
        };
        var client = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password);
        var response = await client.Http.GetAsync(Fill(path));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("b", "/demands/{demand}")]
    [InlineData("b", "/projects/{project}")]
    [InlineData("outsider", "/inbox/{demand}")]
    [InlineData("outsider", "/projects/{project}")]
    [InlineData("outsider", "/demands/{demand}")] // a provider the demand was not sent to: not found, as in the API
    public async Task Someone_elses_demand_or_project_is_not_found_and_nothing_leaks(string who, string path)
    {
        var client = await PageClient.SignedInAsync(_w.Factory, who == "b" ? _w.EmailB : _w.Outsider.Email, ApiClient.Password);
        var response = await client.Http.GetAsync(Fill(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("页面甲", html);
        Assert.DoesNotContain("页面需求甲企业", html);
    }

    [Fact]
    public async Task A_provider_opening_a_demand_it_received_is_sent_to_its_inbox_copy()
    {
        var provider = await PageClient.SignedInAsync(_w.Factory, _w.Provider.Email, ApiClient.Password);
        var response = await provider.Http.GetAsync($"/demands/{_w.Demand}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/inbox/{_w.Demand}", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData("330200", true)]
    [InlineData("330100", false)]
    public async Task A_regional_admin_lists_the_projects_of_its_regions_enterprises(string region, bool sees)
    {
        var admin = await PageClient.SignedInAsync(_w.Factory, await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, region), ApiClient.Password, "en");
        var page = await admin.GetDocumentAsync("/projects");
        Assert.Equal(sees, page.QuerySelector($"tr[data-project='{_w.Project}']") is not null);
        Assert.Equal(sees, page.Body!.TextContent.Contains("页面需求甲企业", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_lists_say_so_in_both_languages()
    {
        var email = Codes.Email("page-empty");
        var fresh = await ApiClient.RegisterAsync(_w.Factory, email);
        await fresh.CreateEnterpriseAsync("空白企业", Codes.NewCreditCode());
        var zh = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "zh-CN");
        var page = await zh.GetDocumentAsync("/demands");
        Assert.Equal("我的需求", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("还没有需求", page.QuerySelector("[data-testid=no-demands]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=demand-form]"));
        var en = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "en");
        Assert.Contains("No projects yet", (await en.GetDocumentAsync("/projects")).QuerySelector("[data-testid=projects-empty]")!.TextContent);
        var outsider = await PageClient.SignedInAsync(_w.Factory, _w.Outsider.Email, ApiClient.Password, "en");
        Assert.Contains("No demand has been sent to you yet", (await outsider.GetDocumentAsync("/inbox")).QuerySelector("[data-testid=inbox-empty]")!.TextContent);
    }

    [Fact]
    public async Task The_demand_form_shows_each_error_beside_its_field_and_posts_nothing()
    {
        var client = await PageClient.SignedInAsync(_w.Factory, _w.EmailA, ApiClient.Password, "en");
        var before = (await ApiClient.ReadAsync(await _w.A.Http.GetAsync("/api/v1/demands"))).GetProperty("total").GetInt32();
        var response = await client.PostFormAsync("/demands", "form[data-testid=demand-form]", new()
        {
            ["title"] = "", ["budgetMin"] = "abc", ["budgetMax"] = "5", ["deadline"] = "2020-01-01", ["regionCode"] = "330200",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("title is required", page.QuerySelector(".field-error[data-field=title]")!.TextContent);
        Assert.Contains("10,000 CNY", page.QuerySelector(".field-error[data-field=budgetMinCny]")!.TextContent);
        Assert.NotNull(page.QuerySelector(".field-error[data-field=scenarios]"));
        Assert.NotNull(page.QuerySelector(".field-error[data-field=deadline]"));
        Assert.Equal(before, (await ApiClient.ReadAsync(await _w.A.Http.GetAsync("/api/v1/demands"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Post_answer_and_accept_through_the_pages()
    {
        var enterprise = await PageClient.SignedInAsync(_w.Factory, _w.EmailA, ApiClient.Password, "zh-CN");
        var posted = await enterprise.PostFormAsync("/demands", "form[data-testid=demand-form]", new()
        {
            ["title"] = "页面发布的设备监测需求", ["description"] = "十台设备联网。", ["scenarios"] = "equipment-monitoring",
            ["budgetMin"] = "5", ["budgetMax"] = "30", ["deadline"] = DateTime.Today.AddDays(60).ToString("yyyy-MM-dd"),
            ["regionCode"] = "330200", ["deployment"] = "saas",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var demandPath = posted.Headers.Location!.OriginalString.Replace("http://localhost", "").Split('?')[0];
        var demandPage = await enterprise.GetDocumentAsync(demandPath + "?posted=1");
        Assert.Equal("1", demandPage.QuerySelector("[data-testid=recipient-count]")!.TextContent.Trim());
        Assert.Contains("5 万元 – 30 万元", demandPage.QuerySelector("[data-testid=budget]")!.TextContent);
        Assert.NotNull(demandPage.QuerySelector("[data-testid=no-proposals]"));
        var demandId = demandPath.Split('/').Last();

        var provider = await PageClient.SignedInAsync(_w.Factory, _w.Provider.Email, ApiClient.Password, "en");
        var inbox = await provider.GetDocumentAsync("/inbox");
        Assert.Equal("true", inbox.QuerySelector($"tr[data-demand='{demandId}']")!.GetAttribute("data-unread"));
        var answered = await provider.PostFormAsync($"/inbox/{demandId}", "form[data-testid=proposal-form]", new()
        {
            ["price"] = "18.5", ["weeks"] = "8", ["approach"] = "Network the ten machines first, then add condition dashboards.",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        inbox = await provider.GetDocumentAsync("/inbox");
        Assert.Equal("false", inbox.QuerySelector($"tr[data-demand='{demandId}']")!.GetAttribute("data-unread"));
        var own = await provider.GetDocumentAsync($"/inbox/{demandId}");
        Assert.Contains("CNY 185,000", own.QuerySelector("[data-testid=my-price]")!.TextContent);

        var compare = await enterprise.GetDocumentAsync(demandPath);
        Assert.Contains("18.5 万元", compare.QuerySelector("[data-testid=proposal-table] [data-testid=price]")!.TextContent);
        var accepted = await enterprise.PostFormAsync(demandPath, "[data-testid=proposal-table] form", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var projectPath = accepted.Headers.Location!.OriginalString.Replace("http://localhost", "");
        Assert.StartsWith("/projects/", projectPath);
        var project = await enterprise.GetDocumentAsync(projectPath);
        Assert.Equal("待启动", project.QuerySelector("[data-testid=project-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_project_page_starts_completes_with_kpis_and_rating_and_shows_errors_on_their_row()
    {
        var enterprise = await ApiClient.RegisterAsync(_w.Factory, Codes.Email("page-project"));
        await enterprise.CreateEnterpriseAsync("页面项目企业", Codes.NewCreditCode());
        var demandId = await Marketplace.PostDemandAsync(enterprise, Marketplace.Demand("页面项目需求", ["equipment-monitoring"]));
        var proposal = await Marketplace.ProposeAsync(_w.Provider.Api, demandId, 90_000);
        var projectId = (await ApiClient.ReadAsync(await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{proposal}", null))).GetProperty("id").GetGuid();
        var email = (await enterprise.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString()!;

        var provider = await PageClient.SignedInAsync(_w.Factory, _w.Provider.Email, ApiClient.Password, "en");
        Assert.Equal(HttpStatusCode.Redirect, (await provider.PostFormAsync($"/projects/{projectId}", "form:has([data-testid=start])", [])).StatusCode);

        var owner = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "en");
        var bad = await owner.PostFormAsync($"/projects/{projectId}", "form[data-testid=complete-form]", new()
        {
            ["kpi0.indicator"] = "equipment_utilisation", ["kpi0.change"] = "12", ["kpi2.indicator"] = "equipment_utilisation", ["kpi2.change"] = "x", ["rating"] = "",
        });
        var page = await PageClient.ParseAsync(bad);
        Assert.NotNull(page.QuerySelector(".field-error[data-field='kpis[2].changePercent']"));
        Assert.NotNull(page.QuerySelector(".field-error[data-field='kpis[2].indicator']"));
        Assert.NotNull(page.QuerySelector(".field-error[data-field=rating]"));

        var done = await owner.PostFormAsync($"/projects/{projectId}", "form[data-testid=complete-form]", new()
        {
            ["kpi0.indicator"] = "equipment_utilisation", ["kpi0.change"] = "12", ["kpi3.indicator"] = "energy_per_unit", ["kpi3.change"] = "-8.5",
            ["rating"] = "5", ["comment"] = "Good work.", ["consent"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        page = await owner.GetDocumentAsync($"/projects/{projectId}");
        Assert.Equal("Completed", page.QuerySelector("[data-testid=project-status]")!.TextContent.Trim());
        Assert.Contains("-8.5 %", page.QuerySelector("[data-testid=outcomes]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=case-created]"));
        Assert.Null(page.QuerySelector("[data-testid=consent-form]"));
    }

    [Fact]
    public async Task A_regional_admin_reads_the_comparison_without_accept_or_close_buttons()
    {
        var email = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        await _w.Provider.Api.Http.PostAsJsonAsync($"/api/v1/demands/{_w.Demand}/proposals", Marketplace.Proposal(77_000));
        var admin = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "en");
        var response = await admin.Http.GetAsync($"/demands/{_w.Demand}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("页面甲的仓储需求", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=proposal-table]"));
        Assert.Null(page.QuerySelector("[data-testid=accept]"));
        Assert.Null(page.QuerySelector("[data-testid=close-demand]"));
    }
}
