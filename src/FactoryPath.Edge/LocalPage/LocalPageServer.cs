using System.Net;
using System.Text;
using System.Text.Json;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;

namespace FactoryPath.Edge.LocalPage;

/// <summary>
/// Serves the gateway's local dashboard over HTTP (<see cref="HttpListener"/>, no other dependency): the page, the
/// platform's stylesheet, charts.js and ECharts (the Web project's own files, embedded in this assembly), and a small
/// JSON API (/api/live, /api/summary, /api/trend, /api/pareto, /api/export.csv) answered by <see cref="LocalDashboard"/>,
/// and /api/status with the local store's state: while it cannot write (disk full), the page opens with the store's
/// alarm (<see cref="StoreStatusPage"/>) and local.js keeps it current.
/// Read-only; a bad query is a 400 with the reason, an unexpected error a 500, and neither stops the server.
/// </summary>
public sealed class LocalPageServer : IAsyncDisposable
{
    private static readonly Dictionary<string, (string Resource, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["/"] = ("FactoryPath.Edge.LocalPage.index.html", "text/html; charset=utf-8"),
        ["/js/local.js"] = ("FactoryPath.Edge.LocalPage.local.js", "text/javascript; charset=utf-8"),
        ["/js/charts.js"] = ("FactoryPath.Edge.LocalPage.charts.js", "text/javascript; charset=utf-8"),
        ["/css/app.css"] = ("FactoryPath.Edge.LocalPage.app.css", "text/css; charset=utf-8"),
        ["/lib/echarts/echarts.min.js"] = ("FactoryPath.Edge.LocalPage.echarts.min.js", "text/javascript; charset=utf-8"),
    };

    private readonly HttpListener listener = new();
    private readonly LocalDashboard dashboard;
    private readonly Func<LocalStoreHealth>? store;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    /// <param name="store">The local store's health, for its alarm; null when the gateway has no store to report.</param>
    public LocalPageServer(LocalPageConfig config, LocalDashboard dashboard, ILogger logger, Func<LocalStoreHealth>? store = null)
    {
        Config = config;
        this.dashboard = dashboard;
        this.store = store;
        this.logger = logger;
        var host = config.Address.Equals(IPAddress.Any) || config.Address.Equals(IPAddress.IPv6Any) ? "+"
            : config.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{config.Address}]" : config.Address.ToString();
        listener.Prefixes.Add($"http://{host}:{config.Port}/");
    }

    public LocalPageConfig Config { get; }

    public string Url => Config.Url;

    /// <exception cref="HttpListenerException">The address cannot be listened on (in use, not this machine's).</exception>
    public void Start()
    {
        listener.Start();
        loop = Task.Run(() => AcceptAsync(stopping.Token));
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context), CancellationToken.None);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var path = request.Url?.AbsolutePath ?? "/";
            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                await WriteAsync(response, 405, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("only GET"));
                return;
            }
            if (path == "/")
            {
                response.Headers["Cache-Control"] = "no-cache";
                await WriteAsync(response, 200, Files[path].Type, Encoding.UTF8.GetBytes(Page(request.QueryString["lang"], request.UserLanguages?.FirstOrDefault())));
                return;
            }
            if (Files.TryGetValue(path, out var file))
            {
                await using var stream = typeof(LocalPageServer).Assembly.GetManifestResourceStream(file.Resource)!;
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                response.Headers["Cache-Control"] = "no-cache";
                await WriteAsync(response, 200, file.Type, copy.ToArray());
                return;
            }
            var (status, type, body) = Answer(path, request.QueryString);
            await WriteAsync(response, status, type, body);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            logger.LogDebug(e, "local page: the browser went away");
        }
        catch (Exception e)
        {
            logger.LogError(e, "local page: request failed");
            try
            {
                await WriteAsync(response, 500, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("internal error; see the gateway's log"));
            }
            catch (Exception again) when (again is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // nothing more to tell the browser
            }
        }
    }

    /// <summary>
    /// The page, opened with the store's alarm when there is one, in the language of <c>?lang=</c> or else of the
    /// browser (Chinese for zh-*, English otherwise), as local.js chooses.
    /// </summary>
    internal string Page(string? lang, string? browserLanguage)
    {
        using var stream = typeof(LocalPageServer).Assembly.GetManifestResourceStream(Files["/"].Resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = reader.ReadToEnd();
        if (store is null) return html;
        var chinese = lang is "zh" or "en" ? lang == "zh" : browserLanguage?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
        return html.Replace(StoreStatusPage.Placeholder, StoreStatusPage.Banner(Status(chinese).Store?.Alarm), StringComparison.Ordinal);
    }

    /// <summary>The gateway's status in one language.</summary>
    internal LocalStatus Status(bool chinese) =>
        new(store is null ? null : StoreStatusPage.View(store(), chinese, dashboard.Zone, dashboard.Now));

    /// <summary>The API's answer to one GET: status, content type and body.</summary>
    internal (int Status, string Type, byte[] Body) Answer(string path, System.Collections.Specialized.NameValueCollection query)
    {
        if (path == "/api/live") return Json(dashboard.Live());
        if (path == "/api/status")
        {
            return query["lang"] is null or "zh" or "en" ? Json(Status(query["lang"] != "en")) : Text(400, "lang must be zh or en");
        }
        if (path is not ("/api/summary" or "/api/trend" or "/api/pareto" or "/api/export.csv")) return Text(404, "not found");
        var range = dashboard.Range(query["from"], query["to"], out var error);
        if (range is not { } r) return Text(400, error!);
        var lang = query["lang"];
        if (lang is not (null or "zh" or "en")) return Text(400, "lang must be zh or en");
        var chinese = lang != "en";
        var group = DashboardGroup.Machine;
        if (query["group"] is { } g && !DashboardGroups.TryParse(g, out group)) return Text(400, "group must be machine, line or site");
        var bucket = DashboardBucket.Hour;
        if (query["bucket"] is { } b && !Buckets.TryParse(b, out bucket)) return Text(400, "bucket must be hour, shift, day or week");
        return path switch
        {
            "/api/summary" => Json(dashboard.Summary(r.From, r.To, group)),
            "/api/trend" => Json(dashboard.Trend(r.From, r.To, bucket)),
            "/api/pareto" => Json(dashboard.Pareto(r.From, r.To, chinese)),
            _ => (200, "text/csv; charset=utf-8", dashboard.Export(r.From, r.To, bucket, group, chinese)),
        };
    }

    private static (int, string, byte[]) Json<T>(T value) => (200, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, UplinkJson.Options));

    private static (int, string, byte[]) Text(int status, string message) => (status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(message));

    private static async Task WriteAsync(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (listener.IsListening) listener.Stop();
        listener.Close();
        if (loop is not null) await loop;
        stopping.Dispose();
    }
}
