namespace FactoryPath.Web.Tests.Programmes;

/// <summary>Programme bodies for the API and small helpers shared by the programme tests.</summary>
public static class Programmes
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A voucher programme of Ningbo, open from yesterday for a month, with the given rules.</summary>
    public static Dictionary<string, object?> Body(string regionCode = "330200", long budget = 1_000_000, long max = 200_000,
        DateOnly? opens = null, DateOnly? closes = null, object[]? rules = null, string nameZh = "宁波数字化转型券") => new()
    {
        ["nameZh"] = nameZh, ["nameEn"] = "Ningbo transformation vouchers",
        ["descriptionZh"] = "支持中小企业设备联网与数据采集。", ["descriptionEn"] = "Supports SMEs connecting equipment and collecting data.",
        ["regionCode"] = regionCode, ["budgetCny"] = budget, ["maxPerApplicationCny"] = max,
        ["opensOn"] = (opens ?? Today.AddDays(-1)).ToString("yyyy-MM-dd"), ["closesOn"] = (closes ?? Today.AddDays(30)).ToString("yyyy-MM-dd"),
        ["rules"] = rules ?? [new { kind = "size-class", anyOf = new[] { "small", "medium", "micro" } }],
    };

    public static async Task<Guid> CreateAsync(ApiClient admin, Dictionary<string, object?> body)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/v1/programmes", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> ApplyAsync(ApiClient enterprise, Guid programme, long amount, string purpose = "设备联网改造") =>
        await enterprise.Http.PostAsJsonAsync($"/api/v1/programmes/{programme}/applications", new { requestedCny = amount, purpose });

    public static async Task<Guid> AppliedAsync(ApiClient enterprise, Guid programme, long amount)
    {
        var response = await ApplyAsync(enterprise, programme, amount);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A new enterprise account with a profile in <paramref name="regionCode"/> (small, division 34).</summary>
    public static async Task<(ApiClient Client, Guid EnterpriseId)> EnterpriseAsync(PlatformFactory factory, string name, string regionCode = "330212")
    {
        var client = await ApiClient.RegisterAsync(factory, Codes.Email("ent"));
        var id = (await client.CreateEnterpriseAsync(name, Codes.NewCreditCode(regionCode), regionCode: regionCode)).GetProperty("id").GetGuid();
        return (client, id);
    }

    public static async Task<JsonElement> BudgetAsync(ApiClient admin, Guid programme) =>
        (await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programmes/{programme}"))).GetProperty("budget");
}
