using FactoryPath.Core.Demands;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Demands;

/// <summary>The whole way from a posted demand to a demonstration case, through the API.</summary>
public sealed class DemandFlowTests : IAsyncLifetime
{
    private readonly PlatformFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Post_answer_compare_accept_start_complete_rate_and_consent_make_an_anonymised_case()
    {
        var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("flow"));
        var enterpriseId = (await enterprise.CreateEnterpriseAsync("宁波流程汽车零部件有限公司", Codes.NewCreditCode(), regionCode: "330212", industryCode: "36")).GetProperty("id").GetGuid();
        var near = await Marketplace.ProviderAsync(_factory, "甲工业互联网服务商", ["equipment-monitoring", "equipment-fault-prediction"], ["330000"]);
        var nationwide = await Marketplace.ProviderAsync(_factory, "乙数字化服务商", ["equipment-monitoring"]);
        var elsewhere = await Marketplace.ProviderAsync(_factory, "丙广东服务商", ["equipment-monitoring"], ["440000"]);
        var unrelated = await Marketplace.ProviderAsync(_factory, "丁财务软件服务商", ["sme-financial-management"]);
        var solution = await Marketplace.SolutionAsync(_factory, near.ProviderId, "设备状态监测标准版");

        var post = await enterprise.Http.PostAsJsonAsync("/api/v1/demands", Marketplace.Demand(scenarios: ["equipment-monitoring", "equipment-fault-prediction"]));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var posted = await ApiClient.ReadAsync(post);
        var demandId = posted.GetProperty("id").GetGuid();
        Assert.Equal("36", posted.GetProperty("industryCode").GetString());
        Assert.Equal("small", posted.GetProperty("sizeClass").GetString());
        Assert.Equal(2, posted.GetProperty("recipientCount").GetInt32());

        // the recipients are stored with their score and reason in both languages
        var recipients = Marketplace.Query(_factory, db => db.DemandRecipients.Where(r => r.DemandId == demandId).ToList());
        Assert.Equal(new[] { near.ProviderId, nationwide.ProviderId }.Order(), recipients.Select(r => r.ProviderId).Order());
        Assert.All(recipients, r => Assert.True(r.Score > 0 && r.ReasonZh.Length > 0 && r.ReasonEn.Length > 0));
        Assert.True(recipients.Single(r => r.ProviderId == near.ProviderId).Score > recipients.Single(r => r.ProviderId == nationwide.ProviderId).Score);

        // matched providers see it unread in their inbox; the others do not have it
        var inbox = await ApiClient.ReadAsync(await near.Api.Http.GetAsync("/api/v1/inbox"));
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(demandId, item.GetProperty("demandId").GetGuid());
        Assert.True(item.GetProperty("unread").GetBoolean());
        Assert.Equal(0, (await ApiClient.ReadAsync(await elsewhere.Api.Http.GetAsync("/api/v1/inbox"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ApiClient.ReadAsync(await unrelated.Api.Http.GetAsync("/api/v1/inbox"))).GetProperty("total").GetInt32());

        // opening it marks it read; the provider sees why it was matched but not who else is asked
        var opened = await ApiClient.ReadAsync(await near.Api.Http.GetAsync($"/api/v1/demands/{demandId}"));
        Assert.False(string.IsNullOrEmpty(opened.GetProperty("matchReason").GetString()));
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("recipientCount").ValueKind);
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("enterpriseName").ValueKind);
        inbox = await ApiClient.ReadAsync(await near.Api.Http.GetAsync("/api/v1/inbox"));
        Assert.False(inbox.GetProperty("items")[0].GetProperty("unread").GetBoolean());

        var nearProposal = await Marketplace.ProposeAsync(near.Api, demandId, 420_000, solution);
        var cheaper = await Marketplace.ProposeAsync(nationwide.Api, demandId, 380_000);
        // one proposal per provider and demand
        Assert.Equal(HttpStatusCode.Conflict, (await near.Api.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Marketplace.Proposal(1))).StatusCode);
        // the provider changes its price
        var put = await near.Api.Http.PutAsJsonAsync($"/api/v1/proposals/{nearProposal}", Marketplace.Proposal(360_000, solutionId: solution));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("设备状态监测标准版", (await ApiClient.ReadAsync(put)).GetProperty("solutionTitle").GetString());

        // the enterprise compares, cheapest first
        var compare = await ApiClient.ReadAsync(await enterprise.Http.GetAsync($"/api/v1/demands/{demandId}/proposals"));
        Assert.Equal(new[] { nearProposal, cheaper }, compare.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(360_000, compare.GetProperty("items")[0].GetProperty("priceCny").GetInt64());

        var accept = await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{nearProposal}", null);
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var project = await ApiClient.ReadAsync(accept);
        var projectId = project.GetProperty("id").GetGuid();
        Assert.Equal("planned", project.GetProperty("status").GetString());
        Assert.Equal(360_000, project.GetProperty("priceCny").GetInt64());
        Assert.Equal(solution, project.GetProperty("solutionId").GetGuid());

        var demand = await ApiClient.ReadAsync(await enterprise.Http.GetAsync($"/api/v1/demands/{demandId}"));
        Assert.Equal("awarded", demand.GetProperty("status").GetString());
        Assert.Equal(projectId, demand.GetProperty("projectId").GetGuid());
        var other = await ApiClient.ReadAsync(await nationwide.Api.Http.GetAsync($"/api/v1/proposals/{cheaper}"));
        Assert.Equal("declined", other.GetProperty("status").GetString());
        // a settled proposal can no longer be changed
        Assert.Equal(HttpStatusCode.Conflict, (await nationwide.Api.Http.PutAsJsonAsync($"/api/v1/proposals/{cheaper}", Marketplace.Proposal(1000))).StatusCode);

        // both sides list the project; the losing provider does not
        Assert.Equal(projectId, (await ApiClient.ReadAsync(await enterprise.Http.GetAsync("/api/v1/projects"))).GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(projectId, (await ApiClient.ReadAsync(await near.Api.Http.GetAsync("/api/v1/projects"))).GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, (await ApiClient.ReadAsync(await nationwide.Api.Http.GetAsync("/api/v1/projects"))).GetProperty("total").GetInt32());

        // only the provider starts, and the enterprise cannot complete before it is started
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/complete", new { rating = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.Http.PostAsync($"/api/v1/projects/{projectId}/start", null)).StatusCode);
        var started = await near.Api.Http.PostAsync($"/api/v1/projects/{projectId}/start", null);
        Assert.Equal("inProgress", (await ApiClient.ReadAsync(started)).GetProperty("status").GetString());

        // a bad completion is refused field by field and changes nothing
        var bad = await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/complete", new
        {
            rating = 6, kpis = new[] { new { indicator = "Production Efficiency", changePercent = 30.0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ApiClient.ReadAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("rating", out _));
        Assert.True(errors.TryGetProperty("kpis[0].indicator", out _));
        Assert.Equal("inProgress", (await ApiClient.ReadAsync(await enterprise.Http.GetAsync($"/api/v1/projects/{projectId}"))).GetProperty("status").GetString());

        var completed = await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/complete", new
        {
            rating = 4, comment = "按期上线。",
            kpis = new object[] { new { indicator = "production_efficiency", changePercent = 30.0 }, new { indicator = "carbon", changePercent = -12.0 } },
        });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await ApiClient.ReadAsync(completed);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(new[] { "consent" }, done.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray());

        var provider = Marketplace.Query(_factory, db => db.Providers.Single(p => p.Id == near.ProviderId));
        Assert.Equal(4.0, provider.Rating);
        Assert.Equal(1, provider.RatedProjects);
        Assert.Null(Marketplace.Query(_factory, db => db.Providers.Single(p => p.Id == nationwide.ProviderId)).Rating);

        var consent = await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/consent", new { named = false });
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var caseId = (await ApiClient.ReadAsync(consent)).GetProperty("caseId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/consent", new { })).StatusCode);

        var shown = Marketplace.Query(_factory, db => db.Cases.Single(c => c.Id == caseId));
        Assert.True(shown.Anonymised);
        Assert.Equal("浙江省宁波市某汽车制造企业", shown.EnterpriseName);
        Assert.DoesNotContain("宁波流程", shown.TitleZh + shown.TitleEn + shown.SummaryZh + shown.SummaryEn);
        Assert.Equal(projectId, shown.ProjectId);
        Assert.Equal(near.ProviderId, shown.ProviderId);
        Assert.Equal(solution, shown.SolutionId);
        Assert.Equal(enterpriseId, shown.EnterpriseId);
        Assert.Equal("36", shown.IndustryCode);
        Assert.Equal("330212", shown.RegionCode);
        Assert.Equal(["equipment-monitoring", "equipment-fault-prediction"], shown.Scenarios);
        Assert.Equal([("production_efficiency", 30.0), ("carbon", -12.0)], shown.Kpis.Select(k => (k.Indicator, k.ChangePercent)).ToArray());
    }

    [Fact]
    public async Task A_second_rated_project_averages_the_providers_rating_and_a_named_case_keeps_the_name()
    {
        var provider = await Marketplace.ProviderAsync(_factory, "评分服务商", ["smart-energy-control"]);
        double?[] expected = [5.0, 4.0];
        var ratings = new[] { 5, 3 };
        for (var i = 0; i < 2; i++)
        {
            var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("rate"));
            await enterprise.CreateEnterpriseAsync($"评分企业{i}", Codes.NewCreditCode());
            var demandId = await Marketplace.PostDemandAsync(enterprise, Marketplace.Demand("能源管控", ["smart-energy-control"]));
            var proposalId = await Marketplace.ProposeAsync(provider.Api, demandId, 200_000);
            var projectId = (await ApiClient.ReadAsync(await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{proposalId}", null))).GetProperty("id").GetGuid();
            await provider.Api.Http.PostAsync($"/api/v1/projects/{projectId}/start", null);
            var done = await enterprise.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/complete", new { rating = ratings[i], consent = i == 1, named = true });
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            var stored = Marketplace.Query(_factory, db => db.Providers.Single(p => p.Id == provider.ProviderId));
            Assert.Equal(expected[i], stored.Rating);
            Assert.Equal(i + 1, stored.RatedProjects);
            if (i == 1)
            {
                var caseId = (await ApiClient.ReadAsync(done)).GetProperty("caseId").GetGuid();
                var shown = Marketplace.Query(_factory, db => db.Cases.Single(c => c.Id == caseId));
                Assert.False(shown.Anonymised);
                Assert.Equal("评分企业1", shown.EnterpriseName);
            }
        }
    }

    [Fact]
    public async Task Two_accepts_at_the_same_moment_create_exactly_one_project()
    {
        var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("race"));
        await enterprise.CreateEnterpriseAsync("并发企业", Codes.NewCreditCode());
        var p1 = await Marketplace.ProviderAsync(_factory, "并发服务商一", ["quality-traceability"]);
        var p2 = await Marketplace.ProviderAsync(_factory, "并发服务商二", ["quality-traceability"]);
        var demandId = await Marketplace.PostDemandAsync(enterprise, Marketplace.Demand("质量追溯", ["quality-traceability"]));
        var a = await Marketplace.ProposeAsync(p1.Api, demandId, 300_000);
        var b = await Marketplace.ProposeAsync(p2.Api, demandId, 310_000);
        var second = await ApiClient.SignInAsync(_factory, (await enterprise.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString()!, ApiClient.Password);

        var responses = await Task.WhenAll(
            enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{a}", null),
            second.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{b}", null),
            enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{b}", null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, Marketplace.Query(_factory, db => db.Projects.Count(p => p.DemandId == demandId)));
        var statuses = Marketplace.Query(_factory, db => db.Proposals.Where(p => p.DemandId == demandId).Select(p => p.Status).ToList());
        Assert.Equal(1, statuses.Count(s => s == ProposalStatus.Accepted));
        Assert.Equal(1, statuses.Count(s => s == ProposalStatus.Declined));
    }

    [Fact]
    public async Task Withdrawn_answers_may_be_sent_again_and_closed_demands_refuse_further_answers()
    {
        var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("close"));
        await enterprise.CreateEnterpriseAsync("关闭企业", Codes.NewCreditCode());
        var p1 = await Marketplace.ProviderAsync(_factory, "撤回服务商", ["smart-warehousing"]);
        var p2 = await Marketplace.ProviderAsync(_factory, "迟到服务商", ["smart-warehousing"]);
        var demandId = await Marketplace.PostDemandAsync(enterprise, Marketplace.Demand("智能仓储", ["smart-warehousing"]));
        var proposal = await Marketplace.ProposeAsync(p1.Api, demandId, 100_000);

        var withdrawn = await p1.Api.Http.PostAsync($"/api/v1/proposals/{proposal}/withdraw", null);
        Assert.Equal("withdrawn", (await ApiClient.ReadAsync(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/accept/{proposal}", null)).StatusCode);

        // while the demand is open the provider may answer again; the same proposal comes back with the new terms
        var again = await p1.Api.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Marketplace.Proposal(95_000));
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        var resubmitted = await ApiClient.ReadAsync(again);
        Assert.Equal("submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(95_000, resubmitted.GetProperty("priceCny").GetInt64());
        Assert.Equal(1, Marketplace.Query(_factory, db => db.Proposals.Count(p => p.DemandId == demandId && p.Status == FactoryPath.Core.Demands.ProposalStatus.Submitted)));
        Assert.Equal(HttpStatusCode.Conflict, (await p1.Api.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Marketplace.Proposal(90_000))).StatusCode);

        var closed = await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/close", null);
        Assert.Equal("closed", (await ApiClient.ReadAsync(closed)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.Http.PostAsync($"/api/v1/demands/{demandId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await p2.Api.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Marketplace.Proposal(90_000))).StatusCode);
        Assert.Equal(0, Marketplace.Query(_factory, db => db.Projects.Count(p => p.DemandId == demandId)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_errors_in_the_callers_language()
    {
        var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("bad"));
        await enterprise.CreateEnterpriseAsync("校验企业", Codes.NewCreditCode());
        enterprise.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await enterprise.Http.PostAsJsonAsync("/api/v1/demands", new
        {
            title = "", scenarios = new[] { "no-such-scenario" }, budgetMinCny = 500, budgetMaxCny = 100, deadline = "2020-01-01", regionCode = "999999",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(new[] { "budgetMinCny", "deadline", "regionCode", "scenarios", "title" }, errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("no-such-scenario", errors.GetProperty("scenarios")[0].GetString());
        Assert.Contains("预算", errors.GetProperty("budgetMinCny")[0].GetString());
        Assert.Equal(0, (await ApiClient.ReadAsync(await enterprise.Http.GetAsync("/api/v1/demands"))).GetProperty("total").GetInt32());

        var paging = await enterprise.Http.GetAsync("/api/v1/demands?pageSize=101");
        Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
    }

    [Fact]
    public async Task A_proposal_may_not_point_at_another_providers_solution()
    {
        var enterprise = await ApiClient.RegisterAsync(_factory, Codes.Email("sol"));
        await enterprise.CreateEnterpriseAsync("方案企业", Codes.NewCreditCode());
        var p1 = await Marketplace.ProviderAsync(_factory, "方案服务商一", ["online-smart-inspection"]);
        var p2 = await Marketplace.ProviderAsync(_factory, "方案服务商二", ["sme-quality-management"]);
        var foreign = await Marketplace.SolutionAsync(_factory, p2.ProviderId, "别人的方案");
        var demandId = await Marketplace.PostDemandAsync(enterprise, Marketplace.Demand("视觉检测", ["online-smart-inspection"]));
        var response = await p1.Api.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Marketplace.Proposal(100_000, solutionId: foreign));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty("solutionId", out _));
        Assert.False(Marketplace.Query(_factory, db => db.Proposals.Any(p => p.DemandId == demandId)));
    }

    [Fact]
    public async Task The_openapi_document_names_every_demand_operation()
    {
        var doc = await _factory.CreateClient().GetStringAsync("/api/v1/openapi.json");
        foreach (var name in new[] { "ListDemands", "PostDemand", "GetDemand", "CloseDemand", "CompareProposals", "SubmitProposal", "AcceptProposal",
                     "GetProposal", "UpdateProposal", "WithdrawProposal", "Inbox", "ListProjects", "GetProject", "StartProject", "CompleteProject",
                     "CancelProject", "ConsentToCase" })
        {
            Assert.Contains($"\"operationId\": \"{name}\"", doc.Replace("\":\"", "\": \""));
        }
    }
}
