using System.Net;
using System.Threading.RateLimiting;
using FactoryPath.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Security;

/// <summary>
/// The "login" rate-limiting policy: posts to the sign-in and registration endpoints are counted per client address
/// in a fixed window (<see cref="SecurityOptions"/>). Over the limit the API answers 429 with a ProblemDetails and
/// Retry-After; a form post gets a short bilingual page with the same status and a way back.
/// </summary>
public static class LoginRateLimiting
{
    public const string Policy = "login";

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddTrustedProxies();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http =>
            {
                // only attempts count: opening the sign-in page is free
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var options = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.LoginPermitsPerClient, Window = options.LoginWindow, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
                return new ValueTask(WriteTooManyAsync(context.HttpContext, seconds, ct));
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After: ProblemDetails under /api, a plain bilingual page otherwise.</summary>
    public static async Task WriteTooManyAsync(HttpContext http, int retryAfterSeconds, CancellationToken ct)
    {
        var text = http.RequestServices.GetRequiredService<UiText>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(text.Format("security.throttled.detail", retryAfterSeconds), statusCode: StatusCodes.Status429TooManyRequests,
                title: text["security.throttled.title"]).ExecuteAsync(http);
            return;
        }
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var en = System.Globalization.CultureInfo.GetCultureInfo("en");
        string Both(string key) => WebUtility.HtmlEncode(text.Get(key, zh)) + " · " + WebUtility.HtmlEncode(text.Get(key, en));
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{Both("security.throttled.title")} · FactoryPath</title><link rel="stylesheet" href="/css/app.css"></head>
            <body><main><section class="card narrow" data-testid="throttled">
            <h1>{Both("security.throttled.title")}</h1>
            <p>{WebUtility.HtmlEncode(string.Format(zh, text.Get("security.throttled.detail", zh), retryAfterSeconds))}</p>
            <p>{WebUtility.HtmlEncode(string.Format(en, text.Get("security.throttled.detail", en), retryAfterSeconds))}</p>
            <p><a href="/account/login">{Both("security.throttled.back")}</a></p>
            </section></main></body></html>
            """, ct);
    }
}
