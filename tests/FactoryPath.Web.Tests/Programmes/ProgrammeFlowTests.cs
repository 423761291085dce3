using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using static FactoryPath.Web.Tests.Programmes.Programmes;

namespace FactoryPath.Web.Tests.Programmes;

/// <summary>A programme from creation to approved applications, through the API (on SQLite, and on PostgreSQL in ./test.sh's second pass).</summary>
public sealed class ProgrammeFlowTests : IAsyncLifetime
{
    private readonly PlatformFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_apply_review_approve_and_reject_track_the_budget()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var programme = await CreateAsync(admin, Body(budget: 300_000, max: 200_000));
        var (a, enterpriseA) = await EnterpriseAsync(_factory, "宁波甲精密机械");
        var (b, _) = await EnterpriseAsync(_factory, "宁波乙电机");
        var (c, _) = await EnterpriseAsync(_factory, "宁波丙模具");

        // the enterprise sees the open programme with its eligibility (size class small: met)
        var list = await ApiClient.ReadAsync(await a.Http.GetAsync("/api/v1/programmes"));
        Assert.Equal(programme, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var detail = await ApiClient.ReadAsync(await a.Http.GetAsync($"/api/v1/programmes/{programme}"));
        Assert.True(detail.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("budget").ValueKind);
        Assert.False(detail.GetProperty("canManage").GetBoolean());

        var appA = await AppliedAsync(a, programme, 150_000);
        var appB = await AppliedAsync(b, programme, 120_000);
        var appC = await AppliedAsync(c, programme, 100_000);
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(a, programme, 10_000)).StatusCode);

        var budget = await BudgetAsync(admin, programme);
        Assert.Equal(3, budget.GetProperty("pending").GetInt32());
        Assert.Equal(370_000, budget.GetProperty("pendingRequestedCny").GetInt64());

        // review shows the enterprise and its eligibility re-checked now
        var review = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programme-applications/{appA}"));
        // the admin's read of the enterprise behind the application is in the enterprise's read log
        var reads = await ApiClient.ReadAsync(await a.Http.GetAsync($"/api/v1/enterprises/{enterpriseA}/admin-reads"));
        Assert.Contains(reads.GetProperty("items").EnumerateArray(), r => r.GetProperty("what").GetString() == "support-application" && r.GetProperty("resourceId").GetString() == appA.ToString());
        Assert.Equal(enterpriseA, review.GetProperty("enterprise").GetProperty("id").GetGuid());
        Assert.Equal("small", review.GetProperty("enterprise").GetProperty("sizeClass").GetString(), ignoreCase: true);
        Assert.True(review.GetProperty("eligibility").GetProperty("eligible").GetBoolean());

        // approve A with less than requested, then B fits no longer in full
        var approved = await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appA}/approve", new { grantedCny = 140_000 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(140_000, (await ApiClient.ReadAsync(approved)).GetProperty("grantedCny").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appA}/approve", new { })).StatusCode);
        var tooMuch = await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appB}/approve", new { grantedCny = 170_000 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode); // more than requested
        var overBudget = await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appC}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, overBudget.StatusCode); // 140,000 + 100,000 = 240,000 fits
        var refused = await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appB}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("60000", (await ApiClient.ReadAsync(refused)).GetProperty("detail").GetString());

        // the refused approval left B pending; rejecting needs a comment
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appB}/reject", new { comment = " " })).StatusCode);
        var rejected = await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appB}/reject", new { comment = "预算已用完" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await b.Http.PostAsync($"/api/v1/programme-applications/{appB}/withdraw", null)).StatusCode);
        var own = await ApiClient.ReadAsync(await b.Http.GetAsync($"/api/v1/programme-applications/{appB}"));
        Assert.Equal("rejected", own.GetProperty("status").GetString());
        Assert.Equal("预算已用完", own.GetProperty("reviewComment").GetString());

        budget = await BudgetAsync(admin, programme);
        Assert.Equal(240_000, budget.GetProperty("approvedCny").GetInt64());
        Assert.Equal(60_000, budget.GetProperty("remainingCny").GetInt64());
        Assert.Equal(2, budget.GetProperty("approved").GetInt32());
        Assert.Equal(1, budget.GetProperty("rejected").GetInt32());
        Assert.Equal(0, budget.GetProperty("pending").GetInt32());

        // filters and paging
        var approvedList = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications?status=approved&pageSize=1"));
        Assert.Equal(2, approvedList.GetProperty("total").GetInt32());
        Assert.Single(approvedList.GetProperty("items").EnumerateArray());
        var page2 = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications?status=approved&pageSize=1&page=2"));
        Assert.NotEqual(approvedList.GetProperty("items")[0].GetProperty("id").GetGuid(), page2.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications?status=granted")).StatusCode);

        // the budget cannot be edited below what is approved
        var lower = await admin.Http.PutAsJsonAsync($"/api/v1/programmes/{programme}", Body(budget: 200_000, max: 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        Assert.True((await ApiClient.ReadAsync(lower)).GetProperty("errors").TryGetProperty("budgetCny", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"/api/v1/programmes/{programme}", Body(budget: 240_000, max: 100_000))).StatusCode);
        Assert.Equal(0, (await BudgetAsync(admin, programme)).GetProperty("remainingCny").GetInt64());
    }

    [Fact]
    public async Task Export_as_csv_and_xlsx_holds_the_rows_of_the_list()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330000");
        var programme = await CreateAsync(admin, Body());
        var (a, _) = await EnterpriseAsync(_factory, "导出甲企业");
        var (b, _) = await EnterpriseAsync(_factory, "导出乙企业");
        var appA = await AppliedAsync(a, programme, 50_000);
        await AppliedAsync(b, programme, 70_000);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{appA}/approve", new { grantedCny = 45_000 })).StatusCode);

        var csv = await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications/export?format=csv&lang=zh");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvTable = CsvReader.Read(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("企业名称", csvTable.Table!.Header[1]);
        Assert.Equal(2, csvTable.Table.Rows.Count);

        var xlsx = await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications/export?format=xlsx&lang=en&status=approved");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var table = XlsxTable.Read(stream).Table!;
        Assert.Equal("Enterprise", table.Header[1]);
        var row = Assert.Single(table.Rows);
        Assert.Equal("导出甲企业", row.Cells[1]);
        Assert.Equal("50000", row.Cells[5]);
        Assert.Equal("45000", row.Cells[6]);
        Assert.Equal("Approved", row.Cells[7]);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task An_ineligible_enterprise_or_one_outside_the_period_is_refused_with_422_naming_the_reasons()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var mediumOnly = await CreateAsync(admin, Body(rules: [new { kind = "size-class", anyOf = new[] { "medium" } }, new { kind = "min-level", modelId = "miit-sme-digital-level", level = 2 }]));
        var later = await CreateAsync(admin, Body(opens: Today.AddDays(5), closes: Today.AddDays(40)));
        var (a, _) = await EnterpriseAsync(_factory, "资格不符企业");

        var refused = await ApplyAsync(a, mediumOnly, 10_000);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var reasons = (await ApiClient.ReadAsync(refused)).GetProperty("reasons").GetProperty("eligibility");
        Assert.Equal(2, reasons.GetArrayLength()); // not medium, and no result yet

        var early = await ApplyAsync(a, later, 10_000);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.True((await ApiClient.ReadAsync(early)).GetProperty("reasons").TryGetProperty("period", out _));
        // a programme not yet open is not listed for enterprises, nor readable
        var list = await ApiClient.ReadAsync(await a.Http.GetAsync("/api/v1/programmes"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == later);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Http.GetAsync($"/api/v1/programmes/{later}")).StatusCode);

        // over the maximum per application, or no purpose: field errors
        var invalid = await a.Http.PostAsJsonAsync($"/api/v1/programmes/{mediumOnly}/applications", new { requestedCny = 500_000, purpose = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ApiClient.ReadAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("requestedCny", out _));
        Assert.True(errors.TryGetProperty("purpose", out _));
        var unknown = await a.Http.PostAsJsonAsync($"/api/v1/programmes/{mediumOnly}/applications", new { requestedCny = 1_000, purpose = "联网", scenarioId = "no-such-scenario", projectId = Guid.NewGuid() });
        errors = (await ApiClient.ReadAsync(unknown)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scenarioId", out _));
        Assert.True(errors.TryGetProperty("projectId", out _));
    }

    [Fact]
    public async Task Withdrawing_a_pending_application_and_applying_again_reopens_it()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var programme = await CreateAsync(admin, Body());
        var (a, _) = await EnterpriseAsync(_factory, "撤回企业");
        var first = await AppliedAsync(a, programme, 20_000);
        var withdrawn = await a.Http.PostAsync($"/api/v1/programme-applications/{first}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", (await ApiClient.ReadAsync(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await a.Http.PostAsync($"/api/v1/programme-applications/{first}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{first}/approve", new { })).StatusCode);

        var again = await AppliedAsync(a, programme, 30_000);
        Assert.Equal(first, again);
        var view = await ApiClient.ReadAsync(await a.Http.GetAsync($"/api/v1/programme-applications/{again}"));
        Assert.Equal("pending", view.GetProperty("status").GetString());
        Assert.Equal(30_000, view.GetProperty("requestedCny").GetInt64());
    }

    [Fact]
    public async Task Every_field_of_a_programme_is_validated_and_the_region_must_be_in_scope()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var empty = await admin.Http.PostAsJsonAsync("/api/v1/programmes", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await ApiClient.ReadAsync(empty)).GetProperty("errors");
        foreach (var field in new[] { "nameZh", "nameEn", "descriptionZh", "descriptionEn", "regionCode", "budgetCny", "maxPerApplicationCny", "opensOn", "closesOn" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        var bad = Body(regionCode: "999999", budget: 100, max: 200, opens: Today, closes: Today.AddDays(-1),
            rules: [new { kind = "size-class", anyOf = new[] { "huge" } }, new { kind = "min-level", modelId = "no-such-model", level = 2 }]);
        errors = (await ApiClient.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/programmes", bad))).GetProperty("errors");
        Assert.True(errors.TryGetProperty("regionCode", out _));
        Assert.True(errors.TryGetProperty("maxPerApplicationCny", out _));
        Assert.True(errors.TryGetProperty("closesOn", out _));
        Assert.Equal(2, errors.GetProperty("rules").GetArrayLength());

        var elsewhere = await admin.Http.PostAsJsonAsync("/api/v1/programmes", Body(regionCode: "330100"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.True((await ApiClient.ReadAsync(elsewhere)).GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/v1/programmes", Body(regionCode: "330212"))).StatusCode);
    }

    [Fact]
    public async Task Twenty_concurrent_approvals_through_the_api_never_exceed_the_budget()
    {
        var admin = await Users.WithRoleAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var programme = await CreateAsync(admin, Body(budget: 100_000, max: 20_000));
        var applications = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var (client, _) = await EnterpriseAsync(_factory, $"并发申请企业{i:00}");
            applications.Add(await AppliedAsync(client, programme, 9_000 + i * 500));
        }
        using var start = new ManualResetEventSlim(false);
        var tasks = applications.Select(id => Task.Run(async () =>
        {
            start.Wait();
            return await admin.Http.PostAsJsonAsync($"/api/v1/programme-applications/{id}/approve", new { });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Conflict);

        var budget = await BudgetAsync(admin, programme);
        var approved = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programmes/{programme}/applications?status=approved&pageSize=100"));
        var sum = approved.GetProperty("items").EnumerateArray().Sum(a => a.GetProperty("grantedCny").GetInt64());
        Assert.Equal(sum, budget.GetProperty("approvedCny").GetInt64());
        Assert.True(sum <= 100_000);
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.OK), budget.GetProperty("approved").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_programme_endpoints_and_their_problems()
    {
        var doc = await ApiClient.ReadAsync(await _factory.CreateClient().GetAsync("/api/v1/openapi.json"));
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/programmes", "/api/v1/programmes/{id}", "/api/v1/programmes/{id}/applications", "/api/v1/programmes/{id}/applications/export",
                     "/api/v1/programme-applications/{id}", "/api/v1/programme-applications/{id}/withdraw", "/api/v1/programme-applications/{id}/approve", "/api/v1/programme-applications/{id}/reject" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(paths.GetProperty("/api/v1/programme-applications/{id}/approve").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/api/v1/programmes/{id}/applications").GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
    }
}
