using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FactoryPath.Web.Tests.Infrastructure;

/// <summary>A browser-like client for the server-rendered pages: keeps cookies, posts forms with their antiforgery token.</summary>
public sealed class PageClient
{
    private PageClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>Over a client of a platform outside the test process (no redirects followed, cookies kept by its handler).</summary>
    public static PageClient Over(Uri address, string culture = "en")
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return new PageClient(http);
    }

    public static PageClient Anonymous(PlatformFactory factory, string culture = "en")
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return new PageClient(http);
    }

    public static async Task<PageClient> SignedInAsync(PlatformFactory factory, string email, string password, string culture = "en")
    {
        var client = Anonymous(factory, culture);
        var response = await client.PostFormAsync("/account/login", "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<IDocument> GetDocumentAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }

    /// <summary>
    /// Loads the page, takes the first form (or the one matching <paramref name="selector"/>), fills it and posts it. With
    /// <paramref name="keepValues"/> the form's current values (text, text areas, selects, the first checked box of a name)
    /// are posted too, as a browser would when editing a record; otherwise only its hidden fields and <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string selector, Dictionary<string, string> fields, bool keepValues = false)
    {
        var page = await GetDocumentAsync(path);
        var form = page.QuerySelectorAll(selector).OfType<IHtmlFormElement>().FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No post form '{selector}' on {path}");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        if (keepValues) AddCurrentValues(form, values);
        foreach (var (k, v) in fields) values[k] = v;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Like <see cref="PostFormAsync"/> for a form with a file input: posts multipart/form-data with one file.</summary>
    public async Task<HttpResponseMessage> PostFileFormAsync(string path, string selector, Dictionary<string, string> fields, string fileField, string fileName, byte[] content)
    {
        var page = await GetDocumentAsync(path);
        var form = page.QuerySelectorAll(selector).OfType<IHtmlFormElement>().FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No post form '{selector}' on {path}");
        var body = new MultipartFormDataContent();
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in fields) values[k] = v;
        foreach (var (k, v) in values) body.Add(new StringContent(v), k);
        body.Add(new ByteArrayContent(content), fileField, fileName);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        return await Http.PostAsync(action, body);
    }

    private static void AddCurrentValues(IHtmlFormElement form, Dictionary<string, string> values)
    {
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "hidden"))
        {
            if (input.Type is "checkbox" or "radio") { if (input.IsChecked) values.TryAdd(input.Name!, input.Value); }
            else values.TryAdd(input.Name!, input.Value);
        }
        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
            values.TryAdd(area.Name!, area.Value);
        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
            values.TryAdd(select.Name!, select.Value ?? "");
    }
}
