using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryPath.Core.Assessment;

namespace FactoryPath.Web.Tests.Infrastructure;

/// <summary>An HttpClient for /api/v1 that signs in with a bearer token.</summary>
public sealed class ApiClient(HttpClient http)
{
    public const string Password = "Factory2026pass";

    public HttpClient Http { get; } = http;

    public static JsonSerializerOptions Json => AssessmentJson.Options;

    public static async Task<ApiClient> RegisterAsync(PlatformFactory factory, string email)
    {
        var client = new ApiClient(factory.CreateClient());
        var register = await client.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "Test", email, password = Password });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        await client.SignInAsync(email, Password);
        return client;
    }

    public static async Task<ApiClient> SignInAsync(PlatformFactory factory, string email, string password)
    {
        var client = new ApiClient(factory.CreateClient());
        await client.SignInAsync(email, password);
        return client;
    }

    public async Task SignInAsync(string email, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
    }

    public async Task<JsonElement> CreateEnterpriseAsync(string name, string creditCode, string regionCode = "330212", string industryCode = "34")
    {
        var response = await Http.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name, creditCode, industryCode, regionCode, employees = 180, annualRevenueCny = 65_000_000m,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StartSheetAsync(Guid enterpriseId, string modelId)
    {
        var response = await Http.PostAsJsonAsync($"/api/v1/enterprises/{enterpriseId}/sheets", new { modelId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> SaveAsync(Guid sheetId, AnswerSheetData answers) =>
        Http.PutAsync($"/api/v1/sheets/{sheetId}/answers", JsonContent.Create(answers, options: Json));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
