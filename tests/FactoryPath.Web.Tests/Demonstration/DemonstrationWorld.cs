using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Demonstration;

/// <summary>
/// Enterprises for the registry tests: a mature one in Ningbo (eligible for the basic tier), a beginner in Ningbo (not
/// eligible) and one in Shenzhen; admins of Ningbo, Zhejiang, Hangzhou and Guangdong, and the operator.
/// </summary>
public sealed class DemonstrationWorld : IAsyncLifetime
{
    public PlatformFactory Factory { get; } = new();
    public ApiClient Mature { get; private set; } = default!;
    public ApiClient Beginner { get; private set; } = default!;
    public ApiClient Other { get; private set; } = default!;
    public Guid MatureId { get; private set; }
    public Guid BeginnerId { get; private set; }
    public Guid OtherId { get; private set; }
    public Guid MatureResult { get; private set; }
    public Guid MatureSheet { get; private set; }
    public ApiClient Ningbo { get; private set; } = default!;
    public ApiClient Zhejiang { get; private set; } = default!;
    public ApiClient Hangzhou { get; private set; } = default!;
    public ApiClient Guangdong { get; private set; } = default!;
    public ApiClient Operator { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Mature = await ApiClient.RegisterAsync(Factory, Codes.Email("demo-mature"));
        Beginner = await ApiClient.RegisterAsync(Factory, Codes.Email("demo-beginner"));
        Other = await ApiClient.RegisterAsync(Factory, Codes.Email("demo-other"));
        MatureId = (await Mature.CreateEnterpriseAsync("成熟宁波企业", Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
        BeginnerId = (await Beginner.CreateEnterpriseAsync("起步宁波企业", Codes.NewCreditCode("330200"), regionCode: "330203")).GetProperty("id").GetGuid();
        OtherId = (await Other.CreateEnterpriseAsync("深圳企业", Codes.NewCreditCode("440300"), regionCode: "440300")).GetProperty("id").GetGuid();
        (MatureSheet, MatureResult) = await SubmitAsync(Mature, MatureId, "cmmm-selfcheck", 0.97);
        await SubmitAsync(Mature, MatureId, "miit-sme-digital-level", 0.97);
        await SubmitAsync(Beginner, BeginnerId, "cmmm-selfcheck", 0.05);
        await SubmitAsync(Other, OtherId, "cmmm-selfcheck", 0.97);
        await SubmitAsync(Other, OtherId, "miit-sme-digital-level", 0.97);
        Ningbo = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "330200");
        Zhejiang = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "330000");
        Hangzhou = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "330100");
        Guangdong = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "440000");
        Operator = await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin);
    }

    public async Task<(Guid Sheet, Guid Result)> SubmitAsync(ApiClient client, Guid enterprise, string modelId, double maturity)
    {
        var model = Factory.Services.GetRequiredService<ModelRegistry>().Latest(modelId)!;
        var sheet = (await client.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(7), maturity))).StatusCode);
        var submitted = await client.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return (sheet, (await ApiClient.ReadAsync(submitted)).GetProperty("summary").GetProperty("id").GetGuid());
    }

    /// <summary>Applies for a tier and returns the new application's id.</summary>
    public static async Task<Guid> ApplyAsync(ApiClient client, Guid enterprise, string tier, string statement = "我们已完成产线数字化改造。")
    {
        var response = await client.Http.PostAsJsonAsync($"/api/v1/enterprises/{enterprise}/demonstration/applications", new { tier, statement });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
