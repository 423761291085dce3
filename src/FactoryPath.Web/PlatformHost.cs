using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Alerts;
using FactoryPath.Web.Api;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Catalog.Import;
using FactoryPath.Web.Components;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using FactoryPath.Web.Production;
using FactoryPath.Web.Regional;
using FactoryPath.Web.Programmes;
using FactoryPath.Web.Security;

namespace FactoryPath.Web;

/// <summary>Builds the platform's web application; used by Program, by `factorypath serve` and by the tests.</summary>
public static class PlatformHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PlatformHost).Assembly.GetName().Name,
            // settings and static files sit beside the application, whichever folder it is started from
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        // serve wwwroot and framework files (blazor.web.js) from a build output too, not only from a publish folder
        builder.WebHost.UseStaticWebAssets();
        builder.AddPlatformServices();

        var app = builder.Build();
        app.UsePlatformPipeline();
        return app;
    }

    public static void AddPlatformServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddPlatformPersistence();
        services.AddPlatformLocalization();
        services.AddAccounts();
        services.AddLoginRateLimiting();
        services.AddEnterprises();
        services.AddAssessment();
        services.AddCatalog();
        services.AddPoolImport();
        services.AddMatching();
        services.AddDemands();
        services.AddGateways();
        services.AddProduction();
        services.AddAlerts();
        services.AddProgrammes();
        services.AddDemonstration();
        services.AddScoped<Regional.RegionStatistics>();
        services.AddSingleton<Regional.ScenarioSupplyCache>();
        services.AddSingleton<Catalog.IPoolCache>(sp => sp.GetRequiredService<Regional.ScenarioSupplyCache>());
        services.AddPlatformApi();
        // Chinese text is written as is, not as &#x...; escapes (pages stay readable and smaller)
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Demo.DemoSeeder>();
        services.AddScoped<Demo.DemoDemonstration>();
        services.AddHostedService<StartupBanner>();
        services.AddSingleton<Demo.DemoGatewayRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Demo.DemoGatewayRunner>());
    }

    public static void UsePlatformPipeline(this WebApplication app)
    {
        app.InitializePlatform();
        app.UseTrustedProxies(); // the client's address and scheme as a configured reverse proxy saw them, before anything reads them
        app.UseSecurityHeaders(); // so that every response carries them, errors included
        app.UseExceptionHandler(); // PlatformExceptionHandler: ProblemDetails for the API, a plain bilingual page otherwise
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapCultureSwitch();
        app.MapAccountForms();
        app.MapImportForms();
        app.MapProductionExport();
        app.MapRegionExports();
        app.MapProgrammeExport();
        app.MapDemonstrationExport();
        app.MapPlatformApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            // posts of the sign-in and registration forms count against the per-address limit
            .Add(e => { if (e is RouteEndpointBuilder { RoutePattern.RawText: "/account/login" or "/account/register" }) e.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(LoginRateLimiting.Policy)); });
    }
}
