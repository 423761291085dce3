using Microsoft.AspNetCore.Mvc.Testing;

namespace FactoryPath.Web.Tests.Security;

/// <summary>Every kind of answer carries the security headers: a page, an API answer, API and page errors, a static file.</summary>
public sealed class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.Host>
{
    private readonly Host _host;

    public SecurityHeadersTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public PlatformFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]                              // a page
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/api/v1/models", HttpStatusCode.OK)]                 // an API answer
    [InlineData("/api/v1/me", HttpStatusCode.Unauthorized)]           // an API error
    [InlineData("/api/v1/pool/solutions?pageSize=0", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/reference/regions?parent=x", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]            // a page error (re-executed status page)
    [InlineData("/culture", HttpStatusCode.BadRequest)]               // a malformed request, answered by the exception handler
    [InlineData("/enterprise", HttpStatusCode.Redirect)]              // a redirect to sign in
    [InlineData("/css/app.css", HttpStatusCode.OK)]                   // a static file
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var http = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'" })
            Assert.Contains(directive, csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS must not be sent over plain http");
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await https.GetAsync("/api/v1/models");
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_the_policy_would_block()
    {
        var page = await PageClient.Anonymous(_host.Factory).GetDocumentAsync("/");
        Assert.NotEmpty(page.QuerySelectorAll("script[src]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from the answer to {response.RequestMessage!.RequestUri}");
}
