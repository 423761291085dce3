using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// Sign-in attempts are limited per client address (the "login" policy on the sign-in and registration endpoints) and
/// per account name. Each test runs its own platform with a small limit and a long window; the rest of the suite runs
/// with a high limit (PlatformFactory).
/// </summary>
public sealed class LoginRateLimitTests
{
    private static PlatformFactory WithLimits(int perClient, int perAccount) => new()
    {
        Settings =
        {
            ["FactoryPath:Security:LoginPermitsPerClient"] = perClient.ToString(CultureInfo.InvariantCulture),
            ["FactoryPath:Security:LoginPermitsPerAccount"] = perAccount.ToString(CultureInfo.InvariantCulture),
            ["FactoryPath:Security:LoginWindowSeconds"] = "600",
        },
    };

    [Fact]
    public async Task Api_sign_ins_over_the_per_address_limit_get_429_with_retry_after_and_a_bilingual_problem()
    {
        using var factory = WithLimits(perClient: 3, perAccount: 1000);
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = $"nobody{i}@example.cn", password = "wrong-password-1" })).StatusCode);

        var refused = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "another@example.cn", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 600);
        var problem = await ApiClient.ReadAsync(refused);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("尝试过于频繁", problem.GetProperty("title").GetString());
        Assert.Contains($"{seconds} 秒", problem.GetProperty("detail").GetString());

        // registration shares the address's attempts; an English caller reads English
        var english = factory.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var register = await english.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "x", email = Codes.Email("late"), password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Equal("Too many attempts", (await ApiClient.ReadAsync(register)).GetProperty("title").GetString());
        // reading is not an attempt
        Assert.Equal(HttpStatusCode.OK, (await english.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await english.GetAsync("/api/v1/models")).StatusCode);
    }

    [Fact]
    public async Task One_account_is_limited_from_every_address_and_the_sign_in_page_says_so()
    {
        using var factory = WithLimits(perClient: 1000, perAccount: 3);
        var email = Codes.Email("target");
        await ApiClient.RegisterAsync(factory, email); // one attempt (the sign-in after registering)
        var http = factory.CreateClient();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-1" })).StatusCode);

        var refused = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = email.ToUpperInvariant(), password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing");

        // another account signs in as usual
        var other = Codes.Email("bystander");
        await ApiClient.RegisterAsync(factory, other);

        // the sign-in page refuses the throttled account with a clear message, before checking its password
        var page = PageClient.Anonymous(factory);
        var response = await page.PostFormAsync("/account/login", "main form", new() { ["Input.Email"] = email, ["Input.Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.ParseAsync(response);
        Assert.Contains("Too many sign-in or registration attempts", document.QuerySelector("[data-testid=login-error]")!.TextContent);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("fp.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_form_posts_over_the_per_address_limit_get_a_429_page()
    {
        using var factory = WithLimits(perClient: 2, perAccount: 1000);
        var page = PageClient.Anonymous(factory);
        for (var i = 0; i < 2; i++)
        {
            var wrong = await page.PostFormAsync("/account/login", "main form", new() { ["Input.Email"] = $"nobody{i}@example.cn", ["Input.Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var refused = await page.PostFormAsync("/account/login", "main form", new() { ["Input.Email"] = "nobody@example.cn", ["Input.Password"] = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var document = await PageClient.ParseAsync(refused);
        var text = document.QuerySelector("[data-testid=throttled]")!.TextContent;
        Assert.Contains("尝试过于频繁", text);
        Assert.Contains("Too many attempts", text);
        Assert.NotNull(document.QuerySelector("a[href='/account/login']"));
        // the registration form counts against the same address
        var register = await page.PostFormAsync("/account/register", "main form", new() { ["Input.Email"] = "x@example.cn" });
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
    }

    /// <summary>The platform with a per-address limit of 2, every request arriving from 10.1.2.3 (a reverse proxy's address).</summary>
    private static PlatformFactory BehindProxy(params string[] trusted)
    {
        var settings = new Dictionary<string, string>
        {
            ["FactoryPath:Security:LoginPermitsPerClient"] = "2",
            ["FactoryPath:Security:LoginPermitsPerAccount"] = "1000",
            ["FactoryPath:Security:LoginWindowSeconds"] = "600",
        };
        for (var i = 0; i < trusted.Length; i++) settings[$"FactoryPath:Security:TrustedProxies:{i}"] = trusted[i];
        return new PlatformFactory(services: s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FromAddress>()) { Settings = settings };
    }

    private static async Task<HttpStatusCode> SignInFromAsync(HttpClient http, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "nobody@example.cn", password = "wrong-password-1" }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await http.SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("10.0.0.0/8")]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_limit(string proxy)
    {
        using var factory = BehindProxy(proxy);
        var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(http, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(http, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(http, "203.0.113.7"));
        // another client behind the same proxy is not refused for the first one's attempts
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(http, "198.51.100.20"));
        // a client naming a made-up address before its own: the proxy appended the real one, which is counted
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(http, "192.0.2.99, 203.0.113.7"));
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        using var factory = BehindProxy();
        var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(http, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(http, "203.0.113.8"));
        // every attempt came from 10.1.2.3, whatever the header said
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(http, "198.51.100.20"));
    }

    [Fact]
    public void A_trusted_proxy_that_is_no_address_stops_the_start_with_a_message_naming_it()
    {
        using var factory = BehindProxy("10.0.0.5", "proxy.example.cn");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("FactoryPath:Security:TrustedProxies: 'proxy.example.cn' is not an IP address", error.ToString());
    }

    /// <summary>Makes every request arrive from 10.1.2.3, as through a reverse proxy on that address.</summary>
    private sealed class FromAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.1.2.3");
                return following(context);
            });
            next(app);
        };
    }
}
