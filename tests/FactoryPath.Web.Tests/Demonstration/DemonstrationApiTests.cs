using FactoryPath.Core.Tabular;

namespace FactoryPath.Web.Tests.Demonstration;

public sealed class DemonstrationApiTests(DemonstrationWorld w) : IClassFixture<DemonstrationWorld>
{
    private static async Task<JsonElement> Standing(ApiClient client, Guid enterprise, string tier)
    {
        var all = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/enterprises/{enterprise}/demonstration"));
        return all.EnumerateArray().Single(t => t.GetProperty("tier").GetProperty("tier").GetString() == tier);
    }

    [Fact]
    public async Task An_eligible_enterprise_applies_is_returned_resubmits_and_is_approved_and_both_sides_see_the_thread()
    {
        var basic = await Standing(w.Mature, w.MatureId, "smartFactoryBasic");
        Assert.True(basic.GetProperty("eligible").GetBoolean());
        var selfCheck = basic.GetProperty("rules").EnumerateArray().First(r => r.GetProperty("kind").GetString() == "min-level");
        Assert.True(selfCheck.GetProperty("met").GetBoolean());
        Assert.Contains("cmmm-selfcheck", selfCheck.GetProperty("requirement").GetString());

        var id = await DemonstrationWorld.ApplyAsync(w.Mature, w.MatureId, "smartFactoryBasic");
        // one open application per tier
        var again = await w.Mature.Http.PostAsJsonAsync($"/api/v1/enterprises/{w.MatureId}/demonstration/applications", new { tier = "smartFactoryBasic", statement = "再次申报" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        // the evidence snapshot holds the latest result of each model
        var detail = await ApiClient.ReadAsync(await w.Ningbo.Http.GetAsync($"/api/v1/demonstration/applications/{id}"));
        var results = detail.GetProperty("evidence").GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["cmmm-selfcheck", "miit-sme-digital-level"], results.Select(r => r.GetProperty("modelId").GetString()!).Order().ToArray());
        Assert.Contains(results, r => r.GetProperty("resultId").GetGuid() == w.MatureResult);
        Assert.True(detail.GetProperty("eligibleNow").GetBoolean());
        Assert.True(detail.GetProperty("canDecide").GetBoolean());

        // a return needs a comment
        var bare = await w.Ningbo.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "returned", comment = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("comment", await bare.Content.ReadAsStringAsync());
        var returned = await w.Ningbo.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "returned", comment = "请补充设备联网清单。" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returned", (await ApiClient.ReadAsync(returned)).GetProperty("status").GetString());
        // no decision on an application that is not waiting for one
        Assert.Equal(HttpStatusCode.Conflict, (await w.Ningbo.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "approved" })).StatusCode);

        var resubmitted = await w.Mature.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/resubmit", new { statement = "已补充联网设备清单，共 42 台。" });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await w.Mature.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/comments", new { text = "如需现场核查请联系我们。" })).StatusCode);
        var approved = await w.Ningbo.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "approved", comment = "材料齐全，同意认定。" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var seen = await ApiClient.ReadAsync(await w.Mature.Http.GetAsync($"/api/v1/demonstration/applications/{id}"));
        Assert.Equal("approved", seen.GetProperty("application").GetProperty("status").GetString());
        var thread = seen.GetProperty("comments").EnumerateArray().Select(c => (c.GetProperty("decision").ValueKind == JsonValueKind.Null ? "remark" : c.GetProperty("decision").GetString(), c.GetProperty("text").GetString())).ToList();
        Assert.Equal([("submitted", "我们已完成产线数字化改造。"), ("returned", "请补充设备联网清单。"), ("submitted", "已补充联网设备清单，共 42 台。"),
            ("remark", "如需现场核查请联系我们。"), ("approved", "材料齐全，同意认定。")], thread);
        Assert.False(seen.GetProperty("canDecide").GetBoolean());

        // a recognition on the enterprise's standing
        basic = await Standing(w.Mature, w.MatureId, "smartFactoryBasic");
        Assert.Equal(id, basic.GetProperty("approvedApplicationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, basic.GetProperty("openApplicationId").ValueKind);
    }

    [Fact]
    public async Task An_ineligible_enterprise_gets_422_listing_the_unmet_rules()
    {
        var response = await w.Beginner.Http.PostAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/demonstration/applications", new { tier = "smartFactoryBasic", statement = "申报" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadAsync(response);
        var unmet = problem.GetProperty("unmetRules").EnumerateArray().ToList();
        Assert.Contains(unmet, r => r.GetProperty("kind").GetString() == "min-level" && r.GetProperty("requirement").GetString()!.Contains("cmmm-selfcheck"));
        // the beginner has no result of the SME model: that rule is unmet with "no result yet"
        Assert.Contains(unmet, r => r.GetProperty("kind").GetString() == "min-question-percent");
    }

    [Fact]
    public async Task Bad_requests_are_named_field_by_field()
    {
        var response = await w.Mature.Http.PostAsJsonAsync($"/api/v1/enterprises/{w.MatureId}/demonstration/applications", new { tier = "smartFactoryLeading", statement = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("statement", await response.Content.ReadAsStringAsync());
        var filter = await w.Ningbo.Http.GetAsync("/api/v1/demonstration/applications?status=pending&tier=gold");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        var body = await filter.Content.ReadAsStringAsync();
        Assert.Contains("status", body);
        Assert.Contains("tier", body);
    }

    [Fact]
    public async Task Other_regions_and_other_enterprises_never_see_an_application()
    {
        var id = await DemonstrationWorld.ApplyAsync(w.Other, w.OtherId, "smartFactoryBasic");
        foreach (var outsider in new[] { w.Ningbo, w.Zhejiang, w.Mature })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/demonstration/applications/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "approved" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/comments", new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsync($"/api/v1/demonstration/applications/{id}/withdraw", null)).StatusCode);
        }
        var list = await ApiClient.ReadAsync(await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications?pageSize=100"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var guangdong = await ApiClient.ReadAsync(await w.Guangdong.Http.GetAsync("/api/v1/demonstration/applications?pageSize=100"));
        Assert.Contains(guangdong.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.All(guangdong.GetProperty("items").EnumerateArray(), a => Assert.StartsWith("44", a.GetProperty("regionCode").GetString()));
        // the enterprise's standing and applications are its own
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.OtherId}/demonstration")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mature.Http.PostAsJsonAsync($"/api/v1/enterprises/{w.OtherId}/demonstration/applications", new { tier = "smartFactoryBasic", statement = "x" })).StatusCode);
        // an admin reads but does not apply
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Guangdong.Http.PostAsJsonAsync($"/api/v1/enterprises/{w.OtherId}/demonstration/applications", new { tier = "smartFactoryBasic", statement = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Other.Http.GetAsync("/api/v1/demonstration/applications")).StatusCode);
        // the operator sees and may decide everything
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.GetAsync($"/api/v1/demonstration/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Other.Http.PostAsync($"/api/v1/demonstration/applications/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Other.Http.PostAsync($"/api/v1/demonstration/applications/{id}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task A_tier_reviewed_nationally_is_decided_by_the_operator_only()
    {
        var standing = await Standing(w.Other, w.OtherId, "nationalDemonstration");
        Assert.Equal("national", standing.GetProperty("tier").GetProperty("review").GetString());
        if (!standing.GetProperty("eligible").GetBoolean()) return; // the generated answers did not reach level 4: covered by the prefecture flow above
        var id = await DemonstrationWorld.ApplyAsync(w.Other, w.OtherId, "nationalDemonstration");
        var byProvince = await w.Guangdong.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "approved", comment = "同意" });
        Assert.Equal(HttpStatusCode.Forbidden, byProvince.StatusCode);
        Assert.Contains("operator", await byProvince.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{id}/decision", new { decision = "rejected", comment = "名额已满。" })).StatusCode);
    }

    [Fact]
    public async Task The_review_list_filters_pages_and_exports_what_the_screen_shows()
    {
        var list = await ApiClient.ReadAsync(await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications?pageSize=100"));
        var rows = list.GetProperty("items").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.StartsWith("33", r.GetProperty("regionCode").GetString()));
        var csv = await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.Equal(rows.Count + 1, csvText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var xlsx = await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var read = XlsxTable.Read(await xlsx.Content.ReadAsStreamAsync());
        Assert.True(read.Table is not null, read.Error?.ToString());
        Assert.Equal(rows.Select(r => r.GetProperty("id").GetGuid().ToString()), read.Table!.Rows.Select(r => r.Cells[^1]));
        Assert.Equal(rows.Select(r => r.GetProperty("enterpriseName").GetString()), read.Table.Rows.Select(r => r.Cells[0]));
        var submitted = await ApiClient.ReadAsync(await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications?status=approved&tier=smartFactoryBasic&pageSize=1"));
        Assert.All(submitted.GetProperty("items").EnumerateArray(), r => Assert.Equal("approved", r.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Zhejiang.Http.GetAsync("/api/v1/demonstration/applications/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Mature.Http.GetAsync("/api/v1/demonstration/applications/export?format=csv")).StatusCode);
    }

    [Fact]
    public async Task Recognitions_per_tier_are_suppressed_under_five_enterprises()
    {
        var response = await w.Zhejiang.Http.GetAsync("/api/v1/region/330000/recognitions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await ApiClient.ReadAsync(response)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        foreach (var item in items)
        {
            var cell = item.GetProperty("enterprises");
            // at most one enterprise of this world holds a tier: shown as 0 or hidden, never as 1
            Assert.True(cell.GetProperty("suppressed").GetBoolean() ? cell.GetProperty("count").ValueKind == JsonValueKind.Null : cell.GetProperty("count").GetInt32() == 0);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Hangzhou.Http.GetAsync("/api/v1/region/330000/recognitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Mature.Http.GetAsync("/api/v1/region/330000/recognitions")).StatusCode);
    }
}
