using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// Who gets what from every endpoint and page the platform maps: one row per endpoint, one expected answer per role, in
/// the order of <see cref="MatrixWorld.Roles"/>: anonymous, A (the owner), B (another enterprise, using A's ids), a
/// service provider outside A's deal, the admin of A's region, the admin of another region, the platform operator.
/// An answer is a status code, "login" (a redirect to the sign-in page), "denied" (a redirect to the access-denied
/// page) or "-" (not sent: it would change the world the other rows read, e.g. revoke A's gateway; the role is allowed).
/// Paths use the ids of <see cref="MatrixWorld"/> ({enterprise}, {result}, …). Requests that change data carry a body
/// the endpoint refuses after its access check (400), so a 400 proves access and changes nothing.
/// Adding an endpoint: add its row here (the key is printed by the failing test), with the answer for every role.
/// </summary>
public static class AuthorizationMatrix
{
    public const string NotSent = "-";

    /// <summary>A body for the form endpoints: an empty form post without the antiforgery token, refused before any change.</summary>
    public const string FormWithoutToken = "form";

    public sealed record Row(string Endpoint, string Method, string Path, string[] Expected, string? Body);

    /// <summary>The key of an endpoint: PAGE and the route for a page, else its methods and route.</summary>
    public static string Key(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null) return "PAGE " + endpoint.RoutePattern.RawText;
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return (methods is null || methods.Count == 0 ? "*" : string.Join(",", methods)) + " " + endpoint.RoutePattern.RawText;
    }

    /// <summary>
    /// Framework endpoints that carry no authorization metadata of their own and are open by design: the Blazor circuit
    /// hub (the circuit runs the pages, which check [Authorize] themselves) and Blazor's redirect helper. They have rows.
    /// </summary>
    public static readonly IReadOnlySet<string> FrameworkEndpoints = new HashSet<string>(StringComparer.Ordinal)
    {
        "* /_blazor", "* /_blazor/negotiate", "* /_blazor/disconnect/", "* /_blazor/initializers/", "GET /_framework/opaque-redirect",
        "GET,HEAD {**path:file}", // the static web assets' file fallback (FallbackMetadata): wwwroot files not in the manifest
    };

    /// <summary>
    /// A class of framework endpoints declared here as a whole: "static-asset" for the files of wwwroot and the Blazor
    /// scripts mapped by MapStaticAssets (one endpoint per file and encoding), open to anyone, checked by
    /// AuthorizationMatrixTests.Every_static_asset_opens_for_anyone; null for any other endpoint.
    /// </summary>
    public static string? FrameworkClass(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor") ? "static-asset" : null;

    public static IReadOnlyList<Row> Rows { get; } = Build();

    private static List<Row> Build()
    {
        var rows = new List<Row>();
        void Row(string endpoint, string path, string expected, string? body = null, string? send = null)
        {
            var answers = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (answers.Length != MatrixWorld.Roles.Length) throw new InvalidOperationException($"{endpoint}: {answers.Length} answers for {MatrixWorld.Roles.Length} roles");
            if (answers.FirstOrDefault(a => a is not ("login" or "denied" or NotSent) && !(int.TryParse(a, out var code) && code is >= 200 and < 600)) is { } bad)
                throw new InvalidOperationException($"{endpoint}: '{bad}' is not an answer (a status code, login, denied or -)");
            var method = send ?? (endpoint.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : endpoint[..endpoint.IndexOf(' ')].Split(',')[0]);
            rows.Add(new Row(endpoint, method, path, answers, body));
        }

        Row("GET /health", "/health", "200 200 200 200 200 200 200");
        Row("GET /culture", "/culture?set=zh-CN&returnUrl=/enterprise", "302 302 302 302 302 302 302");
        Row("POST /account/logout", "/account/logout", "400 400 400 400 400 400 400", body: FormWithoutToken);
        Row("GET /production/export.csv", "/production/export.csv?enterpriseId={enterprise}", "login 200 404 403 403 403 200");
        Row("GET /programmes/{id:guid}/applications/export", "/programmes/{programme}/applications/export", "login 404 404 404 200 404 200");
        Row("GET /admin/demonstration/export.csv", "/admin/demonstration/export.csv", "login 403 403 403 200 200 200");
        Row("GET /admin/demonstration/export.xlsx", "/admin/demonstration/export.xlsx", "login 403 403 403 200 200 200");
        Row("GET /api/v1/openapi.json", "/api/v1/openapi.json", "200 200 200 200 200 200 200");
        // the handler refuses the missing token with 400, which the status pages re-execute as a POST of /status/400: 404
        Row("POST /pool/import/upload", "/pool/import/upload", "login 404 404 404 404 404 404", body: FormWithoutToken);
        Row("POST /pool/import/commit", "/pool/import/commit", "login 404 404 404 404 404 404", body: FormWithoutToken);
        Row("GET /pool/files/{kind}/export", "/pool/files/solutions/export", "login 200 200 200 200 200 200");
        Row("GET /pool/files/{kind}/template", "/pool/files/solutions/template", "login 200 200 200 200 200 200");
        Row("GET /region/{code}/export/{table}", "/region/330200/export/district?format=csv", "login denied denied denied 200 403 200");
        Row("GET /region/{code}/export/", "/region/330200/export", "login denied denied denied 200 403 200");
        Row("POST /api/v1/auth/token", "/api/v1/auth/token", "400 400 400 400 400 400 400", body: "{}");
        Row("POST /api/v1/auth/register", "/api/v1/auth/register", "400 400 400 400 400 400 400", body: "{}");
        Row("GET /api/v1/reference/industries", "/api/v1/reference/industries", "200 200 200 200 200 200 200");
        Row("GET /api/v1/reference/regions", "/api/v1/reference/regions", "200 200 200 200 200 200 200");
        Row("GET /api/v1/models/", "/api/v1/models", "200 200 200 200 200 200 200");
        Row("GET /api/v1/models/{id}", "/api/v1/models/{model}", "200 200 200 200 200 200 200");
        Row("GET /api/v1/models/{id}/{version}", "/api/v1/models/{model}/{version}", "200 200 200 200 200 200 200");
        Row("GET /api/v1/catalog/links", "/api/v1/catalog/links", "200 200 200 200 200 200 200");
        Row("GET /api/v1/catalog/scenarios", "/api/v1/catalog/scenarios", "200 200 200 200 200 200 200");
        Row("GET /api/v1/catalog/scenarios/{id}", "/api/v1/catalog/scenarios/equipment-monitoring", "200 200 200 200 200 200 200");
        Row("GET /api/v1/me", "/api/v1/me", "401 200 200 200 200 200 200");
        Row("POST /api/v1/enterprises/{enterpriseId:guid}/sheets", "/api/v1/enterprises/{enterprise}/sheets", "401 400 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/sheets", "/api/v1/enterprises/{enterprise}/sheets", "401 200 404 404 403 404 200");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/results", "/api/v1/enterprises/{enterprise}/results", "401 200 404 404 200 404 200");
        Row("GET /api/v1/results/{id:guid}", "/api/v1/results/{result}", "401 200 404 404 403 404 200");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/evidence", "/api/v1/enterprises/{enterprise}/evidence", "401 200 404 404 404 404 200");
        Row("GET /api/v1/results/{id:guid}/roadmap", "/api/v1/results/{result}/roadmap", "401 200 404 404 403 404 200");
        Row("POST /api/v1/match", "/api/v1/match", "401 400 400 400 400 400 400", body: "{}");
        Row("GET /api/v1/results/{id:guid}/matches", "/api/v1/results/{result}/matches", "401 200 404 404 403 404 200");
        Row("POST /api/v1/admin/matching/rebuild", "/api/v1/admin/matching/rebuild", "401 403 403 403 403 403 -", body: "{}");
        Row("GET /api/v1/inbox", "/api/v1/inbox", "401 403 403 200 403 403 403");
        Row("GET /api/v1/demonstration/tiers", "/api/v1/demonstration/tiers", "401 200 200 200 200 200 200");
        Row("GET /api/v1/region/{code}/recognitions", "/api/v1/region/330200/recognitions", "401 403 403 403 200 403 200");
        Row("GET /api/v1/admin/users/", "/api/v1/admin/users", "401 403 403 403 403 403 200");
        Row("POST /api/v1/admin/users/", "/api/v1/admin/users", "401 403 403 403 403 403 400", body: "{}");
        Row("GET /api/v1/enterprises/", "/api/v1/enterprises", "401 200 200 200 200 200 200");
        Row("POST /api/v1/enterprises/", "/api/v1/enterprises", "401 409 409 403 403 403 400", body: "{}");
        Row("GET /api/v1/enterprises/{id:guid}", "/api/v1/enterprises/{enterprise}", "401 200 404 404 200 404 200");
        Row("PUT /api/v1/enterprises/{id:guid}", "/api/v1/enterprises/{enterprise}", "401 400 404 404 403 404 400", body: "{}");
        Row("GET /api/v1/sheets/{id:guid}", "/api/v1/sheets/{draft}", "401 200 404 404 403 404 200");
        Row("PUT /api/v1/sheets/{id:guid}/answers", "/api/v1/sheets/{draft}/answers", "401 - 404 404 403 404 403", body: "{}");
        Row("POST /api/v1/sheets/{id:guid}/submit", "/api/v1/sheets/{draft}/submit", "401 - 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/pool/providers/", "/api/v1/pool/providers", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/providers/{id:guid}", "/api/v1/pool/providers/{provider}", "401 200 200 200 200 200 200");
        Row("POST /api/v1/pool/providers/", "/api/v1/pool/providers", "401 403 403 403 403 403 400", body: "{}");
        Row("PUT /api/v1/pool/providers/{id:guid}", "/api/v1/pool/providers/{provider}", "401 403 403 403 403 403 400", body: "{}");
        Row("DELETE /api/v1/pool/providers/{id:guid}", "/api/v1/pool/providers/{provider}", "401 403 403 403 403 403 -");
        Row("GET /api/v1/pool/providers/{id:guid}/solutions", "/api/v1/pool/providers/{provider}/solutions", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/solutions/", "/api/v1/pool/solutions", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/solutions/{id:guid}", "/api/v1/pool/solutions/{solution}", "401 200 200 200 200 200 200");
        Row("POST /api/v1/pool/solutions/", "/api/v1/pool/solutions", "401 403 403 400 403 403 400", body: "{}");
        Row("PUT /api/v1/pool/solutions/{id:guid}", "/api/v1/pool/solutions/{solution}", "401 403 403 403 403 403 400", body: "{}");
        Row("DELETE /api/v1/pool/solutions/{id:guid}", "/api/v1/pool/solutions/{solution}", "401 403 403 403 403 403 -");
        Row("GET /api/v1/pool/solutions/{id:guid}/cases", "/api/v1/pool/solutions/{solution}/cases", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/cases/", "/api/v1/pool/cases", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/cases/{id:guid}", "/api/v1/pool/cases/{case}", "401 200 200 200 200 200 200");
        Row("POST /api/v1/pool/cases/", "/api/v1/pool/cases", "401 403 403 400 403 403 400", body: "{}");
        Row("PUT /api/v1/pool/cases/{id:guid}", "/api/v1/pool/cases/{case}", "401 403 403 403 403 403 400", body: "{}");
        Row("DELETE /api/v1/pool/cases/{id:guid}", "/api/v1/pool/cases/{case}", "401 403 403 403 403 403 -");
        Row("GET /api/v1/pool/chains/", "/api/v1/pool/chains", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/chains/{id:guid}", "/api/v1/pool/chains/{chain}", "401 200 200 200 200 200 200");
        Row("POST /api/v1/pool/chains/", "/api/v1/pool/chains", "401 403 403 403 400 400 400", body: "{}");
        Row("PUT /api/v1/pool/chains/{id:guid}", "/api/v1/pool/chains/{chain}", "401 403 403 403 400 403 400", body: "{}");
        // a regional admin keeps the industrial chains of its region
        Row("DELETE /api/v1/pool/chains/{id:guid}", "/api/v1/pool/chains/{chain}", "401 403 403 403 - 403 -");
        Row("POST /api/v1/pool/{kind}/import", "/api/v1/pool/solutions/import", "401 403 403 400 403 403 400", body: "{}");
        Row("GET /api/v1/pool/{kind}/export", "/api/v1/pool/solutions/export", "401 200 200 200 200 200 200");
        Row("GET /api/v1/pool/{kind}/template", "/api/v1/pool/solutions/template", "401 200 200 200 200 200 200");
        Row("GET /api/v1/demands/", "/api/v1/demands", "401 200 200 403 200 200 200");
        Row("POST /api/v1/demands/", "/api/v1/demands", "401 400 400 403 403 403 403", body: "{}");
        Row("GET /api/v1/demands/{id:guid}", "/api/v1/demands/{demand}", "401 200 404 404 200 404 200");
        Row("POST /api/v1/demands/{id:guid}/close", "/api/v1/demands/{demand}/close", "401 409 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/demands/{id:guid}/proposals", "/api/v1/demands/{demand}/proposals", "401 200 404 404 200 404 200");
        Row("POST /api/v1/demands/{id:guid}/proposals", "/api/v1/demands/{demand}/proposals", "401 403 403 404 403 403 403", body: "{}");
        Row("POST /api/v1/demands/{id:guid}/accept/{proposalId:guid}", "/api/v1/demands/{demand}/accept/{proposal}", "401 409 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/proposals/{id:guid}", "/api/v1/proposals/{proposal}", "401 200 404 404 200 404 200");
        Row("PUT /api/v1/proposals/{id:guid}", "/api/v1/proposals/{proposal}", "401 403 403 404 403 403 403", body: "{}");
        Row("POST /api/v1/proposals/{id:guid}/withdraw", "/api/v1/proposals/{proposal}/withdraw", "401 403 403 404 403 403 403", body: "{}");
        Row("GET /api/v1/projects/", "/api/v1/projects", "401 200 200 200 200 200 200");
        Row("GET /api/v1/projects/{id:guid}", "/api/v1/projects/{project}", "401 200 404 404 200 404 200");
        Row("POST /api/v1/projects/{id:guid}/start", "/api/v1/projects/{project}/start", "401 - 404 404 403 404 -", body: "{}");
        Row("POST /api/v1/projects/{id:guid}/complete", "/api/v1/projects/{project}/complete", "401 409 404 404 403 404 403", body: "{}");
        Row("POST /api/v1/projects/{id:guid}/cancel", "/api/v1/projects/{project}/cancel", "401 - 404 404 403 404 -", body: "{}");
        Row("POST /api/v1/projects/{id:guid}/consent", "/api/v1/projects/{project}/consent", "401 - 404 404 403 404 -", body: "{}");
        Row("GET /api/v1/gateways/", "/api/v1/gateways", "401 200 200 200 200 200 200");
        Row("POST /api/v1/gateways/", "/api/v1/gateways", "401 400 400 403 403 403 400", body: """{"name":""}""");
        Row("GET /api/v1/gateways/{id}", "/api/v1/gateways/{gateway}", "401 200 404 404 404 404 200");
        Row("POST /api/v1/gateways/{id}/revoke", "/api/v1/gateways/{gateway}/revoke", "401 - 404 404 404 404 -", body: "{}");
        Row("GET /api/v1/gateways/{id}/live", "/api/v1/gateways/{gateway}/live", "401 200 404 404 404 404 200");
        Row("GET /api/v1/gateways/{id}/rollups", "/api/v1/gateways/{gateway}/rollups", "401 200 404 404 404 404 200");
        Row("GET /api/v1/production/summary", "/api/v1/production/summary?enterpriseId={enterprise}", "401 200 404 403 403 403 200");
        Row("GET /api/v1/production/trend", "/api/v1/production/trend?enterpriseId={enterprise}", "401 200 404 403 403 403 200");
        Row("GET /api/v1/production/pareto", "/api/v1/production/pareto?enterpriseId={enterprise}", "401 200 404 403 403 403 200");
        Row("GET /api/v1/production/live", "/api/v1/production/live?enterpriseId={enterprise}", "401 200 404 403 403 403 200");
        Row("GET /api/v1/production/export.csv", "/api/v1/production/export.csv?enterpriseId={enterprise}", "401 200 404 403 403 403 200");
        Row("GET /api/v1/alerts/", "/api/v1/alerts", "401 200 200 200 200 200 200");
        Row("GET /api/v1/alerts/{id:long}", "/api/v1/alerts/{alert}", "401 200 404 404 404 404 200");
        Row("POST /api/v1/alerts/{id:long}/acknowledge", "/api/v1/alerts/{alert}/acknowledge", "401 - 404 404 404 404 -", body: "{}");
        Row("GET /api/v1/alert-rules/", "/api/v1/alert-rules", "401 200 200 200 200 200 200");
        Row("POST /api/v1/alert-rules/", "/api/v1/alert-rules", "401 400 400 403 403 403 400", body: "{}");
        Row("GET /api/v1/alert-rules/{id:guid}", "/api/v1/alert-rules/{alert-rule}", "401 200 404 404 404 404 200");
        Row("PUT /api/v1/alert-rules/{id:guid}", "/api/v1/alert-rules/{alert-rule}", "401 400 404 404 404 404 400", body: "{}");
        Row("DELETE /api/v1/alert-rules/{id:guid}", "/api/v1/alert-rules/{alert-rule}", "401 - 404 404 404 404 -");
        Row("GET /api/v1/region/{code}/summary", "/api/v1/region/330200/summary", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/by-district", "/api/v1/region/330200/by-district", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/by-industry", "/api/v1/region/330200/by-industry", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/levels", "/api/v1/region/330200/levels", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/gaps", "/api/v1/region/330200/gaps", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/rates", "/api/v1/region/330200/rates", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/indicators", "/api/v1/region/330200/indicators", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/level-trend", "/api/v1/region/330200/level-trend", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/scene-maturity", "/api/v1/region/330200/scene-maturity", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/solutions", "/api/v1/region/330200/solutions", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/market", "/api/v1/region/330200/market", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/export/{table}", "/api/v1/region/330200/export/district?format=csv", "401 403 403 403 200 403 200");
        Row("GET /api/v1/region/{code}/export/", "/api/v1/region/330200/export", "401 403 403 403 200 403 200");
        Row("GET /api/v1/programmes/", "/api/v1/programmes", "401 200 200 403 200 200 200");
        Row("POST /api/v1/programmes/", "/api/v1/programmes", "401 403 403 403 400 400 400", body: "{}");
        Row("GET /api/v1/programmes/{id:guid}", "/api/v1/programmes/{programme}", "401 200 404 404 200 404 200");
        Row("PUT /api/v1/programmes/{id:guid}", "/api/v1/programmes/{programme}", "401 404 404 404 400 404 400", body: "{}");
        Row("POST /api/v1/programmes/{id:guid}/applications", "/api/v1/programmes/{programme}/applications", "401 400 404 403 403 403 403", body: "{}");
        Row("GET /api/v1/programmes/{id:guid}/applications", "/api/v1/programmes/{programme}/applications", "401 404 404 404 200 404 200");
        Row("GET /api/v1/programmes/{id:guid}/applications/export", "/api/v1/programmes/{programme}/applications/export", "401 404 404 404 200 404 200");
        Row("GET /api/v1/programme-applications/{id:guid}", "/api/v1/programme-applications/{application}", "401 200 404 404 200 404 200");
        Row("POST /api/v1/programme-applications/{id:guid}/withdraw", "/api/v1/programme-applications/{application}/withdraw", "401 - 404 404 404 404 404", body: "{}");
        Row("POST /api/v1/programme-applications/{id:guid}/approve", "/api/v1/programme-applications/{application}/approve", "401 404 404 404 400 404 400", body: """{"grantedCny":-1}""");
        Row("POST /api/v1/programme-applications/{id:guid}/reject", "/api/v1/programme-applications/{application}/reject", "401 404 404 404 400 404 400", body: """{"comment":""}""");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/demonstration/", "/api/v1/enterprises/{enterprise}/demonstration", "401 200 404 404 200 404 200");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/demonstration/applications", "/api/v1/enterprises/{enterprise}/demonstration/applications", "401 200 404 404 200 404 200");
        Row("POST /api/v1/enterprises/{enterpriseId:guid}/demonstration/applications", "/api/v1/enterprises/{enterprise}/demonstration/applications", "401 400 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/demonstration/applications/", "/api/v1/demonstration/applications", "401 403 403 403 200 200 200");
        Row("GET /api/v1/demonstration/applications/export", "/api/v1/demonstration/applications/export", "401 403 403 403 200 200 200");
        Row("GET /api/v1/demonstration/applications/{id:guid}", "/api/v1/demonstration/applications/{demonstration}", "401 200 404 404 200 404 200");
        Row("POST /api/v1/demonstration/applications/{id:guid}/decision", "/api/v1/demonstration/applications/{demonstration}/decision", "401 403 404 404 400 404 400", body: "{}");
        Row("POST /api/v1/demonstration/applications/{id:guid}/resubmit", "/api/v1/demonstration/applications/{demonstration}/resubmit", "401 409 404 404 403 404 403", body: "{}");
        Row("POST /api/v1/demonstration/applications/{id:guid}/withdraw", "/api/v1/demonstration/applications/{demonstration}/withdraw", "401 - 404 404 403 404 403", body: "{}");
        Row("POST /api/v1/demonstration/applications/{id:guid}/comments", "/api/v1/demonstration/applications/{demonstration}/comments", "401 400 404 404 400 404 400", body: "{}");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/consent", "/api/v1/enterprises/{enterprise}/consent", "401 200 404 404 200 404 200");
        Row("PUT /api/v1/enterprises/{enterpriseId:guid}/consent", "/api/v1/enterprises/{enterprise}/consent", "401 400 404 404 403 404 403", body: "{}");
        Row("GET /api/v1/enterprises/{enterpriseId:guid}/admin-reads", "/api/v1/enterprises/{enterprise}/admin-reads", "401 200 404 404 404 404 200");
        Row("GET /_framework/opaque-redirect", "/_framework/opaque-redirect", "404 404 404 404 404 404 404");
        Row("PAGE /", "/", "200 200 200 200 200 200 200");
        Row("PAGE /status/{Code:int}", "/status/404", "200 200 200 200 200 200 200");
        // interactive without prerendering: the answer is an empty shell for anyone signed in; the circuit loads the sheet and shows not-found to others (no data in the answer, as the leak check shows)
        Row("PAGE /sheets/{Id:guid}", "/sheets/{draft}", "login 200 200 200 200 200 200");
        Row("PAGE /region", "/region", "login denied denied denied 200 200 200");
        Row("PAGE /region/{Code}", "/region/330200", "login denied denied denied 200 403 200");
        Row("PAGE /region/{Code}/report", "/region/330200/report", "login denied denied denied 200 403 200");
        Row("PAGE /projects", "/projects", "login 200 200 200 200 200 200");
        Row("PAGE /projects/{Id:guid}", "/projects/{project}", "login 200 404 404 200 404 200");
        Row("PAGE /programmes/applications/{Id:guid}", "/programmes/applications/{application}", "login 200 404 denied 200 404 200");
        Row("PAGE /programmes/new", "/programmes/new", "login denied denied denied 200 200 200");
        Row("PAGE /programmes/{Id:guid}/edit", "/programmes/{programme}/edit", "login denied denied denied 200 404 200");
        Row("PAGE /programmes", "/programmes", "login 200 200 denied 200 200 200");
        Row("PAGE /programmes/{Id:guid}", "/programmes/{programme}", "login 200 404 denied 200 404 200");
        Row("PAGE /enterprise", "/enterprise", "login 200 200 200 200 200 200");
        Row("PAGE /enterprise/privacy", "/enterprise/privacy", "login 200 200 200 200 200 200");
        Row("PAGE /production", "/production", "login 200 200 200 200 200 200");
        Row("PAGE /pool/cases/{Id:guid}", "/pool/cases/{case}", "login 200 200 200 200 200 200");
        Row("PAGE /pool/cases/new", "/pool/cases/new", "login 403 403 200 403 403 200");
        Row("PAGE /pool/cases/{Id:guid}/edit", "/pool/cases/{case}/edit", "login 403 403 403 403 403 200");
        Row("PAGE /pool/cases", "/pool/cases", "login 200 200 200 200 200 200");
        Row("PAGE /pool/chains/{Id:guid}", "/pool/chains/{chain}", "login 200 200 200 200 200 200");
        Row("PAGE /pool/chains/new", "/pool/chains/new", "login 403 403 403 200 200 200");
        Row("PAGE /pool/chains/{Id:guid}/edit", "/pool/chains/{chain}/edit", "login 403 403 403 200 403 200");
        Row("PAGE /pool/chains", "/pool/chains", "login 200 200 200 200 200 200");
        Row("PAGE /pool/import", "/pool/import", "login denied denied 200 denied denied 200");
        Row("PAGE /pool/providers/{Id:guid}", "/pool/providers/{provider}", "login 200 200 200 200 200 200");
        Row("PAGE /pool/providers/{Id:guid}/edit", "/pool/providers/{provider}/edit", "login 403 403 403 403 403 200");
        Row("PAGE /pool/providers", "/pool/providers", "login 200 200 200 200 200 200");
        Row("PAGE /pool/solutions/{Id:guid}", "/pool/solutions/{solution}", "login 200 200 200 200 200 200");
        Row("PAGE /pool/solutions/new", "/pool/solutions/new", "login 403 403 200 403 403 200");
        Row("PAGE /pool/solutions/{Id:guid}/edit", "/pool/solutions/{solution}/edit", "login 403 403 403 403 403 200");
        Row("PAGE /pool/solutions", "/pool/solutions", "login 200 200 200 200 200 200");
        Row("PAGE /match", "/match", "login 200 200 200 200 200 200");
        Row("PAGE /gateways/{Id}", "/gateways/{gateway}", "login 200 404 404 404 404 200");
        Row("PAGE /gateways", "/gateways", "login 200 200 200 200 200 200");
        Row("PAGE /demonstration/applications/{Id:guid}", "/demonstration/applications/{demonstration}", "login 200 404 404 200 404 200");
        Row("PAGE /demonstration", "/demonstration", "login 200 200 200 200 200 200");
        Row("PAGE /admin/demonstration", "/admin/demonstration", "login denied denied denied 200 200 200");
        Row("PAGE /demands/{Id:guid}", "/demands/{demand}", "login 200 404 404 200 404 200");
        Row("PAGE /inbox", "/inbox", "login denied denied 200 denied denied denied");
        Row("PAGE /inbox/{Id:guid}", "/inbox/{demand}", "login denied denied 404 denied denied denied");
        Row("PAGE /demands", "/demands", "login 200 200 denied 200 200 200");
        Row("PAGE /scenarios", "/scenarios", "200 200 200 200 200 200 200");
        Row("PAGE /assessments", "/assessments", "login 200 200 200 200 200 200");
        Row("PAGE /alerts", "/alerts", "login 200 200 200 200 200 200");
        Row("PAGE /alerts/rules/new", "/alerts/rules/new", "login 200 200 404 404 404 404");
        Row("PAGE /alerts/rules/{Id:guid}", "/alerts/rules/{alert-rule}", "login 200 404 404 404 404 200");
        Row("PAGE /alerts/rules", "/alerts/rules", "login 200 200 200 200 200 200");
        Row("PAGE /admin/enterprises", "/admin/enterprises", "login denied denied denied 200 200 200");
        Row("PAGE /admin/users", "/admin/users", "login denied denied denied denied denied 200");
        Row("PAGE /account/denied", "/account/denied", "200 200 200 200 200 200 200");
        Row("PAGE /account/login", "/account/login", "200 200 200 200 200 200 200");
        Row("PAGE /account/register", "/account/register", "200 200 200 200 200 200 200");
        Row("PAGE /results/{Id:guid}/report", "/results/{result}/report", "login 200 404 404 403 404 200");
        Row("PAGE /results/{Id:guid}", "/results/{result}", "login 200 404 404 403 404 200");
        Row("* /_blazor/negotiate", "/_blazor/negotiate?negotiateVersion=1", "200 200 200 200 200 200 200", send: "POST");
        Row("* /_blazor", "/_blazor", "405 405 405 405 405 405 405");
        Row("* /_blazor/disconnect/", "/_blazor/disconnect", "404 404 404 404 404 404 404", send: "POST");
        Row("GET,HEAD {**path:file}", "/no-such-file.txt", "404 404 404 404 404 404 404");
        Row("* /_blazor/initializers/", "/_blazor/initializers", "200 200 200 200 200 200 200");

        return rows;
    }
}
