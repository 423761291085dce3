using FactoryPath.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>
/// The platform as a real Kestrel server on a free loopback port, built by <see cref="PlatformHost.Build"/> with
/// command-line arguments, exactly as <c>factorypath serve</c> would, and with a data directory of its own.
/// </summary>
public sealed class PlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlatformServer(WebApplication app, Uri baseAddress, string dataDirectory, IReadOnlyList<string> arguments)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Arguments = arguments;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c> (always with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A fresh temporary directory passed as <c>FactoryPath:DataDirectory</c>; deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The arguments the host was built with, for diagnostics.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<PlatformServer> StartAsync(PlatformServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlatformServerOptions();
        var dataDirectory = Directory.CreateTempSubdirectory("factorypath-browser-").FullName;
        var arguments = BuildArguments(options, dataDirectory);
        WebApplication? app = null;
        try
        {
            app = PlatformHost.Build([.. arguments]);
            await app.StartAsync(cancellationToken);
            return new PlatformServer(app, ListeningAddress(app), dataDirectory, arguments);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            TryDelete(dataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            TryDelete(DataDirectory);
        }
    }

    private static List<string> BuildArguments(PlatformServerOptions options, string dataDirectory)
    {
        // Port 0: Kestrel picks a free port and reports it after start, so parallel runs never collide.
        var arguments = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--environment={options.Environment}",
            "--applicationName=FactoryPath.Web",
            $"--FactoryPath:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
            "--FactoryPath:Gateways:Port=0", // the embedded gateway broker on a free port too
            // the tests sign in far more often from one address than a person would
            "--FactoryPath:Security:LoginPermitsPerClient=100000",
            "--FactoryPath:Security:LoginPermitsPerAccount=100000",
        };

        if (WebProject.Directory() is { } contentRoot)
        {
            arguments.Add($"--contentRoot={contentRoot}");
        }

        if (WebProject.StaticWebAssetsManifest() is { } manifest)
        {
            arguments.Add($"--staticWebAssets={manifest}");
        }

        arguments.AddRange(options.Configuration.Select(setting => $"--{setting.Key}={setting.Value}"));
        return arguments;
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The platform started but reports no http address.");
        return new Uri(address.TrimEnd('/') + "/");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
