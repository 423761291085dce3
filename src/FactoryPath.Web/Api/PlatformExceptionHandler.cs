using System.Text.Json;
using FactoryPath.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace FactoryPath.Web.Api;

/// <summary>
/// Unhandled errors never show a stack trace. Under /api they become ProblemDetails: an unreadable body is a 400 that
/// says where the JSON went wrong, anything else a 500 with a reference to quote. A page gets a short bilingual page.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "/";
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
}
