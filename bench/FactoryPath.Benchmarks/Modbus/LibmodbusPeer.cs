using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FactoryPath.Benchmarks.Modbus;

/// <summary>
/// The test suite's libmodbus server (tests/FactoryPath.Edge.Tests/Peers/libmodbus_server.c, found by walking up from
/// the benchmark's folder), compiled with gcc into a temp folder and started on a free loopback port.
/// </summary>
internal sealed class LibmodbusPeer : IDisposable
{
    private const string Source = "tests/FactoryPath.Edge.Tests/Peers/libmodbus_server.c";
    private readonly string folder = Directory.CreateTempSubdirectory("fp-bench-libmodbus-").FullName;
    private readonly Process process;

    public LibmodbusPeer()
    {
        var binary = Path.Combine(folder, "libmodbus_server");
        var flags = Run("pkg-config", "--cflags --libs libmodbus").Trim();
        Run("gcc", $"-O2 -o \"{binary}\" \"{FindSource()}\" {flags}");
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        process = Process.Start(new ProcessStartInfo(binary, [Port.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        if (process.StandardOutput.ReadLine() is not { } line || !line.StartsWith("listening", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the libmodbus server did not start on port {Port}");
        }
    }

    public int Port { get; }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Source);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Source} not found above {AppContext.BaseDirectory}");
    }

    private static string Run(string file, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = run.StandardOutput.ReadToEnd();
        var error = run.StandardError.ReadToEnd();
        run.WaitForExit();
        return run.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments}: {error}");
    }
}
