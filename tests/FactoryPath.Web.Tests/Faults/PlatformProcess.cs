using System.Diagnostics;
using System.Text;

namespace FactoryPath.Web.Tests.Faults;

/// <summary>
/// The real platform (<c>dotnet FactoryPath.Web.dll</c>, the build output of src/FactoryPath.Web) as a child process on
/// a data folder and a free loopback port, on SQLite or (with <c>FACTORYPATH_TEST_DATABASE=postgres</c>) on the
/// PostgreSQL database <see cref="TestPostgres"/> names after the folder — the same database an in-process
/// <see cref="PlatformFactory"/> on that folder uses, so a test can prepare and check data in-process and crash the child.
/// <see cref="KillAsync"/> is SIGKILL (nothing is flushed, no shutdown code runs); <see cref="DisposeAsync"/> kills too.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PlatformProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>What the child wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>Starts the platform and returns once <c>/health</c> answers (120 s at most).</summary>
    public static async Task<PlatformProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = Edge.Tests.Infrastructure.FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [WebAssembly(), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebAssembly())!,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["FactoryPath__DataDirectory"] = dataDirectory;
        env["FactoryPath__ModelsDirectory"] = PlatformFactory.ModelsDirectory;
        env["FactoryPath__SeedDemoData"] = "false";
        env["FactoryPath__DemoGateway"] = "false";
        env["FactoryPath__Gateways__Port"] = "0";
        // the tests sign many users in from one address: the sign-in rate limit is set out of reach (as PlatformFactory does)
        env["FactoryPath__Security__LoginPermitsPerClient"] = "1000000";
        env["FactoryPath__Security__LoginPermitsPerAccount"] = "1000000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        if (TestPostgres.PlatformOnPostgres)
        {
            env["FactoryPath__Database__Provider"] = "postgres";
            env["ConnectionStrings__Platform"] = TestPostgres.ConnectionStringFor(dataDirectory);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;

        var child = new PlatformProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        child.process.OutputDataReceived += (_, e) => child.Note(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Note(e.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                if (child.process.HasExited) Assert.Fail($"the platform exited with {child.process.ExitCode} before it answered /health:\n{child.Output}");
                if (DateTime.UtcNow > deadline) Assert.Fail($"the platform did not answer /health within 120 s:\n{child.Output}");
                try
                {
                    using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    if ((await child.Http.GetAsync("/health", probe.Token)).IsSuccessStatusCode) return child;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet
                }
                await Task.Delay(100);
            }
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this process signed in with a bearer token.</summary>
    public async Task<ApiClient> SignInAsync(string email)
    {
        // generous: a 10,000-row import on a loaded 2-core machine takes minutes
        var client = new ApiClient(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) });
        await client.SignInAsync(email, ApiClient.Password);
        return client;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        Http.Dispose();
        process.Dispose();
    }

    private void Note(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>src/FactoryPath.Web/bin/&lt;configuration&gt;/&lt;framework&gt;/FactoryPath.Web.dll, built with this test project.</summary>
    private static string WebAssembly()
    {
        // the tests run from tests/FactoryPath.Web.Tests/bin/<configuration>/<framework>/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(PlatformFactory.RepositoryRoot(), "src", "FactoryPath.Web", "bin", framework.Parent!.Name, framework.Name, "FactoryPath.Web.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("The platform's build output is missing; build tests/FactoryPath.Web.Tests first.", path);
        return path;
    }
}
