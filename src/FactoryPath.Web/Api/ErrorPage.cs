using System.Net;

namespace FactoryPath.Web.Api;

/// <summary>The page shown when a page fails unexpectedly: both languages, a way back, and a reference to quote.</summary>
public static class ErrorPage
{
    public static string Html(string reference)
    {
        var id = WebUtility.HtmlEncode(reference);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>出错了 · Something went wrong · FactoryPath</title>
            <style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;background:#f5f7fb;color:#1d2433;margin:0}
            main{max-width:560px;margin:4rem auto;background:#fff;border:1px solid #dde3ec;border-radius:10px;padding:1.5rem 2rem}
            a{color:#2e6fbf}code{background:#eef2f7;padding:0 .3rem}</style></head>
            <body><main>
            <h1>出错了</h1><p>平台暂时无法完成此操作，您已保存的数据没有丢失。请稍后再试。</p>
            <h2>Something went wrong</h2><p>The platform could not complete this just now. Nothing you saved was lost. Please try again in a moment.</p>
            <p>错误编号 / Reference: <code>{{id}}</code></p>
            <p><a href="/">返回首页 / Back to the start page</a></p>
            </main></body></html>
            """;
    }

    /// <summary>The page shown when a write was refused because the database is read-only: nothing was saved, try later.</summary>
    public static string ReadOnlyHtml(string reference)
    {
        var id = WebUtility.HtmlEncode(reference);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>暂时无法保存 · Cannot save just now · FactoryPath</title>
            <style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;background:#f5f7fb;color:#1d2433;margin:0}
            main{max-width:560px;margin:4rem auto;background:#fff;border:1px solid #dde3ec;border-radius:10px;padding:1.5rem 2rem}
            a{color:#2e6fbf}code{background:#eef2f7;padding:0 .3rem}</style></head>
            <body><main>
            <h1 id="read-only-zh">暂时无法保存</h1><p>数据库当前为只读，本次操作没有保存任何内容。可以继续浏览；请稍后再试，如持续出现，请联系平台管理员。</p>
            <h2 id="read-only-en">Cannot save just now</h2><p>The database is read-only just now, so nothing was saved. You can keep browsing; please try again later, and tell the platform's administrator if it persists.</p>
            <p>错误编号 / Reference: <code>{{id}}</code></p>
            <p><a href="/">返回首页 / Back to the start page</a></p>
            </main></body></html>
            """;
    }
}
