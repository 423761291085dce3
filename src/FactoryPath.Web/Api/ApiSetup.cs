using FactoryPath.Web.Accounts;
using FactoryPath.Web.Alerts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Catalog.Import;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Demonstration;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Enterprises.Audit;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Production;
using FactoryPath.Web.Programmes;
using FactoryPath.Web.Regional;

namespace FactoryPath.Web.Api;

public static class ApiSetup
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<PlatformExceptionHandler>();
        // unreadable request bodies reach PlatformExceptionHandler, which says what was wrong
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "FactoryPath API";
            doc.Info.Description = "Enterprises, assessment models, answer sheets and results. Authenticate with POST /api/v1/auth/token and send the access token as a Bearer header.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Maps /api/v1: the public auth and reference routes, and the rest behind the bearer-token policy.</summary>
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        var open = app.MapGroup("/api/v1").WithTags("public").AllowAnonymous().DisableAntiforgery();
        open.MapAuthApi();
        open.MapReferenceApi();
        open.MapModelsApi();
        open.MapScenariosApi();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).DisableAntiforgery();
        api.MapMeApi();
        api.MapUsersApi();
        api.MapEnterprisesApi();
        api.MapAnswerSheetsApi();
        api.MapResultsApi();
        api.MapEvidenceApi();
        api.MapRoadmapApi();
        api.MapPoolApi();
        api.MapImportApi();
        api.MapMatchingApi();
        api.MapDemandsApi();
        api.MapGatewaysApi();
        api.MapProductionApi();
        api.MapAlertsApi();
        api.MapRegionApi();
        api.MapRegionExportApi();
        api.MapProgrammesApi();
        api.MapDemonstrationApi();
        api.MapConsentAndAuditApi();
        return app;
    }
}
