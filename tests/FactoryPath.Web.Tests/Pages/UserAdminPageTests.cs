using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Pages;

public sealed class UserAdminPageTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_operator_creates_a_regional_admin_on_the_accounts_page()
    {
        var operatorEmail = await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin);
        var page = await PageClient.SignedInAsync(_factory, operatorEmail, ApiClient.Password);
        var email = Codes.Email("province");

        var missingRegion = await page.PostFormAsync("/admin/users", "main form", new()
        {
            ["Input.DisplayName"] = "省管理员", ["Input.Email"] = email, ["Input.Password"] = ApiClient.Password,
            ["Input.Role"] = PlatformRoles.RegionalAdmin, ["Input.RegionCode"] = "",
        });
        var refused = await PageClient.ParseAsync(missingRegion);
        Assert.NotNull(refused.QuerySelector(".field-error[data-field=regionCode]"));

        var created = await page.PostFormAsync("/admin/users", "main form", new()
        {
            ["Input.DisplayName"] = "省管理员", ["Input.Email"] = email, ["Input.Password"] = ApiClient.Password,
            ["Input.Role"] = PlatformRoles.RegionalAdmin, ["Input.RegionCode"] = "330000",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await page.GetDocumentAsync("/admin/users?created=1");
        var row = list.QuerySelectorAll("[data-testid=user-table] tr").FirstOrDefault(r => r.TextContent.Contains(email));
        Assert.NotNull(row);
        Assert.Contains("330000", row.TextContent);

        var admin = await ApiClient.SignInAsync(_factory, email, ApiClient.Password);
        var me = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/me"));
        Assert.Equal("330000", me.GetProperty("regionCode").GetString());
    }
}
