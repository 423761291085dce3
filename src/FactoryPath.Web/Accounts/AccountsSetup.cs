using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Accounts;

public static class AccountsSetup
{
    /// <summary>The API is called with bearer tokens; pages use the Identity cookie.</summary>
    public const string ApiScheme = "Identity.Bearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<PlatformUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        services.AddAuthentication().AddBearerToken(ApiScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "fp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(PlatformRoles.PlatformAdmin))
            .AddPolicy(Policies.ApiPlatformAdmin, p => p.AddAuthenticationSchemes(ApiScheme).RequireRole(PlatformRoles.PlatformAdmin));

        services.AddScoped<ViewerAccessor>();
        services.AddScoped<UserAdminService>();
        return services;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Api = "api";
    public const string PlatformAdmin = "platform-admin";
    public const string ApiPlatformAdmin = "api-platform-admin";
}
