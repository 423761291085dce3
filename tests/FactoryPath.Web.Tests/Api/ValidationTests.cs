namespace FactoryPath.Web.Tests.Api;

public sealed class ValidationTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_credit_code_with_a_wrong_check_character_is_refused_with_a_field_error()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var good = Codes.NewCreditCode();
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');
        var response = await client.Http.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name = "校验位测试", creditCode = wrong, industryCode = "34", regionCode = "330212", employees = 10, annualRevenueCny = 1_000_000m,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiClient.ReadAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["creditCode"], errors.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Every_bad_profile_field_gets_its_own_error()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var response = await client.Http.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name = "", creditCode = "123", industryCode = "99", regionCode = "999999", employees = -1, annualRevenueCny = -5m,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await ApiClient.ReadAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["annualRevenueCny", "creditCode", "employees", "industryCode", "name", "regionCode"], fields);
    }

    [Fact]
    public async Task A_credit_code_already_registered_is_refused_and_the_first_enterprise_is_unchanged()
    {
        var code = Codes.NewCreditCode();
        var a = await ApiClient.RegisterAsync(_factory, Codes.Email("a"));
        var first = await a.CreateEnterpriseAsync("第一家", code);
        var b = await ApiClient.RegisterAsync(_factory, Codes.Email("b"));
        var response = await b.Http.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name = "第二家", creditCode = code, industryCode = "34", regionCode = "330212", employees = 10, annualRevenueCny = 1_000_000m,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stillFirst = await ApiClient.ReadAsync(await a.Http.GetAsync($"/api/v1/enterprises/{first.GetProperty("id").GetGuid()}"));
        Assert.Equal("第一家", stillFirst.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    public async Task Paging_outside_its_bounds_is_a_400(string query)
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var response = await client.Http.GetAsync($"/api/v1/enterprises?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("regionCode=4403", "regionCode", "region code 4403")]
    [InlineData("regionCode=999999", "regionCode", "region code 999999")]
    [InlineData("industryCode=ZZ", "industryCode", "industry code ZZ")]
    public async Task Filtering_the_enterprise_list_by_an_unknown_code_is_a_400_naming_it(string query, string field, string message)
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.Http.GetAsync($"/api/v1/enterprises?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await ApiClient.ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/v1/enterprises?regionCode=440300&industryCode=34")).StatusCode);
    }

    [Fact]
    public async Task Registering_with_a_weak_password_explains_the_rule()
    {
        var http = _factory.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "x", email = Codes.Email("weak"), password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response)).GetProperty("errors");
        Assert.Contains("10 characters", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Unknown_model_is_a_field_error()
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var id = (await client.CreateEnterpriseAsync("模型测试", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var response = await client.Http.PostAsJsonAsync($"/api/v1/enterprises/{id}/sheets", new { modelId = "no-such-model" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty("modelId", out _));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"answers\": {\"network\": {\"options\": \"B\"}}}")]
    [InlineData("{\"answers\": {\"equipment-digitization\": {\"values\": {\"total\": \"many\"}}}}")]
    public async Task A_malformed_answer_body_is_a_400_problem_and_the_draft_is_kept(string body)
    {
        var client = await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var id = (await client.CreateEnterpriseAsync("格式测试", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var sheetId = (await client.StartSheetAsync(id, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        var good = new FactoryPath.Core.Assessment.AnswerSheetData().With("information-systems", new FactoryPath.Core.Assessment.Answer { Option = "C" });
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheetId, good)).StatusCode);

        var response = await client.Http.PutAsync($"/api/v1/sheets/{sheetId}/answers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await ApiClient.ReadAsync(response)).GetProperty("detail").GetString()));

        var stored = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/sheets/{sheetId}"));
        Assert.Equal(1, stored.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var doc = await ApiClient.ReadAsync(await _factory.CreateClient().GetAsync("/api/v1/openapi.json"));
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/enterprises", paths);
        Assert.Contains("/api/v1/sheets/{id}/submit", paths);
        Assert.Contains("/api/v1/results/{id}", paths);
        Assert.Contains("/api/v1/region/{code}/summary", paths);
    }

    [Fact]
    public async Task The_model_tree_tells_a_client_where_a_rate_takes_its_total_from()
    {
        var model = await ApiClient.ReadAsync(await _factory.CreateClient().GetAsync("/api/v1/models/miit-sme-digital-level"));
        var networking = Find(model.GetProperty("dimensions"), "equipment-networking");
        Assert.Equal("band", networking.GetProperty("kind").GetString());
        Assert.Equal("networked", networking.GetProperty("rate").GetProperty("numerator").GetString());
        Assert.Equal("equipment-digitization.total", networking.GetProperty("rate").GetProperty("denominator").GetString());
        Assert.Equal(5, networking.GetProperty("bands").GetArrayLength());
    }

    private static JsonElement Find(JsonElement nodes, string id)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.GetProperty("id").GetString() == id) return node;
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                var found = Find(children, id);
                if (found.ValueKind != JsonValueKind.Undefined) return found;
            }
        }
        return default;
    }
}
