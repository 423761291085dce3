using System.Diagnostics;
using System.Net.Sockets;
using FactoryPath.Edge.Tests.Infrastructure;

namespace FactoryPath.Edge.Tests.Peers;

/// <summary>
/// The libmodbus server of Peers/libmodbus_server.c (its header comment lists the initial values), compiled with gcc
/// once per test run into a temp folder, started on a free loopback port. <see cref="StopAsync"/> kills it by pid;
/// <see cref="StartAsync"/> brings it back on the same port with the initial values again.
/// </summary>
public sealed class LibmodbusServer : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> Binary = new(CompileAsync);
    private static string? buildFolder;
    private Process? process;

    private LibmodbusServer(int port) => Port = port;

    public int Port { get; }

    public string Host => "127.0.0.1";

    public int? ProcessId => process is { HasExited: false } p ? p.Id : null;

    public static async Task<LibmodbusServer> StartNewAsync()
    {
        var server = new LibmodbusServer(FreePort.Next());
        await server.StartAsync();
        return server;
    }

    /// <summary>(Re)starts the server on its port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            return;
        }

        var binary = await Binary.Value;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            process?.Dispose();
            process = Process.Start(new ProcessStartInfo(binary, [Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(Host, Port);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"the libmodbus server did not listen on port {Port} within 30 s");
            }

            // exited at start (the port still held by a closing socket): try again until the deadline
            await Task.Delay(200);
        }
    }

    /// <summary>Kills the server by pid, as a device losing power would; clients see their connection drop.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
    }

    private static async Task<string> CompileAsync()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Peers", "libmodbus_server.c");
        var folder = Directory.CreateTempSubdirectory("fp-libmodbus-").FullName;
        buildFolder = folder;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteBuildFolder();
        var output = Path.Combine(folder, "libmodbus_server");
        var flags = (await RunAsync("pkg-config", "--cflags --libs libmodbus")).Trim();
        await RunAsync("gcc", $"-O2 -o \"{output}\" \"{source}\" {flags}");
        return output;
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({run.ExitCode}): {await stderr} (./test.sh installs gcc, pkg-config and libmodbus-dev)");
        }

        return await stdout;
    }

    private static void DeleteBuildFolder()
    {
        try
        {
            if (buildFolder is not null)
            {
                Directory.Delete(buildFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // left behind in the temp folder
        }
    }
}
