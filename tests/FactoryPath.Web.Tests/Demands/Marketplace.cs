using FactoryPath.Web.Accounts;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Demands;

/// <summary>Providers in the pool with a bound service-provider account, and demands posted through the API.</summary>
public static class Marketplace
{
    public sealed record ProviderAccount(Guid ProviderId, string Email, ApiClient Api);

    /// <summary>Adds a provider straight to the database and a ServiceProvider account bound to it, signed in.</summary>
    public static async Task<ProviderAccount> ProviderAsync(PlatformFactory factory, string name, string[] scenarios, string[]? regionsServed = null)
    {
        var provider = new Provider
        {
            Name = name, CreditCode = Codes.NewCreditCode("330100"), RegionCode = "330100", Scenarios = [.. scenarios],
            RegionsServed = [.. regionsServed ?? []], TeamSize = 30, DescriptionZh = name, DescriptionEn = name,
        };
        var email = Codes.Email("provider");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            // as the pool service does after a save: the matching index learns of the provider
            await scope.ServiceProvider.GetRequiredService<ICatalogChanges>().ChangedAsync(SearchDocumentKinds.Provider, [provider.Id]);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser { UserName = email, Email = email, DisplayName = name, ProviderId = provider.Id };
            var created = await users.CreateAsync(user, ApiClient.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, PlatformRoles.ServiceProvider);
        }
        return new ProviderAccount(provider.Id, email, await ApiClient.SignInAsync(factory, email, ApiClient.Password));
    }

    public static async Task<Guid> SolutionAsync(PlatformFactory factory, Guid providerId, string title)
    {
        var solution = new Solution
        {
            ProviderId = providerId, TitleZh = title, TitleEn = title, Scenarios = ["equipment-monitoring"],
            PriceMinCny = 100_000, PriceMaxCny = 800_000, ImplementationWeeks = 10,
        };
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Solutions.Add(solution);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ICatalogChanges>().ChangedAsync(SearchDocumentKinds.Solution, [solution.Id]);
        return solution.Id;
    }

    public static object Demand(string title = "设备联网与状态监测", string[]? scenarios = null, string region = "330212") => new
    {
        title,
        description = "30 台数控机床联网，采集运行状态和能耗。",
        scenarios = scenarios ?? ["equipment-monitoring"],
        budgetMinCny = 100_000,
        budgetMaxCny = 600_000,
        deadline = DateOnly.FromDateTime(DateTime.Today.AddMonths(3)).ToString("yyyy-MM-dd"),
        regionCode = region,
        preferredDeployment = "hybrid",
    };

    public static async Task<Guid> PostDemandAsync(ApiClient enterprise, object? demand = null)
    {
        var response = await enterprise.Http.PostAsJsonAsync("/api/v1/demands", demand ?? Demand());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    public static object Proposal(long price, string approach = "先完成设备联网，再上线状态监测看板与能耗报表。", Guid? solutionId = null) =>
        new { priceCny = price, durationWeeks = 12, approach, solutionId };

    public static async Task<Guid> ProposeAsync(ApiClient provider, Guid demandId, long price, Guid? solutionId = null)
    {
        var response = await provider.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", Proposal(price, solutionId: solutionId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    public static T Query<T>(PlatformFactory factory, Func<PlatformDbContext, T> read)
    {
        using var scope = factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}
