using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Pool;

/// <summary>The case and chain forms of the resource pool on the seeded demo: real posts, errors beside the fields, who is refused.</summary>
public sealed class PoolFormTests : IClassFixture<PoolPageTests.Demo>
{
    private const string DemoPassword = "Demo#2026pass";
    private readonly PoolPageTests.Demo _demo;

    public PoolFormTests(PoolPageTests.Demo demo) => _demo = demo;

    private Task<PageClient> AsAsync(DemoAccounts.Account account, string culture = "en") =>
        PageClient.SignedInAsync(_demo.Factory, account.Email, DemoPassword, culture);

    private static string Path(HttpResponseMessage response) => response.Headers.Location!.OriginalString.Replace("http://localhost", "");

    private static Dictionary<string, string> CaseFields(string titleZh) => new()
    {
        ["Input.TitleZh"] = titleZh, ["Input.TitleEn"] = "Case published by form", ["Input.SummaryZh"] = "通过表单登记。",
        ["Input.EnterpriseName"] = "浙江某电机企业", ["Input.Anonymised"] = "True", ["Input.IndustryCode"] = "38",
        ["Input.RegionCode"] = "330200", ["scenario"] = "equipment-monitoring", ["Input.Tier"] = "SmartFactoryAdvanced", ["Input.Year"] = "2025",
    };

    [Theory]
    [InlineData("/pool/cases/new")]
    [InlineData("/pool/chains/new")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await PageClient.Anonymous(_demo.Factory).Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", Path(response));
    }

    [Fact]
    public async Task The_provider_publishes_edits_and_deletes_a_case_through_the_form()
    {
        var providerId = _demo.Query(db => db.Users.Single(u => u.Email == DemoAccounts.Provider.Email).ProviderId!.Value);
        var ownSolution = _demo.Query(db => db.Solutions.Single(s => s.TitleZh == "设备联网与状态监测 SaaS"));
        var client = await AsAsync(DemoAccounts.Provider);

        var list = await client.GetDocumentAsync("/pool/cases");
        Assert.Equal("/pool/cases/new", list.QuerySelector("[data-testid=new-case]")!.GetAttribute("href"));

        // the solution picker offers only this provider's solutions
        var form = await client.GetDocumentAsync("/pool/cases/new");
        var offered = form.QuerySelectorAll("select[name='Input.SolutionId'] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 })
            .Select(v => Guid.Parse(v!)).ToList();
        Assert.Contains(ownSolution.Id, offered);
        var owners = _demo.Query(db => db.Solutions.Where(s => offered.Contains(s.Id)).Select(s => s.ProviderId).Distinct().ToList());
        Assert.Equal([providerId], owners);
        Assert.Null(form.QuerySelector("[name='Input.ProviderId']"));
        Assert.Equal(5, form.QuerySelectorAll("[data-testid=kpi-rows] tbody tr").Length);

        var title = "表单登记的电机案例";
        var fields = CaseFields(title);
        fields["Input.SolutionId"] = ownSolution.Id.ToString();
        fields["kpi[0].indicator"] = "production_efficiency";
        fields["kpi[0].before"] = "100";
        fields["kpi[0].after"] = "125";
        fields["kpi[0].unit"] = "件/时";
        fields["kpi[0].changePercent"] = "25";
        fields["kpi[3].indicator"] = "carbon"; // row 3 has no change: an error on row 3, not on the validator's second item
        var invalid = await client.PostFormAsync("/pool/cases/new", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = await PageClient.ParseAsync(invalid);
        Assert.NotNull(page.QuerySelector(".field-error[data-field='kpis[3].changePercent']"));
        Assert.Null(page.QuerySelector(".field-error[data-field='kpis[1].changePercent']"));
        Assert.Equal(title, page.QuerySelector("input[name='Input.TitleZh']")!.GetAttribute("value"));
        Assert.Equal("125", page.QuerySelector("input[name='kpi[0].after']")!.GetAttribute("value"));
        Assert.Equal("carbon", ((IHtmlSelectElement)page.QuerySelector("select[name='kpi[3].indicator']")!).Value);
        Assert.False(_demo.Query(db => db.Cases.Any(c => c.TitleZh == title)));

        fields["kpi[3].changePercent"] = "-12,5";
        var created = await client.PostFormAsync("/pool/cases/new", "main form", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(Path(created).Split('/')[3].Split('?')[0]);
        var saved = _demo.Query(db => db.Cases.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal((providerId, ownSolution.Id, true, DemonstrationTier.SmartFactoryAdvanced, 2025), (saved.ProviderId, saved.SolutionId, saved.Anonymised, saved.Tier, saved.Year));
        Assert.Equal(["production_efficiency", "carbon"], saved.Kpis.Select(k => k.Indicator));
        Assert.Equal(-12.5, saved.Kpis[1].ChangePercent);

        var detail = await client.GetDocumentAsync($"/pool/cases/{id}");
        Assert.Equal($"/pool/cases/{id}/edit", detail.QuerySelector("[data-testid=edit]")!.GetAttribute("href"));

        // editing keeps what the form shows: the KPI rows come back filled in
        var edited = await client.PostFormAsync($"/pool/cases/{id}/edit", "main form", new() { ["Input.TitleEn"] = "Case edited by form", ["kpi[1].unit"] = "%" }, keepValues: true);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = _demo.Query(db => db.Cases.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal(("Case edited by form", title, 2, "%"), (after.TitleEn, after.TitleZh, after.Kpis.Count, after.Kpis[1].Unit));

        var deleted = await client.PostFormAsync($"/pool/cases/{id}/edit", "main form.inline", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(_demo.Query(db => db.Cases.Any(c => c.Id == id)));
    }

    [Fact]
    public async Task The_case_form_renders_in_chinese_with_the_errors_in_chinese()
    {
        var client = await AsAsync(DemoAccounts.Provider, "zh-CN");
        var fields = CaseFields("中文错误案例");
        fields["Input.Year"] = "明年";
        fields["Input.RegionCode"] = "";

        var page = await PageClient.ParseAsync(await client.PostFormAsync("/pool/cases/new", "main form", fields));

        Assert.Equal("发布案例", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".field-error[data-field=year]"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", page.QuerySelector(".field-error[data-field=regionCode]")!.TextContent);
        Assert.Equal("浙江某电机企业", page.QuerySelector("input[name='Input.EnterpriseName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_operator_links_a_case_to_an_enterprise_by_credit_code()
    {
        var enterprise = _demo.Query(db => db.Enterprises.AsNoTracking().Single(e => e.Name == "宁波示范精密机械有限公司"));
        var client = await AsAsync(DemoAccounts.Operator);
        var fields = CaseFields("运营登记的关联案例");
        fields["Input.Anonymised"] = "False";
        fields["Input.EnterpriseName"] = enterprise.Name;
        fields["Input.EnterpriseCreditCode"] = "91330200MA2XXXXXX0";

        var refused = await PageClient.ParseAsync(await client.PostFormAsync("/pool/cases/new", "main form", fields));
        Assert.NotNull(refused.QuerySelector(".field-error[data-field=enterpriseId]"));
        Assert.Equal("91330200MA2XXXXXX0", refused.QuerySelector("input[name='Input.EnterpriseCreditCode']")!.GetAttribute("value"));

        fields["Input.EnterpriseCreditCode"] = enterprise.CreditCode.ToLowerInvariant();
        var created = await client.PostFormAsync("/pool/cases/new", "main form", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(Path(created).Split('/')[3].Split('?')[0]);
        Assert.Equal(enterprise.Id, _demo.Query(db => db.Cases.Single(c => c.Id == id).EnterpriseId));

        var form = await client.GetDocumentAsync($"/pool/cases/{id}/edit");
        Assert.Equal(enterprise.CreditCode, form.QuerySelector("input[name='Input.EnterpriseCreditCode']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Another_providers_case_and_the_forms_for_an_enterprise_user_are_refused()
    {
        var providerId = _demo.Query(db => db.Users.Single(u => u.Email == DemoAccounts.Provider.Email).ProviderId!.Value);
        var foreign = _demo.Query(db => db.Cases.First(c => c.ProviderId != null && c.ProviderId != providerId));
        var provider = await AsAsync(DemoAccounts.Provider);

        var response = await provider.Http.GetAsync($"/pool/cases/{foreign.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await PageClient.ParseAsync(response)).QuerySelector("input[name='Input.TitleZh']"));
        Assert.Null((await provider.GetDocumentAsync($"/pool/cases/{foreign.Id}")).QuerySelector("[data-testid=edit]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.Http.GetAsync("/pool/chains/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/pool/cases/{Guid.NewGuid()}/edit")).StatusCode);

        var enterprise = await AsAsync(DemoAccounts.Enterprise);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Http.GetAsync("/pool/cases/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Http.GetAsync("/pool/chains/new")).StatusCode);
        Assert.Null((await enterprise.GetDocumentAsync("/pool/cases")).QuerySelector("[data-testid=new-case]"));
        Assert.Null((await enterprise.GetDocumentAsync("/pool/chains")).QuerySelector("[data-testid=new-chain]"));

        // a post by hand changes nothing
        await enterprise.Http.PostAsync($"/pool/cases/{foreign.Id}/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "case", ["Input.TitleZh"] = "篡改" }));
        Assert.Equal(foreign.TitleZh, _demo.Query(db => db.Cases.Single(c => c.Id == foreign.Id).TitleZh));
    }

    [Fact]
    public async Task The_operator_organises_edits_and_deletes_a_chain_through_the_form()
    {
        var codes = _demo.Query(db => db.Enterprises.AsNoTracking()
            .Where(e => e.Name == "浙江同行制造企业01" || e.Name == "浙江同行制造企业02" || e.Name == "浙江同行制造企业03")
            .ToDictionary(e => e.Name, e => e.CreditCode));
        var client = await AsAsync(DemoAccounts.Operator, "zh-CN");

        var list = await client.GetDocumentAsync("/pool/chains");
        Assert.NotNull(list.QuerySelector("[data-testid=new-chain]"));
        var form = await client.GetDocumentAsync("/pool/chains/new");
        Assert.Equal("新建产业链", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(3, form.QuerySelectorAll("[data-testid=member-rows] tbody tr").Length);

        var fields = new Dictionary<string, string>
        {
            ["Input.NameZh"] = "表单组织的电机产业链", ["Input.NameEn"] = "Motor chain by form", ["Input.Industries"] = "38, 34",
            ["Input.RegionCode"] = "330200",
            ["member[0].creditCode"] = codes["浙江同行制造企业01"], ["member[0].role"] = "Leader", ["member[0].tier"] = "0",
            ["member[2].creditCode"] = codes["浙江同行制造企业02"], ["member[2].role"] = "Member", ["member[2].tier"] = "0",
        };
        var invalid = await client.PostFormAsync("/pool/chains/new", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = await PageClient.ParseAsync(invalid);
        Assert.Contains("1", page.QuerySelector(".field-error[data-field='members[2].tier']")!.TextContent);
        Assert.Equal(codes["浙江同行制造企业02"], page.QuerySelector("input[name='member[2].creditCode']")!.GetAttribute("value"));
        Assert.Equal("Member", ((IHtmlSelectElement)page.QuerySelector("select[name='member[2].role']")!).Value);
        Assert.Equal("表单组织的电机产业链", page.QuerySelector("input[name='Input.NameZh']")!.GetAttribute("value"));

        fields["member[2].tier"] = "1";
        var created = await client.PostFormAsync("/pool/chains/new", "main form", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(Path(created).Split('/')[3].Split('?')[0]);
        Assert.Equal(2, _demo.Query(db => db.ChainMembers.Count(m => m.ChainId == id)));

        var detail = await client.GetDocumentAsync($"/pool/chains/{id}");
        Assert.Equal($"/pool/chains/{id}/edit", detail.QuerySelector("[data-testid=edit]")!.GetAttribute("href"));

        // the existing members come back by credit code, followed by blank rows; one more member goes into a blank row
        var edit = await client.GetDocumentAsync($"/pool/chains/{id}/edit");
        Assert.Equal(5, edit.QuerySelectorAll("[data-testid=member-rows] tbody tr").Length);
        Assert.Equal(codes["浙江同行制造企业01"], edit.QuerySelector("input[name='member[0].creditCode']")!.GetAttribute("value"));
        var edited = await client.PostFormAsync($"/pool/chains/{id}/edit", "main form", new()
        {
            ["Input.NameEn"] = "Motor chain, edited", ["member[3].creditCode"] = codes["浙江同行制造企业03"], ["member[3].role"] = "Member", ["member[3].tier"] = "2",
        }, keepValues: true);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Motor chain, edited", _demo.Query(db => db.Chains.Single(c => c.Id == id).NameEn));
        Assert.Equal([0, 1, 2], _demo.Query(db => db.ChainMembers.Where(m => m.ChainId == id).Select(m => m.Tier).OrderBy(t => t).ToList()));

        var deleted = await client.PostFormAsync($"/pool/chains/{id}/edit", "main form.inline", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(_demo.Query(db => db.Chains.Any(c => c.Id == id)));
    }

    [Fact]
    public async Task A_regional_admin_edits_chains_inside_its_region_only()
    {
        var (inside, outside) = _demo.Query(db => (db.Chains.Single(c => c.NameZh == "宁波精密机械产业链").Id, db.Chains.Single(c => c.NameZh == "长三角汽车零部件产业链").Id));
        var client = await AsAsync(DemoAccounts.CityAdmin);

        var own = await client.GetDocumentAsync($"/pool/chains/{inside}/edit");
        Assert.Equal("Edit chain", own.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull((await client.GetDocumentAsync($"/pool/chains/{inside}")).QuerySelector("[data-testid=edit]"));
        Assert.Equal("330200", (await client.GetDocumentAsync("/pool/chains/new")).QuerySelector("input[name='Input.RegionCode']")!.GetAttribute("value"));

        var response = await client.Http.GetAsync($"/pool/chains/{outside}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await PageClient.ParseAsync(response)).QuerySelector("input[name='Input.NameZh']"));
        Assert.Null((await client.GetDocumentAsync($"/pool/chains/{outside}")).QuerySelector("[data-testid=edit]"));
    }
}
