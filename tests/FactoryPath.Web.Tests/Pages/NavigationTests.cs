using FactoryPath.Web.Demo;

namespace FactoryPath.Web.Tests.Pages;

/// <summary>
/// The top navigation offers each role the pages it may open, and only those: every link answers 200 for that role, and
/// the role's main lists are there.
/// </summary>
public sealed class NavigationTests : IClassFixture<NavigationTests.Demo>
{
    private const string DemoPassword = "Demo#2026pass";
    private readonly Demo _demo;

    public NavigationTests(Demo demo) => _demo = demo;

    public sealed class Demo : IDisposable
    {
        public PlatformFactory Factory { get; } = new(seedDemo: true);

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string, string[]> Roles() => new()
    {
        { DemoAccounts.Enterprise.Email, ["/assessments", "/demands", "/projects", "/production", "/gateways", "/programmes"] },
        { DemoAccounts.Provider.Email, ["/assessments", "/inbox", "/projects"] },
        { DemoAccounts.ProvinceAdmin.Email, ["/admin/enterprises", "/region", "/projects", "/programmes"] },
        { DemoAccounts.CityAdmin.Email, ["/admin/enterprises", "/region", "/projects", "/programmes"] },
        { DemoAccounts.Operator.Email, ["/admin/enterprises", "/region", "/projects", "/gateways", "/admin/users"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_link_in_the_navigation_opens_for_the_role_that_sees_it(string email, string[] expected)
    {
        var client = await PageClient.SignedInAsync(_demo.Factory, email, DemoPassword);
        var home = await client.GetDocumentAsync("/");
        var links = home.QuerySelectorAll(".mainnav a").Select(a => a.GetAttribute("href")!).ToList();

        foreach (var path in expected) Assert.Contains(path, links);
        foreach (var path in links)
        {
            var response = await client.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: the navigation offers {path}, which answers {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Visitors_see_the_scenario_library_and_the_pool_which_asks_them_to_sign_in()
    {
        var visitor = PageClient.Anonymous(_demo.Factory);
        var home = await visitor.GetDocumentAsync("/");
        var links = home.QuerySelectorAll(".mainnav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/scenarios", "/pool/solutions"], links);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/scenarios")).StatusCode);
        var pool = await visitor.Http.GetAsync("/pool/solutions");
        Assert.Equal(HttpStatusCode.Redirect, pool.StatusCode);
        Assert.StartsWith("/account/login", pool.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }
}
