namespace FactoryPath.Web.Security;

/// <summary>
/// Headers set on every response, pages, API, files and errors alike (they are added when the response starts, so an
/// error page written after the exception handler cleared the response carries them too).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the platform itself (Blazor, the vendored ECharts, the platform's js files: no inline script, no
    /// eval); inline style attributes are used by the pages and by ECharts; the Blazor circuit connects to the same origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>HSTS for responses served over https only (RFC 6797 section 7.2: not over plain http).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
            return Task.CompletedTask;
        });
        return next(http);
    });
}
