using System.Diagnostics;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>
/// Peers/libmodbus_probe.c compiled once per test run (gcc + pkg-config libmodbus) into a temp folder: a libmodbus
/// client that runs commands against a server and prints one line per command.
/// </summary>
public sealed class LibmodbusProbe : IDisposable
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private readonly string _folder;

    public LibmodbusProbe()
    {
        _folder = Directory.CreateTempSubdirectory("fp-libmodbus-probe-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Peers", "libmodbus_probe.c");
        Executable = Path.Combine(_folder, "libmodbus_probe");
        var flags = Run("pkg-config", ["--cflags", "--libs", "libmodbus"], CompileTimeout);
        Run("gcc", [source, "-o", Executable, .. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], CompileTimeout);
    }

    public string Executable { get; }

    /// <summary>Runs the probe against 127.0.0.1:<paramref name="port"/>; one output line per command.</summary>
    public IReadOnlyList<string> Query(int port, params string[] commands)
    {
        var output = Run(Executable, ["127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. commands], RunTimeout);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == commands.Length, $"probe printed {lines.Length} lines for {commands.Length} commands:\n{output}");
        return lines;
    }

    /// <summary>Values of an "OK v v v" line.</summary>
    public static long[] Values(string line)
    {
        Assert.StartsWith("OK", line);
        return [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse)];
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }

        return stdout.Result;
    }
}

[CollectionDefinition(Name)]
public sealed class LibmodbusProbeCollection : ICollectionFixture<LibmodbusProbe>
{
    public const string Name = "libmodbus probe";
}
