using FactoryPath.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Infrastructure;

public static class Users
{
    /// <summary>Creates an account with a role (and region) directly, as an operator would, and signs it in.</summary>
    public static async Task<ApiClient> WithRoleAsync(PlatformFactory factory, string role, string? regionCode = null)
    {
        var email = await CreateAsync(factory, role, regionCode);
        return await ApiClient.SignInAsync(factory, email, ApiClient.Password);
    }

    /// <summary>Creates an account with a role (and region) and returns its email; the password is <see cref="ApiClient.Password"/>.</summary>
    public static async Task<string> CreateAsync(PlatformFactory factory, string role, string? regionCode = null)
    {
        var email = Codes.Email(role.ToLowerInvariant());
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser { UserName = email, Email = email, DisplayName = role, RegionCode = regionCode };
            var created = await users.CreateAsync(user, ApiClient.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        return email;
    }
}
