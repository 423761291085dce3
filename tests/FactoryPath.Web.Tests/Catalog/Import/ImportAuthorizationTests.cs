using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class ImportAuthorizationTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/v1/pool/providers/export")]
    [InlineData("/api/v1/pool/solutions/template")]
    [InlineData("/api/v1/pool/chains/export?format=xlsx")]
    public async Task Anonymous_callers_get_401(string path)
    {
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        var upload = await anonymous.PostAsync("/api/v1/pool/providers/import", PoolData.File(PoolData.Utf8(PoolData.ProviderHeader), "p.csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
    }

    [Theory]
    [InlineData(PlatformRoles.EnterpriseUser, "providers")]
    [InlineData(PlatformRoles.EnterpriseUser, "solutions")]
    [InlineData(PlatformRoles.RegionalAdmin, "cases")]
    public async Task Only_the_operator_and_providers_for_their_solutions_import(string role, string kind)
    {
        var client = await Users.WithRoleAsync(_factory, role, role == PlatformRoles.RegionalAdmin ? "330000" : null);
        var response = await client.UploadAsync(kind, "validate", PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode())));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_service_provider_account_without_a_provider_may_not_import_solutions()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.ServiceProvider);
        var response = await client.UploadAsync("solutions", "validate", PoolData.Utf8(PoolData.SolutionHeader));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_explained()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var file = PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.UploadAsync("widgets", "validate", file)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.UploadAsync("providers", "everything", file)).StatusCode);
        var wrongType = await client.UploadAsync("providers", "validate", file, "providers.xls");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains(".xls", await wrongType.Content.ReadAsStringAsync());
        var noFile = await client.Http.PostAsync("/api/v1/pool/providers/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync("/api/v1/pool/providers/export?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync("/api/v1/pool/providers/export?encoding=latin1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/v1/pool/widgets/export")).StatusCode);
    }

    [Fact]
    public async Task A_file_over_20_mb_is_refused_with_413()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var big = new byte[21 * 1024 * 1024];
        Array.Fill(big, (byte)'a');

        var response = await client.UploadAsync("providers", "validate", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync());
    }
}
