using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Api;

public sealed class UserAdminTests : IClassFixture<UserAdminTests.World>
{
    private readonly World _w;

    public UserAdminTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Operator { get; private set; } = default!;

        public async Task InitializeAsync() => Operator = await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static object NewUser(string? role, string? region, string? email = null, string password = ApiClient.Password) =>
        new { email = email ?? Codes.Email((role ?? "none").ToLowerInvariant()), displayName = "新账号", password, role, regionCode = region };

    [Fact]
    public async Task The_operator_opens_a_city_admin_who_then_sees_only_its_city()
    {
        var ningbo = await ApiClient.RegisterAsync(_w.Factory, Codes.Email("nb"));
        var ningboId = (await ningbo.CreateEnterpriseAsync("宁波账号测试企业", Codes.NewCreditCode("330200"), regionCode: "330203")).GetProperty("id").GetGuid();
        var hangzhou = await ApiClient.RegisterAsync(_w.Factory, Codes.Email("hz"));
        var hangzhouId = (await hangzhou.CreateEnterpriseAsync("杭州账号测试企业", Codes.NewCreditCode("330100"), regionCode: "330106")).GetProperty("id").GetGuid();

        var email = Codes.Email("city-admin");
        var created = await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.RegionalAdmin, "330200", email));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ApiClient.ReadAsync(created);
        Assert.Equal("330200", body.GetProperty("regionCode").GetString());
        Assert.Equal([PlatformRoles.RegionalAdmin], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var admin = await ApiClient.SignInAsync(_w.Factory, email, ApiClient.Password);
        var ids = (await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/enterprises?pageSize=100")))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(ningboId, ids);
        Assert.DoesNotContain(hangzhouId, ids);
    }

    [Theory]
    [InlineData("RegionalAdmin", null, "regionCode")]
    [InlineData("RegionalAdmin", "999999", "regionCode")]
    [InlineData("ServiceProvider", "330000", "regionCode")]
    [InlineData("Janitor", null, "role")]
    [InlineData(null, null, "role")]
    public async Task A_bad_account_request_names_the_field(string? role, string? region, string field)
    {
        var response = await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(role, region));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_weak_password_and_a_taken_email_are_refused()
    {
        var weak = await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.EnterpriseUser, null, password: "abc"));
        Assert.True((await ApiClient.ReadAsync(weak)).GetProperty("errors").TryGetProperty("password", out _));

        var email = Codes.Email("twice");
        Assert.Equal(HttpStatusCode.Created, (await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.EnterpriseUser, null, email))).StatusCode);
        var again = await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.EnterpriseUser, null, email));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await ApiClient.ReadAsync(again)).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task The_list_filters_by_role_and_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await _w.Operator.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.RegionalAdmin, "440000"));
        }
        var page = await ApiClient.ReadAsync(await _w.Operator.Http.GetAsync("/api/v1/admin/users?role=RegionalAdmin&pageSize=2"));
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), u =>
            Assert.Contains(PlatformRoles.RegionalAdmin, u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Theory]
    [InlineData("EnterpriseUser")]
    [InlineData("ServiceProvider")]
    [InlineData("RegionalAdmin")]
    public async Task Only_the_operator_manages_accounts(string role)
    {
        var caller = await Users.WithRoleAsync(_w.Factory, role, role == "RegionalAdmin" ? "330000" : null);
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.PostAsJsonAsync("/api/v1/admin/users", NewUser(PlatformRoles.PlatformAdmin, null))).StatusCode);
    }
}
