using System.Text.RegularExpressions;
using FactoryPath.Load;
using FactoryPath.Web.Tests.Security;

namespace FactoryPath.Web.Tests.Load;

/// <summary>The load test's endpoint list against the authorization matrix: each endpoint is sent as a role that gets 200.</summary>
public class LoadEndpointsTests
{
    private static readonly LoadWorld World = new(Guid.NewGuid(), Guid.NewGuid(), "330000", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), ProviderHasInbox: true,
        Draft: (Guid.NewGuid(), "{\"answers\":{},\"reasons\":{}}"));

    public static TheoryData<string> Names() => [.. LoadEndpoints.For(World).Endpoints.Select(Label).Distinct()];

    private static string Label(LoadEndpoint e) => $"{e.Kind} {e.Name} as {e.Role}";

    private static LoadEndpoint Named(string name) => LoadEndpoints.For(World).Endpoints.First(e => Label(e) == name);

    [Fact]
    public void Every_run_has_its_own_label()
    {
        var endpoints = LoadEndpoints.For(World).Endpoints;

        Assert.Equal(endpoints.Count, endpoints.Select(Label).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_role_of_each_endpoint_gets_200_in_the_authorization_matrix(string name)
    {
        var endpoint = Named(name);
        var row = AuthorizationMatrix.Rows.SingleOrDefault(r => r.Endpoint == endpoint.MatrixKey);

        Assert.True(row is not null, $"{endpoint.MatrixKey} has no row in the authorization matrix");
        Assert.Equal(endpoint.Method, row.Method);
        // a write the matrix does not send (it would change what the other rows read) is allowed for the role: "-"
        if (endpoint.IsWrite) Assert.Contains(row.Expected[LoadEndpoints.MatrixColumn(endpoint.Role)], new[] { "200", AuthorizationMatrix.NotSent });
        else Assert.Equal("200", row.Expected[LoadEndpoints.MatrixColumn(endpoint.Role)]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_path_fits_the_route_of_its_matrix_key(string name)
    {
        var endpoint = Named(name);
        var route = endpoint.MatrixKey[(endpoint.MatrixKey.IndexOf(' ') + 1)..].TrimEnd('/');
        var pattern = "^" + Regex.Replace(Regex.Escape(route), @"\\\{[^}]+}", "[^/]+") + "/?$";
        var path = endpoint.Path.Split('?')[0];

        Assert.Matches(pattern, path);
        Assert.Equal(endpoint.Kind == LoadKind.Api, path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Equal(endpoint.MatrixKey.StartsWith("PAGE ", StringComparison.Ordinal), endpoint.Kind == LoadKind.Page);
    }

    [Fact]
    public void The_ceiling_comes_first_and_last_and_is_anonymous()
    {
        var (endpoints, _) = LoadEndpoints.For(World);

        Assert.Equal(LoadEndpoints.CeilingBefore, endpoints[0]);
        Assert.Equal(LoadEndpoints.CeilingAfter, endpoints[^1]);
        Assert.Equal(2, endpoints.Count(e => e.Kind == LoadKind.Ceiling));
        Assert.All(endpoints.Where(e => e.Kind == LoadKind.Ceiling), e => Assert.Equal((LoadRole.Anonymous, "/health"), (e.Role, e.Path)));
    }

    [Fact]
    public void Pages_and_the_api_are_both_driven_for_every_signed_in_role()
    {
        var (endpoints, _) = LoadEndpoints.For(World);

        foreach (var role in new[] { LoadRole.Owner, LoadRole.RegionalAdmin, LoadRole.Operator })
        {
            Assert.Contains(endpoints, e => e.Role == role && e.Kind == LoadKind.Page);
            Assert.Contains(endpoints, e => e.Role == role && e.Kind == LoadKind.Api);
        }
        Assert.Contains(endpoints, e => e.Role == LoadRole.Provider && e.Path == "/api/v1/inbox");
        Assert.Contains(endpoints, e => e.Path.Contains(Uri.EscapeDataString(LoadEndpoints.ChineseQuery), StringComparison.Ordinal) && e.Kind == LoadKind.Page);
        Assert.Contains(endpoints, e => e.Path == "/region/330000" && e.Role == LoadRole.RegionalAdmin);
    }

    [Fact]
    public void Endpoints_whose_ids_the_platform_lacks_are_left_out_and_said_so()
    {
        var (endpoints, leftOut) = LoadEndpoints.For(World with { Demand = null, Solution = null, ProviderHasInbox = false, Draft = null });

        Assert.DoesNotContain(endpoints, e => e.MatrixKey is "PAGE /demands/{Id:guid}" or "GET /api/v1/pool/solutions/{id:guid}" or "PAGE /inbox" or "GET /api/v1/inbox");
        Assert.DoesNotContain(endpoints, e => e.IsWrite);
        Assert.Equal(4, leftOut.Count);
        Assert.Contains(leftOut, l => l.StartsWith("demand page", StringComparison.Ordinal));
        Assert.Contains(leftOut, l => l.StartsWith("demand inbox", StringComparison.Ordinal));
        Assert.Contains(leftOut, l => l.StartsWith("save draft answers", StringComparison.Ordinal));
        Assert.Empty(LoadEndpoints.For(World).LeftOut);
    }

    [Fact]
    public void The_one_write_saves_the_owners_draft_with_the_body_the_session_built()
    {
        var (endpoints, _) = LoadEndpoints.For(World);

        var write = Assert.Single(endpoints, e => e.IsWrite);
        Assert.Equal(("PUT", LoadRole.Owner, LoadKind.Api), (write.Method, write.Role, write.Kind));
        Assert.Equal($"/api/v1/sheets/{World.Draft!.Value.Id}/answers", write.Path);
        Assert.Equal(World.Draft.Value.Body, write.Body);
        Assert.All(endpoints.Where(e => !e.IsWrite), e => Assert.Null(e.Body));
    }

    [Fact]
    public void The_roles_map_to_the_matrix_columns_of_the_same_accounts()
    {
        Assert.Equal("anonymous", MatrixWorld.Roles[LoadEndpoints.MatrixColumn(LoadRole.Anonymous)]);
        Assert.Equal("A", MatrixWorld.Roles[LoadEndpoints.MatrixColumn(LoadRole.Owner)]);
        Assert.Equal("provider", MatrixWorld.Roles[LoadEndpoints.MatrixColumn(LoadRole.Provider)]);
        Assert.Equal("admin-in", MatrixWorld.Roles[LoadEndpoints.MatrixColumn(LoadRole.RegionalAdmin)]);
        Assert.Equal("operator", MatrixWorld.Roles[LoadEndpoints.MatrixColumn(LoadRole.Operator)]);
        Assert.Equal(global::FactoryPath.Web.Demo.DemoAccounts.Enterprise.Email, LoadEndpoints.Email(LoadRole.Owner));
        Assert.Equal(global::FactoryPath.Web.Demo.DemoAccounts.Provider.Email, LoadEndpoints.Email(LoadRole.Provider));
        Assert.Equal(global::FactoryPath.Web.Demo.DemoAccounts.ProvinceAdmin.Email, LoadEndpoints.Email(LoadRole.RegionalAdmin));
        Assert.Equal(global::FactoryPath.Web.Demo.DemoAccounts.Operator.Email, LoadEndpoints.Email(LoadRole.Operator));
    }

    [Fact]
    public void The_generated_accounts_are_named_as_gen_names_them()
    {
        Assert.Equal(global::FactoryPath.Web.Demo.Synthetic.SyntheticDataGenerator.OwnerEmail(7), LoadAccounts.GeneratedOwner(7));
        Assert.Equal(global::FactoryPath.Web.Demo.Synthetic.SyntheticDataGenerator.ProviderEmail(12), LoadAccounts.GeneratedProvider(12));
        Assert.Equal(global::FactoryPath.Web.Demo.Synthetic.SyntheticDataGenerator.AdminEmail("330000"), LoadAccounts.GeneratedProvinceAdmin("330212"));
        Assert.Equal(global::FactoryPath.Web.Demo.Synthetic.SyntheticDataGenerator.OperatorEmail, LoadAccounts.GeneratedOperator);
        Assert.Throws<ArgumentException>(() => LoadAccounts.GeneratedProvinceAdmin("33"));
    }
}
