using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// Runs <see cref="AuthorizationMatrix"/> against the endpoints the platform really maps: every endpoint must declare
/// its policy and have a row, every row must name a mapped endpoint, and every role gets exactly the answer its row
/// says, with nothing of another tenant in any answer.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private IReadOnlyList<RouteEndpoint> Mapped()
    {
        _ = world.Factory.Server; // the host is built
        return world.Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
    }

    [Fact]
    public void Every_mapped_endpoint_declares_a_policy_and_has_a_row_in_the_matrix()
    {
        var rows = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var endpoint in Mapped())
        {
            var framework = AuthorizationMatrix.FrameworkClass(endpoint);
            if (framework is not null) continue; // a framework endpoint the matrix declares as such (static files), checked below
            var key = AuthorizationMatrix.Key(endpoint);
            var declared = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (!declared && !AuthorizationMatrix.FrameworkEndpoints.Contains(key)) problems.Add($"{key}: no declared policy (RequireAuthorization/[Authorize] or AllowAnonymous)");
            if (!rows.Contains(key)) problems.Add($"{key}: no row in AuthorizationMatrix.Rows ({endpoint.DisplayName}; {string.Join(", ", endpoint.Metadata.Select(m => m.GetType().Name).Distinct())})");
        }
        Assert.True(problems.Count == 0, "Endpoints without a declared policy or a matrix row:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_row_of_the_matrix_names_a_mapped_endpoint()
    {
        var mapped = Mapped().Select(AuthorizationMatrix.Key).ToHashSet(StringComparer.Ordinal);
        var stale = AuthorizationMatrix.Rows.Where(r => !mapped.Contains(r.Endpoint)).Select(r => r.Endpoint).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints the platform no longer maps:\n" + string.Join("\n", stale));
        Assert.Equal(AuthorizationMatrix.Rows.Count, AuthorizationMatrix.Rows.Select(r => r.Endpoint).Distinct().Count());
    }

    [Fact]
    public async Task Every_static_asset_opens_for_anyone()
    {
        var assets = Mapped().Where(e => AuthorizationMatrix.FrameworkClass(e) == "static-asset" && !e.RoutePattern.Parameters.Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.Contains("/_framework/blazor.web.js", assets);
        var http = world.Client("anonymous").Pages;
        var failures = new List<string>();
        foreach (var path in assets)
        {
            var response = await http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{path}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> Roles => new(MatrixWorld.Roles);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_endpoint_answers_the_role_as_the_matrix_says(string role)
    {
        var index = Array.IndexOf(MatrixWorld.Roles, role);
        var (api, pages) = world.Client(role);
        var foreign = world.Foreign(role);
        var failures = new List<string>();
        var sent = 0;
        foreach (var row in AuthorizationMatrix.Rows)
        {
            var expected = row.Expected[index];
            if (expected == AuthorizationMatrix.NotSent) continue;
            var path = world.Fill(row.Path);
            var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
            if (row.Body == AuthorizationMatrix.FormWithoutToken) request.Content = new FormUrlEncodedContent([]);
            else if (row.Body is not null) request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
            var response = await (path.StartsWith("/api/", StringComparison.Ordinal) ? api : pages).SendAsync(request);
            sent++;
            var body = await response.Content.ReadAsByteArrayAsync();
            var location = response.Headers.Location?.OriginalString.Replace("http://localhost", "") ?? "";
            var actual = (int)response.StatusCode == 302 && location.StartsWith("/account/login", StringComparison.Ordinal) ? "login"
                : (int)response.StatusCode == 302 && location.StartsWith("/account/denied", StringComparison.Ordinal) ? "denied"
                : ((int)response.StatusCode).ToString();
            if (actual != expected) failures.Add($"{row.Endpoint} ({row.Method} {row.Path}): expected {expected}, got {actual}");
            var leaked = AnswerText.Leaks(response.Content.Headers.ContentType?.MediaType, body, foreign); // a workbook is read sheet by sheet
            if (leaked.Count > 0) failures.Add($"{row.Endpoint}: the answer ({actual}) holds another tenant's {string.Join(", ", leaked)}");
        }
        Assert.True(sent > 0);
        Assert.True(failures.Count == 0, $"{role}: {failures.Count} of {sent} answers differ from the matrix:\n" + string.Join("\n", failures));
    }
}
