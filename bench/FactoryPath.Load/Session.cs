using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FactoryPath.Load;

/// <summary>The credentials of one role as wrk sends them: the Identity cookie for pages, a bearer token for the API.</summary>
internal sealed record Credentials(string Cookie, string Bearer);

/// <summary>Chooses the accounts, signs them in (once per role) and looks up the ids the endpoints need in the running platform.</summary>
internal static partial class Session
{
    public const string Language = "zh-CN";

    public static async Task<Credentials> SignInAsync(Uri address, LoadAccounts accounts, LoadRole role, CancellationToken ct)
    {
        var email = accounts.Emails[role];
        return new Credentials(await CookieAsync(address, email, accounts.Password, ct), await BearerAsync(address, email, accounts.Password, ct));
    }

    /// <summary>
    /// The demo accounts when the demo operator can sign in; otherwise the generated ones: the operator, the first of
    /// the first <see cref="LoadAccounts.Candidates"/> owners whose enterprise has a result (one that also has a demand
    /// first), the administrator of that enterprise's province, and the first provider with a demand in its inbox.
    /// </summary>
    public static async Task<LoadAccounts> ChooseAccountsAsync(Uri address, string generatedPassword, CancellationToken ct)
    {
        if (await TokenOrNullAsync(address, LoadAccounts.Demo.Emails[LoadRole.Operator], LoadAccounts.Demo.Password, ct) is not null) return LoadAccounts.Demo;
        _ = await TokenOrNullAsync(address, LoadAccounts.GeneratedOperator, generatedPassword, ct)
            ?? throw new LoadTestException($"neither the demo operator ({LoadAccounts.Demo.Emails[LoadRole.Operator]}) nor the generated one ({LoadAccounts.GeneratedOperator}) can sign in"
                + " (a data set written by an older gen has no operator account; a set generated with another --password needs it given here too)");

        (string Email, string Region)? owner = null, fallback = null;
        for (var n = 1; n <= LoadAccounts.Candidates && owner is null; n++)
        {
            var email = LoadAccounts.GeneratedOwner(n);
            if (await TokenOrNullAsync(address, email, generatedPassword, ct) is not { } token) continue;
            using var http = ApiClient(address, new Credentials("", token));
            var enterprise = (await GetAsync(http, "/api/v1/me", ct)).GetProperty("enterpriseId").GetGuid();
            if (await FirstIdAsync(http, $"/api/v1/enterprises/{enterprise}/results?pageSize=1", ct) is null) continue;
            var region = (await GetAsync(http, $"/api/v1/enterprises/{enterprise}", ct)).GetProperty("regionCode").GetString()
                ?? throw new LoadTestException($"GET /api/v1/enterprises/{enterprise} has no regionCode");
            if (await FirstIdAsync(http, "/api/v1/demands?pageSize=1", ct) is not null) owner = (email, region);
            else fallback ??= (email, region);
        }

        var (ownerEmail, ownerRegion) = owner ?? fallback
            ?? throw new LoadTestException($"none of the first {LoadAccounts.Candidates} generated owners can sign in with an assessed enterprise");
        var provider = LoadAccounts.GeneratedProvider(1);
        for (var n = 1; n <= LoadAccounts.Candidates; n++)
        {
            var email = LoadAccounts.GeneratedProvider(n);
            if (await TokenOrNullAsync(address, email, generatedPassword, ct) is not { } token) continue;
            using var http = ApiClient(address, new Credentials("", token));
            if ((await GetAsync(http, "/api/v1/inbox?pageSize=1", ct)).GetProperty("items").GetArrayLength() == 0) continue;
            provider = email;
            break;
        }

        return new LoadAccounts("generated accounts", new Dictionary<LoadRole, string>
        {
            [LoadRole.Owner] = ownerEmail,
            [LoadRole.Provider] = provider,
            [LoadRole.RegionalAdmin] = LoadAccounts.GeneratedProvinceAdmin(ownerRegion),
            [LoadRole.Operator] = LoadAccounts.GeneratedOperator,
        }, generatedPassword);
    }

    private static async Task<string?> TokenOrNullAsync(Uri address, string email, string password, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        if (!response.IsSuccessStatusCode) return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
    }

    /// <summary>Posts the sign-in form as a browser does (its hidden fields carry the antiforgery token) and returns the Cookie header.</summary>
    private static async Task<string> CookieAsync(Uri address, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(120),
        };
        var html = await http.GetStringAsync("/account/login", ct);
        var form = FormRegex().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains("value=\"login\"", StringComparison.Ordinal))
            ?? throw new LoadTestException("the sign-in page has no form named login");
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInputRegex().Matches(form))
        {
            var name = AttributeRegex("name").Match(input.Value);
            var value = AttributeRegex("value").Match(input.Value);
            if (name.Success) fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : "");
        }

        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields), ct);
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("/account/login", StringComparison.Ordinal))
            throw new LoadTestException($"signing {email} in through the form answered {(int)response.StatusCode} {location}".TrimEnd()
                + (response.StatusCode == HttpStatusCode.OK ? " (the form came back: wrong password or no such account)" : ""));
        var header = cookies.GetCookieHeader(address);
        if (!header.Contains("fp.auth", StringComparison.Ordinal)) throw new LoadTestException($"signing {email} in set no fp.auth cookie");
        return header;
    }

    private static async Task<string> BearerAsync(Uri address, string email, string password, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, ct);
        if (!response.IsSuccessStatusCode) throw new LoadTestException($"POST /api/v1/auth/token for {email} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.GetProperty("accessToken").GetString() ?? throw new LoadTestException($"no access token for {email}");
    }

    /// <summary>The ids of the owner's enterprise, its result, its demand, a solution and provider of the pool, the regional admin's region.</summary>
    public static async Task<LoadWorld> WorldAsync(Uri address, IReadOnlyDictionary<LoadRole, Credentials> credentials, CancellationToken ct)
    {
        using var owner = ApiClient(address, credentials[LoadRole.Owner]);
        using var admin = ApiClient(address, credentials[LoadRole.RegionalAdmin]);
        var me = await GetAsync(owner, "/api/v1/me", ct);
        var enterprise = me.GetProperty("enterpriseId").GetGuid();
        var result = await FirstIdAsync(owner, $"/api/v1/enterprises/{enterprise}/results?pageSize=1", ct)
            ?? throw new LoadTestException("the owner's enterprise has no result");
        var region = (await GetAsync(admin, "/api/v1/me", ct)).GetProperty("regionCode").GetString()
            ?? throw new LoadTestException("the regional admin has no region");
        using var provider = ApiClient(address, credentials[LoadRole.Provider]);
        using var inbox = await provider.GetAsync("/api/v1/inbox?pageSize=1", ct);
        if (inbox.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Forbidden))
            throw new LoadTestException($"GET /api/v1/inbox as the provider answered {(int)inbox.StatusCode} while looking up ids");
        return new LoadWorld(enterprise, result, region,
            await FirstIdAsync(owner, "/api/v1/demands?pageSize=1", ct),
            await FirstIdAsync(owner, "/api/v1/pool/solutions?pageSize=1", ct),
            await FirstIdAsync(owner, "/api/v1/pool/providers?pageSize=1", ct),
            ProviderHasInbox: inbox.StatusCode == HttpStatusCode.OK,
            Draft: await DraftAsync(owner, enterprise, result, ct));
    }

    /// <summary>
    /// The owner's open sheet for the model of its result (starting one continues an open draft, so a data set gets at
    /// most one new draft from the load test) and the body that saves its answers and override reasons unchanged.
    /// </summary>
    private static async Task<(Guid, string)> DraftAsync(HttpClient owner, Guid enterprise, Guid result, CancellationToken ct)
    {
        var modelId = (await GetAsync(owner, $"/api/v1/results/{result}", ct)).GetProperty("summary").GetProperty("modelId").GetString();
        using var started = await owner.PostAsJsonAsync($"/api/v1/enterprises/{enterprise}/sheets", new { modelId }, ct);
        if (!started.IsSuccessStatusCode) throw new LoadTestException($"POST /api/v1/enterprises/{enterprise}/sheets (model {modelId}) answered {(int)started.StatusCode} while opening the owner's draft");
        var draft = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var sheet = await GetAsync(owner, $"/api/v1/sheets/{draft}", ct);
        var answers = sheet.TryGetProperty("answers", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("answers", out var a) ? a : default;
        var reasons = new Dictionary<string, string>();
        if (sheet.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object)
        {
            foreach (var e in evidence.EnumerateObject())
                if (e.Value.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String) reasons[e.Name] = reason.GetString()!;
        }

        var body = JsonSerializer.Serialize(new { answers = answers.ValueKind == JsonValueKind.Object ? (object)answers : new Dictionary<string, object>(), reasons });
        return (draft, body);
    }

    /// <summary>How many rows the platform holds (as the operator counts them through the API), for the report.</summary>
    public static async Task<string> CountsAsync(Uri address, Credentials operatorCredentials, CancellationToken ct)
    {
        using var http = ApiClient(address, operatorCredentials);
        var parts = new List<string>();
        foreach (var (name, path) in new[] { ("enterprises", "/api/v1/enterprises"), ("providers", "/api/v1/pool/providers"), ("solutions", "/api/v1/pool/solutions"), ("cases", "/api/v1/pool/cases") })
        {
            var total = (await GetAsync(http, path + "?pageSize=1", ct)).GetProperty("total").GetInt32();
            parts.Add($"{total:N0} {name}");
        }

        return string.Join(", ", parts);
    }

    public static HttpClient ApiClient(Uri address, Credentials credentials)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(300) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", credentials.Bearer);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(Language);
        return http;
    }

    private static async Task<Guid?> FirstIdAsync(HttpClient http, string path, CancellationToken ct)
    {
        var items = (await GetAsync(http, path, ct)).GetProperty("items");
        return items.GetArrayLength() == 0 ? null : items[0].GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode) throw new LoadTestException($"GET {path} answered {(int)response.StatusCode} while looking up ids");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input\\b[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputRegex();

    private static Regex AttributeRegex(string name) => new($"\\b{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
}
