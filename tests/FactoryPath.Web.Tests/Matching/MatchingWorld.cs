using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Matching;

/// <summary>
/// A platform with two enterprises that each have a result, and a small catalog written straight to the database and
/// reported through <see cref="ICatalogChanges"/>, as the pool and import features do.
/// </summary>
public sealed class MatchingWorld : IAsyncLifetime
{
    public PlatformFactory Factory { get; } = new();
    public string EmailA { get; } = Codes.Email("a");
    public ApiClient A { get; private set; } = default!;
    public ApiClient B { get; private set; } = default!;
    public Guid ResultA { get; private set; }
    public Guid ResultB { get; private set; }
    public Provider Provider { get; } = new() { Name = "蓝海工业软件", CreditCode = "91330200MA2XXXXX01", RegionCode = "330200", RegionsServed = ["330000"], Rating = 4.6, RatedProjects = 20 };
    public Solution Energy { get; private set; } = default!;
    public Solution Everything { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        A = await ApiClient.RegisterAsync(Factory, EmailA);
        B = await ApiClient.RegisterAsync(Factory, Codes.Email("b"));
        var enterpriseA = (await A.CreateEnterpriseAsync("甲宁波企业", Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
        var enterpriseB = (await B.CreateEnterpriseAsync("乙深圳企业", Codes.NewCreditCode("440300"), regionCode: "440300")).GetProperty("id").GetGuid();
        ResultA = await SubmitAsync(A, enterpriseA);
        ResultB = await SubmitAsync(B, enterpriseB);

        var library = Factory.Services.GetRequiredService<ScenarioLibrary>();
        Energy = new Solution
        {
            ProviderId = Provider.Id, TitleZh = "设备能耗实时监测平台", TitleEn = "Real-time equipment energy monitoring",
            DescriptionZh = "分项计量与能耗看板", DescriptionEn = "Sub-metering and energy dashboards", Scenarios = ["smart-energy-control"],
            Industries = ["34"], SizeClasses = [SizeClass.Small, SizeClass.Medium], Deployment = DeploymentMode.Saas,
            PriceMinCny = 50_000, PriceMaxCny = 150_000, ImplementationWeeks = 3, Standardised = true,
        };
        Everything = new Solution
        {
            ProviderId = Provider.Id, TitleZh = "智能制造整体解决方案", TitleEn = "Smart manufacturing suite",
            Scenarios = library.Scenarios.Select(s => s.Id).ToList(), Deployment = DeploymentMode.Hybrid,
            PriceMinCny = 200_000, PriceMaxCny = 900_000, ImplementationWeeks = 20,
        };
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Providers.Add(Provider);
            db.Solutions.AddRange(Energy, Everything);
            await db.SaveChangesAsync();
        }

        var index = Factory.Services.GetRequiredService<MatchingIndex>();
        await index.RebuildAsync(); // the start-up build may have run before the rows existed
        await Changes.ChangedAsync(SearchDocumentKinds.Provider, [Provider.Id]);
    }

    public ICatalogChanges Changes => Factory.Services.GetRequiredService<ICatalogChanges>();

    private async Task<Guid> SubmitAsync(ApiClient client, Guid enterprise)
    {
        var model = Factory.Services.GetRequiredService<FactoryPath.Core.Assessment.ModelRegistry>().Latest("miit-sme-digital-level")!;
        var sheet = (await client.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(1), 0.3))).StatusCode);
        var submitted = await client.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null);
        return (await ApiClient.ReadAsync(submitted)).GetProperty("summary").GetProperty("id").GetGuid();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public Task<ApiClient> AsAsync(string role) => Users.WithRoleAsync(Factory, role);

    public static string Admin => PlatformRoles.PlatformAdmin;
}
