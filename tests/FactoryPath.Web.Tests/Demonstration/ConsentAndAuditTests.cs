namespace FactoryPath.Web.Tests.Demonstration;

public sealed class ConsentAndAuditTests(DemonstrationWorld w) : IClassFixture<DemonstrationWorld>
{
    [Fact]
    public async Task A_regional_admin_reads_answers_only_while_the_enterprise_consents()
    {
        var consent = await ApiClient.ReadAsync(await w.Beginner.Http.GetAsync($"/api/v1/enterprises/{w.BeginnerId}/consent"));
        Assert.False(consent.GetProperty("allowRegionalAdmins").GetBoolean());
        var (sheet, result) = await w.SubmitAsync(w.Beginner, w.BeginnerId, "miit-sme-digital-level", 0.3);

        string[] answers = [$"/api/v1/sheets/{sheet}", $"/api/v1/enterprises/{w.BeginnerId}/sheets", $"/api/v1/results/{result}"];
        foreach (var path in answers)
        {
            var refused = await w.Ningbo.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var reason = await refused.Content.ReadAsStringAsync();
            Assert.True(reason.Contains("not allowed its regional administrators") || reason.Contains("未同意区域管理员查看"), reason);
            // the operator always may; another region's admin learns nothing
            Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await w.Hangzhou.Http.GetAsync(path)).StatusCode);
        }
        // levels without answers stay readable: the list of results
        Assert.Equal(HttpStatusCode.OK, (await w.Ningbo.Http.GetAsync($"/api/v1/enterprises/{w.BeginnerId}/results")).StatusCode);

        // only the enterprise itself turns it on
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Ningbo.Http.PutAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/consent", new { allowRegionalAdmins = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Mature.Http.PutAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/consent", new { allowRegionalAdmins = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Beginner.Http.PutAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/consent", new { })).StatusCode);
        var on = await w.Beginner.Http.PutAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/consent", new { allowRegionalAdmins = true });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var state = await ApiClient.ReadAsync(on);
        Assert.True(state.GetProperty("allowRegionalAdmins").GetBoolean());
        Assert.StartsWith("demo-beginner", state.GetProperty("changedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("changedAt").ValueKind);
        foreach (var path in answers) Assert.Equal(HttpStatusCode.OK, (await w.Ningbo.Http.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await w.Beginner.Http.PutAsJsonAsync($"/api/v1/enterprises/{w.BeginnerId}/consent", new { allowRegionalAdmins = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Ningbo.Http.GetAsync(answers[0])).StatusCode);
    }

    [Fact]
    public async Task Every_admin_read_of_enterprise_detail_is_logged_for_the_enterprise_newest_first()
    {
        var before = await ApiClient.ReadAsync(await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads?pageSize=100"));
        var total = before.GetProperty("total").GetInt32();

        // the enterprise's own reads are not logged
        await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}");
        await w.Mature.Http.GetAsync($"/api/v1/results/{w.MatureResult}");
        Assert.Equal(total, (await ApiClient.ReadAsync(await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads"))).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await w.Zhejiang.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Zhejiang.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.GetAsync($"/api/v1/results/{w.MatureResult}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/evidence")).StatusCode);
        // refused and foreign reads write nothing
        Assert.Equal(HttpStatusCode.NotFound, (await w.Guangdong.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}")).StatusCode);

        var log = await ApiClient.ReadAsync(await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads?pageSize=4"));
        Assert.Equal(total + 4, log.GetProperty("total").GetInt32());
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["evidence", "result", "results", "profile"], entries.Select(e => e.GetProperty("what").GetString()!).ToArray());
        Assert.Equal(w.MatureResult.ToString(), entries[1].GetProperty("resourceId").GetString());
        Assert.Equal("RegionalAdmin", entries[3].GetProperty("role").GetString());
        Assert.Equal("330000", entries[3].GetProperty("regionCode").GetString());
        Assert.Equal("PlatformAdmin", entries[0].GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("regionCode").ValueKind);
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.GetProperty("at").GetDateTime() >= p.Second.GetProperty("at").GetDateTime()));

        // nobody else but the operator reads the log
        Assert.Equal(HttpStatusCode.NotFound, (await w.Zhejiang.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Other.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Operator.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Mature.Http.GetAsync($"/api/v1/enterprises/{w.MatureId}/admin-reads?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task An_admin_reading_an_application_is_logged_with_its_id()
    {
        var id = await DemonstrationWorld.ApplyAsync(w.Other, w.OtherId, "smartFactoryBasic");
        Assert.Equal(HttpStatusCode.OK, (await w.Guangdong.Http.GetAsync($"/api/v1/demonstration/applications/{id}")).StatusCode);
        var log = await ApiClient.ReadAsync(await w.Other.Http.GetAsync($"/api/v1/enterprises/{w.OtherId}/admin-reads?pageSize=1"));
        var entry = log.GetProperty("items")[0];
        Assert.Equal("demonstration-application", entry.GetProperty("what").GetString());
        Assert.Equal(id.ToString(), entry.GetProperty("resourceId").GetString());
    }
}
