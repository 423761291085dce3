namespace FactoryPath.Load;

/// <summary>Who sends the requests of an endpoint: one of the accounts (<see cref="LoadAccounts"/>), or nobody signed in.</summary>
public enum LoadRole
{
    Anonymous,
    Owner,
    Provider,
    RegionalAdmin,
    Operator,
}

/// <summary>The ceiling (a trivial endpoint of the same host), a server-rendered page (cookie) or an API route (bearer token).</summary>
public enum LoadKind
{
    Ceiling,
    Page,
    Api,
}

/// <summary>
/// One endpoint the load test drives: a name for the table, the role whose credentials go with it, the key of its row in
/// the authorization matrix (tests/FactoryPath.Web.Tests/Security/AuthorizationMatrix.cs: the role must get 200 there,
/// or be allowed to write), the path with the ids of the running platform filled in, and for a write its method and
/// JSON body (sent unchanged with every request, so that the data it leaves behind is the same however often it runs).
/// </summary>
public sealed record LoadEndpoint(string Name, LoadRole Role, LoadKind Kind, string MatrixKey, string Path, string Method = "GET", string? Body = null)
{
    public bool IsWrite => Method != "GET";
}

/// <summary>Ids looked up in the running platform after sign-in; an endpoint whose id is missing is left out (and said so).</summary>
/// <param name="ProviderHasInbox">Whether the provider account signed in is bound to a provider of the pool (the demo pool, and with
/// it the demo account's binding, is seeded only into a database without providers).</param>
/// <param name="Draft">The owner's open answer sheet (continued, or started for the model of its result) and the body that saves
/// its own answers again (<c>PUT /api/v1/sheets/{id}/answers</c>): a write of the same answers, as the questionnaire's autosave does.</param>
public sealed record LoadWorld(Guid Enterprise, Guid Result, string RegionCode, Guid? Demand, Guid? Solution, Guid? Provider, bool ProviderHasInbox,
    (Guid Id, string Body)? Draft = null);

public static class LoadEndpoints
{
    /// <summary>A Chinese query for the searches ("equipment networking").</summary>
    public const string ChineseQuery = "设备联网";

    public const string CeilingPath = "/health";

    /// <summary>The demo account of a role (<see cref="LoadAccounts.Demo"/>).</summary>
    public static string Email(LoadRole role) => role == LoadRole.Anonymous
        ? throw new ArgumentOutOfRangeException(nameof(role), role, "anonymous has no account")
        : LoadAccounts.Demo.Emails[role];

    /// <summary>The column of the role in the authorization matrix (anonymous, A, B, provider, admin of A's region, admin of another, operator).</summary>
    public static int MatrixColumn(LoadRole role) => role switch
    {
        LoadRole.Anonymous => 0,
        LoadRole.Owner => 1,
        LoadRole.Provider => 3,
        LoadRole.RegionalAdmin => 4,
        LoadRole.Operator => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The ceiling before the others.</summary>
    public static LoadEndpoint CeilingBefore { get; } = new("/health (before)", LoadRole.Anonymous, LoadKind.Ceiling, "GET /health", CeilingPath);

    /// <summary>The ceiling again after the others: the machine is shared, so the anchor is measured at both ends.</summary>
    public static LoadEndpoint CeilingAfter { get; } = new("/health (after)", LoadRole.Anonymous, LoadKind.Ceiling, "GET /health", CeilingPath);

    /// <summary>The run in order: the ceiling, the pages, the API, the ceiling again; and what was left out, with why.</summary>
    public static (IReadOnlyList<LoadEndpoint> Endpoints, IReadOnlyList<string> LeftOut) For(LoadWorld world)
    {
        var q = Uri.EscapeDataString(ChineseQuery);
        var region = Uri.EscapeDataString(world.RegionCode);
        var list = new List<LoadEndpoint> { CeilingBefore };
        var leftOut = new List<string>();

        void Page(string name, LoadRole role, string key, string path) => list.Add(new(name, role, LoadKind.Page, key, path));
        void Api(string name, LoadRole role, string key, string path) => list.Add(new(name, role, LoadKind.Api, key, path));

        // pages (the Identity cookie)
        Page("home", LoadRole.Owner, "PAGE /", "/");
        Page("assessments", LoadRole.Owner, "PAGE /assessments", "/assessments");
        Page("result with roadmap", LoadRole.Owner, "PAGE /results/{Id:guid}", $"/results/{world.Result}");
        Page("result report", LoadRole.Owner, "PAGE /results/{Id:guid}/report", $"/results/{world.Result}/report");
        Page("match (Chinese query)", LoadRole.Owner, "PAGE /match", $"/match?q={q}");
        Page("pool solutions (Chinese search)", LoadRole.Owner, "PAGE /pool/solutions", $"/pool/solutions?search={q}");
        Page("pool providers", LoadRole.Provider, "PAGE /pool/providers", "/pool/providers");
        Page("my demands", LoadRole.Owner, "PAGE /demands", "/demands");
        if (world.Demand is { } demand) Page("demand", LoadRole.Owner, "PAGE /demands/{Id:guid}", $"/demands/{demand}");
        else leftOut.Add("demand page: the owner has no demand");
        Page("production", LoadRole.Owner, "PAGE /production", "/production");
        if (world.ProviderHasInbox) Page("demand inbox", LoadRole.Provider, "PAGE /inbox", "/inbox");
        else leftOut.Add("demand inbox (page and API): the provider account is not bound to a provider in this database");
        Page("region console", LoadRole.RegionalAdmin, "PAGE /region/{Code}", $"/region/{region}");
        Page("region enterprises", LoadRole.RegionalAdmin, "PAGE /admin/enterprises", "/admin/enterprises");
        Page("province picker", LoadRole.Operator, "PAGE /region", "/region");
        Page("accounts", LoadRole.Operator, "PAGE /admin/users", "/admin/users");

        // API (bearer token)
        Api("me", LoadRole.Owner, "GET /api/v1/me", "/api/v1/me");
        Api("results of the enterprise", LoadRole.Owner, "GET /api/v1/enterprises/{enterpriseId:guid}/results", $"/api/v1/enterprises/{world.Enterprise}/results");
        Api("result", LoadRole.Owner, "GET /api/v1/results/{id:guid}", $"/api/v1/results/{world.Result}");
        Api("roadmap", LoadRole.Owner, "GET /api/v1/results/{id:guid}/roadmap", $"/api/v1/results/{world.Result}/roadmap");
        Api("matches of the result", LoadRole.Owner, "GET /api/v1/results/{id:guid}/matches", $"/api/v1/results/{world.Result}/matches");
        Api("pool solutions (Chinese search)", LoadRole.Owner, "GET /api/v1/pool/solutions/", $"/api/v1/pool/solutions?search={q}");
        if (world.Solution is { } solution) Api("solution", LoadRole.Owner, "GET /api/v1/pool/solutions/{id:guid}", $"/api/v1/pool/solutions/{solution}");
        else leftOut.Add("solution API: the pool has no solution");
        if (world.Provider is { } provider) Api("provider", LoadRole.Owner, "GET /api/v1/pool/providers/{id:guid}", $"/api/v1/pool/providers/{provider}");
        else leftOut.Add("provider API: the pool has no provider");
        Api("demands", LoadRole.Owner, "GET /api/v1/demands/", "/api/v1/demands");
        Api("production summary", LoadRole.Owner, "GET /api/v1/production/summary", $"/api/v1/production/summary?enterpriseId={world.Enterprise}");
        if (world.ProviderHasInbox) Api("inbox", LoadRole.Provider, "GET /api/v1/inbox", "/api/v1/inbox");
        Api("region summary", LoadRole.RegionalAdmin, "GET /api/v1/region/{code}/summary", $"/api/v1/region/{region}/summary");
        Api("region by district", LoadRole.RegionalAdmin, "GET /api/v1/region/{code}/by-district", $"/api/v1/region/{region}/by-district");
        Api("region levels", LoadRole.RegionalAdmin, "GET /api/v1/region/{code}/levels", $"/api/v1/region/{region}/levels");
        Api("region gaps", LoadRole.RegionalAdmin, "GET /api/v1/region/{code}/gaps", $"/api/v1/region/{region}/gaps");
        Api("enterprises", LoadRole.Operator, "GET /api/v1/enterprises/", "/api/v1/enterprises");
        Api("accounts", LoadRole.Operator, "GET /api/v1/admin/users/", "/api/v1/admin/users");

        // a write: the owner's draft saved again with its own answers (one transaction per request)
        if (world.Draft is { } draft)
            list.Add(new("save draft answers", LoadRole.Owner, LoadKind.Api, "PUT /api/v1/sheets/{id:guid}/answers", $"/api/v1/sheets/{draft.Id}/answers", "PUT", draft.Body));
        else leftOut.Add("save draft answers: the owner's draft could not be opened");

        list.Add(CeilingAfter);
        return (list, leftOut);
    }
}
