using FactoryPath.Core.Matching;

namespace FactoryPath.Web.Tests.Pool;

/// <summary>
/// Who may change what in the pool. Pool records are visible to everyone signed in, so changing a record one may read
/// but not change is 403 (as for an enterprise profile); an id that does not exist is 404.
/// </summary>
public sealed class PoolAuthorizationTests(PoolWorld w) : IClassFixture<PoolWorld>
{
    [Fact]
    public async Task An_enterprise_user_reads_the_pool_but_cannot_change_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await w.Enterprise.Http.GetAsync("/api/v1/pool/providers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Enterprise.Http.GetAsync($"/api/v1/pool/providers/{w.ProviderAId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PostAsJsonAsync("/api/v1/pool/providers", PoolWorld.Provider("企业不能建", Codes.NewCreditCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PutAsJsonAsync($"/api/v1/pool/providers/{w.ProviderAId}", PoolWorld.Provider("改名", Codes.NewCreditCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("企业方案", w.ProviderAId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("企业案例"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("企业产业链"))).StatusCode);

        var solution = await ApiClient.ReadAsync(await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("企业只读方案")));
        var id = solution.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", PoolWorld.Solution("改掉"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Enterprise.Http.DeleteAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_provider_manages_its_own_solutions_and_profile_only()
    {
        var own = await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("甲方自有方案"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var ownBody = await ApiClient.ReadAsync(own);
        Assert.Equal(w.ProviderAId, ownBody.GetProperty("providerId").GetGuid());
        var id = ownBody.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("冒名方案", w.ProviderBId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderB.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", PoolWorld.Solution("乙方改甲方"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderB.Http.DeleteAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderA.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", PoolWorld.Solution("转给乙方", w.ProviderBId))).StatusCode);
        Assert.Equal("甲方自有方案", (await ApiClient.ReadAsync(await w.ProviderB.Http.GetAsync($"/api/v1/pool/solutions/{id}"))).GetProperty("titleZh").GetString());

        Assert.Equal(HttpStatusCode.OK, (await w.ProviderA.Http.PutAsJsonAsync($"/api/v1/pool/solutions/{id}", PoolWorld.Solution("甲方自有方案二"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderA.Http.PutAsJsonAsync($"/api/v1/pool/providers/{w.ProviderBId}", PoolWorld.Provider("乙方被改", Codes.NewCreditCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/providers", PoolWorld.Provider("自立门户", Codes.NewCreditCode()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderA.Http.DeleteAsync($"/api/v1/pool/providers/{w.ProviderAId}")).StatusCode);

        var profile = await ApiClient.ReadAsync(await w.ProviderA.Http.GetAsync($"/api/v1/pool/providers/{w.ProviderAId}"));
        var update = await w.ProviderA.Http.PutAsJsonAsync($"/api/v1/pool/providers/{w.ProviderAId}",
            PoolWorld.Provider("甲方智造科技有限公司", profile.GetProperty("creditCode").GetString()!));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Contains(w.Changes.Calls, c => c == ("changed", SearchDocumentKinds.Provider, w.ProviderAId));
        Assert.Equal(HttpStatusCode.NoContent, (await w.ProviderA.Http.DeleteAsync($"/api/v1/pool/solutions/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_provider_records_cases_of_its_own_solutions_only()
    {
        var solutionB = (await ApiClient.ReadAsync(await w.ProviderB.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("乙方案例方案")))).GetProperty("id").GetGuid();
        var solutionA = (await ApiClient.ReadAsync(await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("甲方案例方案")))).GetProperty("id").GetGuid();

        var foreign = await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("甲方借用乙方方案", solutionB));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await ApiClient.ReadAsync(foreign)).GetProperty("errors").TryGetProperty("solutionId", out _));

        var linked = await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("甲方关联企业", solutionA, w.NingboEnterpriseId));
        Assert.True((await ApiClient.ReadAsync(linked)).GetProperty("errors").TryGetProperty("enterpriseId", out _));

        var created = await w.ProviderA.Http.PostAsJsonAsync("/api/v1/pool/cases", PoolWorld.Case("甲方自有案例", solutionA));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (await ApiClient.ReadAsync(created)).GetProperty("id").GetGuid();
        Assert.Contains(w.Changes.Calls, c => c == ("changed", SearchDocumentKinds.Case, caseId));
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ProviderB.Http.PutAsJsonAsync($"/api/v1/pool/cases/{caseId}", PoolWorld.Case("乙方改案例"))).StatusCode);

        var evidence = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync($"/api/v1/pool/solutions/{solutionA}/cases"));
        Assert.Equal(caseId, Assert.Single(evidence.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_anonymised_case_never_shows_its_enterprise()
    {
        var body = PoolWorld.Case("匿名示范案例", enterpriseId: w.NingboEnterpriseId, anonymised: true, enterpriseName: "浙江某精密机械企业");
        var created = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/cases", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiClient.ReadAsync(created)).GetProperty("id").GetGuid();

        foreach (var client in new[] { w.Operator, w.Enterprise, w.ProviderA })
        {
            foreach (var path in new[] { $"/api/v1/pool/cases/{id}", "/api/v1/pool/cases?search=匿名示范&pageSize=100" })
            {
                var text = await (await client.Http.GetAsync(path)).Content.ReadAsStringAsync();
                Assert.Contains("浙江某精密机械企业", text);
                Assert.DoesNotContain(w.NingboEnterpriseName, text);
                Assert.DoesNotContain(w.NingboEnterpriseId.ToString(), text);
            }
        }

        var realName = PoolWorld.Case("匿名但写了真名", enterpriseId: w.NingboEnterpriseId, anonymised: true, enterpriseName: w.NingboEnterpriseName);
        var refused = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/cases", realName);
        Assert.True((await ApiClient.ReadAsync(refused)).GetProperty("errors").TryGetProperty("enterpriseName", out _));

        // an edit that leaves the enterprise out keeps the hidden link
        body["titleEn"] = "Anonymised case, edited";
        body["enterpriseId"] = null;
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.PutAsJsonAsync($"/api/v1/pool/cases/{id}", body)).StatusCode);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(w.Factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FactoryPath.Web.Persistence.PlatformDbContext>(scope.ServiceProvider);
        Assert.Equal(w.NingboEnterpriseId, db.Cases.Single(c => c.Id == id).EnterpriseId);
    }

    [Fact]
    public async Task A_regional_admin_organises_chains_in_its_own_region_only()
    {
        var inRegion = new
        {
            nameZh = "宁波模具产业链", nameEn = "Ningbo moulds chain", regionCode = "330200",
            members = new object[] { new { enterpriseId = w.NingboEnterpriseId, role = "Leader", tier = 0 } },
        };
        var created = await w.NingboAdmin.Http.PostAsJsonAsync("/api/v1/pool/chains", inRegion);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var outside = await w.NingboAdmin.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("深圳电子产业链", "440300"));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await ApiClient.ReadAsync(outside)).GetProperty("errors").TryGetProperty("regionCode", out _));

        // an enterprise outside its region reads as unknown, whether by id or credit code
        var foreign = await w.NingboAdmin.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("宁波跨区产业链"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await ApiClient.ReadAsync(foreign)).GetProperty("errors").TryGetProperty("members[1].enterpriseId", out _));

        var shenzhenChain = await ApiClient.ReadAsync(await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/chains", new
        {
            nameZh = "深圳终端产业链", nameEn = "Shenzhen devices chain", regionCode = "440300",
            members = new object[] { new { enterpriseId = w.ShenzhenEnterpriseId, role = "Leader", tier = 0 } },
        }));
        var shenzhenId = shenzhenChain.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NingboAdmin.Http.PutAsJsonAsync($"/api/v1/pool/chains/{shenzhenId}", w.Chain("改深圳链", "440300"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NingboAdmin.Http.DeleteAsync($"/api/v1/pool/chains/{shenzhenId}")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_sees_its_chains_with_names_and_tiers_but_no_ids()
    {
        var chain = await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/chains", w.Chain("企业可见产业链"));
        Assert.Equal(HttpStatusCode.Created, chain.StatusCode);

        var mine = await ApiClient.ReadAsync(await w.Enterprise.Http.GetAsync("/api/v1/pool/chains?mine=true&search=企业可见"));
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        var members = item.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([0, 1], members.Select(m => m.GetProperty("tier").GetInt32()));
        Assert.Equal(w.NingboEnterpriseName, members[0].GetProperty("name").GetString());
        Assert.All(members, m => Assert.Equal(JsonValueKind.Null, m.GetProperty("enterpriseId").ValueKind));

        var operatorView = await ApiClient.ReadAsync(await w.Operator.Http.GetAsync($"/api/v1/pool/chains/{item.GetProperty("id").GetGuid()}"));
        Assert.Equal(w.NingboEnterpriseId, operatorView.GetProperty("members")[0].GetProperty("enterpriseId").GetGuid());

        var other = await ApiClient.RegisterAsync(w.Factory, Codes.Email("no-chain"));
        var none = await ApiClient.ReadAsync(await other.Http.GetAsync("/api/v1/pool/chains?mine=true"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_service_provider_account_needs_an_existing_provider()
    {
        var missing = await w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users",
            new { email = Codes.Email("p"), displayName = "服务商", password = ApiClient.Password, role = "ServiceProvider" });
        Assert.True((await ApiClient.ReadAsync(missing)).GetProperty("errors").TryGetProperty("providerId", out _));

        var unknown = await w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users",
            new { email = Codes.Email("p"), displayName = "服务商", password = ApiClient.Password, role = "ServiceProvider", providerId = Guid.NewGuid() });
        Assert.True((await ApiClient.ReadAsync(unknown)).GetProperty("errors").TryGetProperty("providerId", out _));

        var wrongRole = await w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users",
            new { email = Codes.Email("p"), displayName = "企业", password = ApiClient.Password, role = "EnterpriseUser", providerId = w.ProviderAId });
        Assert.True((await ApiClient.ReadAsync(wrongRole)).GetProperty("errors").TryGetProperty("providerId", out _));
    }

    [Fact]
    public async Task Deleting_a_provider_takes_its_solutions_and_tells_the_index()
    {
        var provider = await w.CreateProviderAsync("待删除服务商");
        var solution = (await ApiClient.ReadAsync(await w.Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", PoolWorld.Solution("待删除方案", provider)))).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await w.Operator.Http.DeleteAsync($"/api/v1/pool/providers/{provider}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await w.Operator.Http.GetAsync($"/api/v1/pool/solutions/{solution}")).StatusCode);
        Assert.Contains(w.Changes.Calls, c => c == ("deleted", SearchDocumentKinds.Provider, provider));
        Assert.Contains(w.Changes.Calls, c => c == ("deleted", SearchDocumentKinds.Solution, solution));
    }
}
