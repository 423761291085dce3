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
}
