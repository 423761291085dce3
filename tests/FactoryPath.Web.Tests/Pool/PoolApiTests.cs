using FactoryPath.Core.Matching;

namespace FactoryPath.Web.Tests.Pool;

public sealed class PoolApiTests(PoolWorld w) : IClassFixture<PoolWorld>
{
    [Theory]
    [InlineData("GET", "/api/v1/pool/providers")]
    [InlineData("GET", "/api/v1/pool/providers/00000000-0000-0000-0000-000000000001")]
    [InlineData("POST", "/api/v1/pool/providers")]
    [InlineData("GET", "/api/v1/pool/providers/00000000-0000-0000-0000-000000000001/solutions")]
    [InlineData("GET", "/api/v1/pool/solutions")]
    [InlineData("POST", "/api/v1/pool/solutions")]
    [InlineData("PUT", "/api/v1/pool/solutions/00000000-0000-0000-0000-000000000001")]
    [InlineData("DELETE", "/api/v1/pool/solutions/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/v1/pool/solutions/00000000-0000-0000-0000-000000000001/cases")]
    [InlineData("GET", "/api/v1/pool/cases")]
    [InlineData("POST", "/api/v1/pool/cases")]
    [InlineData("GET", "/api/v1/pool/chains")]
    [InlineData("POST", "/api/v1/pool/chains")]
    [InlineData("DELETE", "/api/v1/pool/chains/00000000-0000-0000-0000-000000000001")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
        var response = await w.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_operator_creates_reads_updates_and_deletes_a_solution_and_the_index_hears_of_each_change()
    {
        var create = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("设备监测云平台", w.ProviderAId));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = await ApiClient.ReadAsync(create);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("甲方智造科技有限公司", created.GetProperty("providerName").GetString());
        Assert.Equal("saas", created.GetProperty("deployment").GetString());
        Assert.Contains(w.Changes.Calls, c => c == ("changed", SearchDocumentKinds.Solution, id));

        var read = await ApiClient.ReadAsync(await w.Operator.Http.GetAsync($"/api/v1/pool/solutions/{id}"));
        Assert.Equal("设备监测云平台", read.GetProperty("titleZh").GetString());
        Assert.Equal(["Small", "Medium"], read.GetProperty("sizeClasses").EnumerateArray().Select(s => s.GetProperty("code").GetString()));

        var body = PoolWorld.Solution("设备监测云平台（升级版）", w.ProviderAId);
        body["priceMaxCny"] = 120_000;
        var update = await w.Operator.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", body);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(120_000, (await ApiClient.ReadAsync(update)).GetProperty("priceMaxCny").GetInt64());
        Assert.Equal(2, w.Changes.Calls.Count(c => c == ("changed", SearchDocumentKinds.Solution, id)));

        Assert.Equal(HttpStatusCode.NoContent, (await w.Operator.Http.DeleteAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
        Assert.Contains(w.Changes.Calls, c => c == ("deleted", SearchDocumentKinds.Solution, id));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Operator.Http.GetAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_title_search_follows_creates_renames_and_deletes_and_ignores_case()
    {
        var marker = "检索" + Guid.NewGuid().ToString("N")[..8];
        var body = PoolWorld.Solution(marker + "甲", w.ProviderAId);
        body["titleEn"] = "Search Follows MES " + marker;
        var id = (await ApiClient.ReadAsync(await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", body))).GetProperty("id").GetGuid();
        async Task<List<Guid>> Found(string search) =>
            (await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/solutions?search={Uri.EscapeDataString(search)}")))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([id], await Found(marker + "甲"));
        Assert.Equal([id], await Found("  search follows mes " + marker.ToUpperInvariant() + " "));
        Assert.Empty(await Found(marker + "乙"));

        body["titleZh"] = "改名" + marker + "乙";
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", body)).StatusCode);
        Assert.Equal([id], await Found(marker + "乙"));
        Assert.Empty(await Found(marker + "甲"));

        Assert.Equal(HttpStatusCode.NoContent, (await w.Operator.Http.DeleteAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
        Assert.Empty(await Found(marker));
    }

    [Fact]
    public async Task A_bad_solution_gets_400_with_the_fields_named()
    {
        var body = PoolWorld.Solution("", w.ProviderAId);
        body["priceMinCny"] = 90_000;
        body["scenarios"] = new[] { "no-such-scenario" };
        body["deployment"] = "cloud";

        var response = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["deployment", "priceMaxCny", "scenarios", "titleZh"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("no-such-scenario", errors.GetProperty("scenarios")[0].GetString());
    }

    [Fact]
    public async Task Errors_come_in_the_callers_language()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pool/providers") { Content = JsonContent.Create(new { name = "" }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await w.Operator.Http.SendAsync(request);

        var errors = (await ApiClient.ReadAsync(response)).GetProperty("errors");
        Assert.Equal("请填写名称", errors.GetProperty("name")[0].GetString());
        Assert.True(errors.TryGetProperty("creditCode", out _));
    }

    [Fact]
    public async Task Duplicates_get_409_naming_the_field()
    {
        var code = Codes.NewCreditCode("330100");
        await w.CreateProviderAsync("重复代码服务商", code);
        var provider = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/providers", PoolWorld.Provider("另一家服务商", code));
        Assert.Equal(HttpStatusCode.Conflict, provider.StatusCode);
        Assert.True((await ApiClient.ReadAsync(provider)).GetProperty("errors").TryGetProperty("creditCode", out _));

        Assert.Equal(HttpStatusCode.Created, (await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("重复标题方案"))).StatusCode);
        var solution = await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("重复标题方案"));
        Assert.Equal(HttpStatusCode.Conflict, solution.StatusCode);
        Assert.True((await ApiClient.ReadAsync(solution)).GetProperty("errors").TryGetProperty("titleZh", out _));
        // the same title under another provider is fine
        Assert.Equal(HttpStatusCode.Created, (await w.ProviderB.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("重复标题方案"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("重复案例"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("重复案例"))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("重复产业链"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("重复产业链"))).StatusCode);
    }

    [Fact]
    public async Task Lists_page_and_filter()
    {
        var provider = await w.CreateProviderAsync("分页测试服务商");
        for (var i = 0; i < 3; i++)
        {
            var body = PoolWorld.Solution($"分页方案{i}", provider);
            if (i == 2) body["deployment"] = "OnPremises";
            Assert.Equal(HttpStatusCode.Created, (await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", body)).StatusCode);
        }

        var page = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/solutions?providerId={provider}&pageSize=2&page=2"));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());

        var onPremises = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/solutions?providerId={provider}&deployment=onPremises"));
        Assert.Equal("分页方案2", Assert.Single(onPremises.GetProperty("items").EnumerateArray()).GetProperty("titleZh").GetString());

        var search = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync("/api/v1/pool/solutions?search=分页方案1"));
        Assert.Equal("分页方案1", Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("titleZh").GetString());

        var ofProvider = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/providers/{provider}/solutions"));
        Assert.Equal(3, ofProvider.GetProperty("total").GetInt32());

        // served regions: the provider serves 330000, so a county in Ningbo is covered and Shenzhen is not
        var inNingbo = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/providers?regionServed=330212&search=分页测试"));
        Assert.Equal(1, inNingbo.GetProperty("total").GetInt32());
        var inShenzhen = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/providers?regionServed=440300&search=分页测试"));
        Assert.Equal(0, inShenzhen.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await w.Enterprise.Http.GetAsync("/api/v1/pool/solutions?pageSize=101")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Enterprise.Http.GetAsync("/api/v1/pool/cases?tier=gold")).StatusCode);
    }

    [Fact]
    public async Task Updating_a_chain_replaces_its_members()
    {
        var created = await ApiClient.ReadAsync(await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("换成员产业链")));
        var id = created.GetProperty("id").GetGuid();
        var swapped = new
        {
            nameZh = "换成员产业链", nameEn = "Swapped chain", regionCode = "330200",
            members = new object[]
            {
                new { enterpriseId = w.ShenzhenEnterpriseId, role = "Leader", tier = 0 },
                new { enterpriseId = w.NingboEnterpriseId, role = "Member", tier = 2 },
            },
        };

        var response = await w.Operator.Http.PutAsJsonAsync($"/api/v1/pool/chains/{id}", swapped);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var members = (await ApiClient.ReadAsync(response)).GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("enterpriseId").GetGuid(), m.GetProperty("role").GetString(), m.GetProperty("tier").GetInt32())).ToList();
        Assert.Equal([(w.ShenzhenEnterpriseId, "leader", 0), (w.NingboEnterpriseId, "member", 2)], members);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await w.Enterprise.Http.GetAsync($"/api/v1/pool/providers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Enterprise.Http.GetAsync($"/api/v1/pool/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Enterprise.Http.GetAsync($"/api/v1/pool/chains/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Operator.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", PoolWorld.Solution("无"))).StatusCode);
    }
}
