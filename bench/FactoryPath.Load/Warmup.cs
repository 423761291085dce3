using System.Net;

namespace FactoryPath.Load;

/// <summary>
/// Before any measurement, each endpoint is requested until it gives a good answer: the first requests fill the pool's
/// caches and the matching index answers 503 until its first build is done. An endpoint that answers anything else
/// (or still 503 when the time is up) fails the run before wrk starts. Several good answers per endpoint let the
/// runtime compile its hot paths before they are measured.
/// </summary>
internal static class Warmup
{
    public static async Task RunAsync(Uri address, IReadOnlyList<LoadEndpoint> endpoints, IReadOnlyDictionary<LoadRole, Credentials> credentials,
        TimeSpan timeoutPerEndpoint, int goodAnswers, CancellationToken ct)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        foreach (var endpoint in endpoints.DistinctBy(e => (e.Path, e.Role, e.Kind, e.Method)))
        {
            var started = DateTime.UtcNow;
            var deadline = started + timeoutPerEndpoint;
            var good = 0;
            string? last = null;
            while (good < goodAnswers)
            {
                ct.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                    throw new LoadTestException($"warm-up: {endpoint.Name} ({endpoint.Path} as {endpoint.Role}) gave no good answer within {timeoutPerEndpoint.TotalSeconds:0} s; last: {last}");
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
                if (endpoint.Body is not null) request.Content = new StringContent(endpoint.Body, System.Text.Encoding.UTF8, "application/json");
                request.Headers.AcceptLanguage.ParseAdd(Session.Language);
                if (endpoint.Role != LoadRole.Anonymous)
                {
                    var c = credentials[endpoint.Role];
                    if (endpoint.Kind == LoadKind.Api) request.Headers.Authorization = new("Bearer", c.Bearer);
                    else request.Headers.Add("Cookie", c.Cookie);
                }

                try
                {
                    using var response = await http.SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        last = "503 (still warming up)";
                        await Task.Delay(1000, ct);
                        continue;
                    }

                    if (Verdict.ProblemOf(status, response.Headers.Location?.ToString()) is { } problem)
                    {
                        var body = await response.Content.ReadAsStringAsync(ct);
                        throw new LoadTestException($"warm-up: {endpoint.Name} ({endpoint.Path} as {endpoint.Role}) {problem}: {Excerpt(body)}");
                    }

                    good++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    last = e.Message;
                    await Task.Delay(1000, ct);
                }
            }

            Console.WriteLine($"[load] warm-up: {endpoint.Name} ready after {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        }
    }

    private static string Excerpt(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ");
        return oneLine.Length <= 400 ? oneLine : oneLine[..400] + "…";
    }
}
