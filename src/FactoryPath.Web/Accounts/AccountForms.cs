using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FactoryPath.Web.Accounts;

public static class AccountForms
{
    /// <summary>POST /account/logout (antiforgery-checked form post from the top bar).</summary>
    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<PlatformUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).AllowAnonymous().ExcludeFromDescription(); // signing out needs no account: a stale cookie just goes home
        return app;
    }
}
