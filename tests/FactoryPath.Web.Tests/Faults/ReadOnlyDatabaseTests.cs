using Npgsql;

namespace FactoryPath.Web.Tests.Faults;

/// <summary>
/// The real platform (a child process) started on a database that refuses writes — a SQLite file opened read-only
/// (<c>Mode=ReadOnly</c>: SQLite refuses every write with SQLITE_READONLY, as it does for a write-protected file), or a
/// PostgreSQL database with <c>default_transaction_read_only</c> — shows what it holds, and answers every write with a
/// clear 503 (ProblemDetails under /api, a bilingual page for a form) that says nothing was saved: no stack trace, no
/// exception text. When the database is writable again (PostgreSQL: on the running platform; SQLite: started without
/// the read-only mode) writes succeed.
/// <para>
/// Why not a read-only mount for SQLite: the platform's SQLite file is in WAL mode (EF Core sets it when it creates the
/// file), and SQLite cannot open a WAL database on read-only media at all unless its -shm and -wal files are there (SQLite
/// documentation "Write-Ahead Logging", section 5 "Read-Only Databases"); the platform then stops at start with its
/// one-line "Cannot open the SQLite database" message. Root also ignores file modes, so chmod 0444 proves nothing in CI.
/// </para>
/// </summary>
public sealed class ReadOnlyDatabaseTests
{
    [Fact]
    public async Task A_read_only_database_serves_reads_and_refuses_writes_with_a_clear_503_then_recovers()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var email = Codes.Email("readonly");
        Guid enterpriseId;
        using (var platform = new PlatformFactory(dir))
        {
            var owner = await ApiClient.RegisterAsync(platform, email);
            enterpriseId = (await owner.CreateEnterpriseAsync("只读测试有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        }
        PlatformProcess? child = null;
        try
        {
            SetReadOnly(dir, true);
            child = await PlatformProcess.StartAsync(dir, ReadOnlySettings(dir));

            // reads work
            var client = await child.SignInAsync(email);
            var profile = await client.Http.GetAsync($"/api/v1/enterprises/{enterpriseId}");
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            var stored = await ApiClient.ReadAsync(profile);
            Assert.Equal("只读测试有限公司", stored.GetProperty("name").GetString());
            var creditCode = stored.GetProperty("creditCode").GetString();
            var page = PageClient.Over(child.Address, "zh-CN");
            Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync("/account/register")).StatusCode);

            // an API write: 503 ProblemDetails, in the caller's language, nothing internal
            client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var write = await client.Http.PutAsJsonAsync($"/api/v1/enterprises/{enterpriseId}", new
            {
                name = "改名有限公司", creditCode,
                industryCode = "34", regionCode = "330212", employees = 180, annualRevenueCny = 65_000_000m,
            });
            var body = await write.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(write.Headers.RetryAfter);
            var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
            Assert.Equal("The database is read-only", problem.GetProperty("title").GetString());
            Assert.Contains("nothing was saved", problem.GetProperty("detail").GetString());
            AssertNoInternals(body);

            // a form post (registering an account): a 503 page in both languages
            var form = await page.PostFormAsync("/account/register", "main form", new()
            {
                ["Input.DisplayName"] = "只读", ["Input.Email"] = Codes.Email("ro-form"), ["Input.Password"] = ApiClient.Password, ["Input.Confirm"] = ApiClient.Password,
            });
            var html = await form.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
            var document = await PageClient.ParseAsync(new HttpResponseMessage { Content = new StringContent(html) });
            Assert.Equal("暂时无法保存", document.QuerySelector("#read-only-zh")?.TextContent);
            Assert.Equal("Cannot save just now", document.QuerySelector("#read-only-en")?.TextContent);
            Assert.Contains("没有保存任何内容", document.Body!.TextContent);
            Assert.Contains("nothing was saved", document.Body!.TextContent);
            AssertNoInternals(html);

            // nothing was saved, and reads still work after the refusals
            profile = await client.Http.GetAsync($"/api/v1/enterprises/{enterpriseId}");
            Assert.Equal("只读测试有限公司", (await ApiClient.ReadAsync(profile)).GetProperty("name").GetString());

            // the refusals are logged by the platform as one warning line each (EF Core's own error log keeps its detail)
            Assert.Contains("The database is read-only: PUT", child.Output);

            // writable again: the same write succeeds
            SetReadOnly(dir, false);
            if (!TestPostgres.PlatformOnPostgres)
            {
                await child.DisposeAsync();
                child = await PlatformProcess.StartAsync(dir);
                client = await child.SignInAsync(email);
            }
            // (PostgreSQL: sessions pooled while it was read-only stay so until a refusal drops the pool, so a client that
            // tries again later, as the message asks, gets through at the latest on its second try)
            var attempts = 0;
            HttpResponseMessage again;
            do
            {
                again = await client.Http.PutAsJsonAsync($"/api/v1/enterprises/{enterpriseId}", new
                {
                    name = "改名有限公司", creditCode, industryCode = "34", regionCode = "330212", employees = 180, annualRevenueCny = 65_000_000m,
                });
            }
            while (again.StatusCode == HttpStatusCode.ServiceUnavailable && ++attempts < 2);
            Assert.True(again.IsSuccessStatusCode, $"after the database is writable again: {again.StatusCode} {await again.Content.ReadAsStringAsync()}\n{child.Output}");
            profile = await client.Http.GetAsync($"/api/v1/enterprises/{enterpriseId}");
            Assert.Equal("改名有限公司", (await ApiClient.ReadAsync(profile)).GetProperty("name").GetString());
        }
        finally
        {
            if (child is not null) await child.DisposeAsync();
            SetReadOnly(dir, false);
            PlatformFactory.TryDelete(dir);
        }
    }

    private static void AssertNoInternals(string text)
    {
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("SQLite Error", text);
        Assert.DoesNotContain("25006", text);
        Assert.DoesNotContain("readonly database", text);
    }

    private static Dictionary<string, string> ReadOnlySettings(string dir) => TestPostgres.PlatformOnPostgres ? [] : new()
    {
        ["ConnectionStrings__Platform"] = $"Data Source={Path.Combine(dir, "factorypath.db")};Mode=ReadOnly;Pooling=True",
    };

    /// <summary>PostgreSQL: <c>default_transaction_read_only</c> for new sessions of the platform's database (SQLite: see <see cref="ReadOnlySettings"/>).</summary>
    private static void SetReadOnly(string dir, bool readOnly)
    {
        if (!TestPostgres.PlatformOnPostgres) return;

        var database = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionStringFor(dir)).Database;
        using var admin = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand(readOnly
            ? $"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on"
            : $"ALTER DATABASE \"{database}\" RESET default_transaction_read_only", admin);
        command.ExecuteNonQuery();
    }
}
