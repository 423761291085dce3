using System.Net;
using System.Net.Sockets;

namespace FactoryPath.Load;

/// <summary>The real platform (<c>factorypath serve</c>, the build output of src/FactoryPath.Cli) on a data folder and a free loopback port.</summary>
internal sealed class Platform : IDisposable
{
    private readonly ChildProcess child;

    private Platform(ChildProcess child, Uri address)
    {
        this.child = child;
        Address = address;
    }

    public Uri Address { get; }
    public int Id => child.Id;
    public string Tail => child.Tail;
    public bool HasExited => child.HasExited;

    public static Platform Start(string cliDll, string dataDirectory, string modelsDirectory)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["FactoryPath__ModelsDirectory"] = modelsDirectory,
            // the demo accounts sign in; the simulated factory floor stays off so that it does not share the cores with the measurement
            ["FactoryPath__SeedDemoData"] = "true",
            ["FactoryPath__DemoGateway"] = "false",
            ["FactoryPath__Gateways__Port"] = "0",
            // every role signs in once per run, runs may follow each other: the sign-in limit is set out of reach
            ["FactoryPath__Security__LoginPermitsPerClient"] = "1000000",
            ["FactoryPath__Security__LoginPermitsPerAccount"] = "1000000",
            // a log line per request would be measured too
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var address = new Uri($"http://127.0.0.1:{port}");
        var child = ChildProcess.Start("dotnet", [cliDll, "serve", "--urls", address.ToString().TrimEnd('/'), "--data", dataDirectory], environment,
            Path.GetDirectoryName(cliDll));
        return new Platform(child, address);
    }

    /// <summary>Polls <c>/health</c> until it answers 200; throws with the platform's last output when it exits or the time is up.</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (child.HasExited) throw new LoadTestException($"the platform exited with {child.ExitCode} before it answered /health:\n{child.Tail}");
            if (DateTime.UtcNow > deadline) throw new LoadTestException($"the platform did not answer /health within {timeout.TotalSeconds:0} s:\n{child.Tail}");
            try
            {
                using var response = await http.GetAsync("/health", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // not listening yet
            }

            await Task.Delay(250, ct);
        }
    }

    public void Dispose() => child.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A failure of the run that is reported as one message (no stack trace): exit code 1.</summary>
public sealed class LoadTestException(string message) : Exception(message);
