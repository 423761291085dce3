using System.Text.Json;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace FactoryPath.Web.Api;

/// <summary>
/// Unhandled errors never show a stack trace. Under /api they become ProblemDetails: an unreadable body is a 400 that
/// says where the JSON went wrong, anything else a 500 with a reference to quote. A page gets a short bilingual page.
/// A write refused because the database is read-only (<see cref="DatabaseErrors.IsReadOnly"/>) is a 503 with
/// <c>Retry-After</c> that says nothing was saved, as ProblemDetails or as a bilingual page.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "/";
        if (DatabaseErrors.IsReadOnly(exception))
        {
            return await ReadOnlyAsync(http, exception, path, ct);
        }

        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            // a malformed request (a form post without its antiforgery token, a missing query value) is the caller's
            // mistake: its own status, not a 500 and no error in the log
            var pageStatus = exception is BadHttpRequestException malformed ? malformed.StatusCode : StatusCodes.Status500InternalServerError;
            if (pageStatus >= 500) log.LogError(exception, "Unhandled error on {Path} ({TraceId})", path, http.TraceIdentifier);
            else log.LogInformation("Refused a malformed request to {Path}: {Reason}", path, exception.Message);
            http.Response.StatusCode = pageStatus;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage.Html(http.TraceIdentifier), ct);
            return true;
        }

        var (status, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, UiText.Pick(
                $"请求内容不是此接口所需的 JSON（位置 {json.Path ?? "$"}）。", $"The request body is not the JSON this endpoint expects (at {json.Path ?? "$"}).")),
            BadHttpRequestException bad => (bad.StatusCode, UiText.Pick("请求格式不正确：", "The request is malformed: ") + bad.Message),
            _ => (StatusCodes.Status500InternalServerError, UiText.Pick(
                $"平台暂时无法完成此请求，已保存的数据没有丢失。错误编号：{http.TraceIdentifier}", $"The platform could not complete this request; nothing saved was lost. Reference: {http.TraceIdentifier}")),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path} ({TraceId})", path, http.TraceIdentifier);

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    /// <summary>Seconds a client is asked to wait before trying a write again while the database is read-only.</summary>
    public const int ReadOnlyRetryAfterSeconds = 60;

    private async ValueTask<bool> ReadOnlyAsync(HttpContext http, Exception exception, string path, CancellationToken ct)
    {
        // an operating condition, not a bug: one line without the stack trace (the type says which database refused)
        log.LogWarning("The database is read-only: {Method} {Path} was not saved ({TraceId}; {Error})", http.Request.Method, path, http.TraceIdentifier, exception.GetBaseException().GetType().Name);
        // pooled connections opened while the database was read-only stay read-only (a SQLite file opened read-only, a
        // PostgreSQL session started with default_transaction_read_only): drop them, so that once the database is
        // writable again the next request writes without a restart
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = ReadOnlyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage.ReadOnlyHtml(http.TraceIdentifier), ct);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = UiText.Pick("数据库当前为只读", "The database is read-only"),
                Detail = UiText.Pick(
                    $"数据库当前为只读，本次操作没有保存任何内容。请稍后再试；如持续出现，请联系平台管理员。错误编号：{http.TraceIdentifier}",
                    $"The database is read-only just now; nothing was saved. Please try again later, and tell the platform's administrator if it persists. Reference: {http.TraceIdentifier}"),
            },
        });
    }
}
