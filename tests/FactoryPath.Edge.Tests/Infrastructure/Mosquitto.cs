using System.Diagnostics;
using System.Net.Sockets;

namespace FactoryPath.Edge.Tests.Infrastructure;

/// <summary>
/// A real Mosquitto broker on a free loopback port, in its own temp folder (./test.sh installs the Debian package).
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring it back on the same port, for fault
/// tests. Anonymous access unless a password file is given.
/// </summary>
public sealed class Mosquitto : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string folder = Directory.CreateTempSubdirectory("fp-mosquitto-").FullName;
    private Process? process;

    private Mosquitto(int port) => Port = port;

    public int Port { get; }

    public string Host => "127.0.0.1";

    /// <summary>Why Mosquitto cannot run here, or null when it can.</summary>
    public static string? Missing => File.Exists(Executable) ? null : $"{Executable} not found: run ./test.sh, which installs the mosquitto package";

    /// <summary>Starts a broker; with <paramref name="users"/> (plain passwords, hashed with mosquitto_passwd) anonymous access is off.</summary>
    public static async Task<Mosquitto> StartNewAsync(IReadOnlyList<(string User, string Password)>? users = null)
    {
        if (Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }

        var broker = new Mosquitto(FreePort.Next());
        var config = new List<string> { $"listener {broker.Port} 127.0.0.1", "persistence false", "log_dest stderr", "log_type error", "log_type warning" };
        if (Environment.UserName == "root")
        {
            // started as root, mosquitto switches to the "mosquitto" user, which cannot read the 0700 temp folder
            // (the password file); "user root" keeps it as the user who started it
            config.Add("user root");
        }

        if (users is { Count: > 0 })
        {
            var passwords = Path.Combine(broker.folder, "passwords");
            await File.WriteAllLinesAsync(passwords, users.Select(u => $"{u.User}:{u.Password}"));
            using (var hash = Process.Start(new ProcessStartInfo("/usr/bin/mosquitto_passwd", ["-U", passwords]) { RedirectStandardError = true })!)
            {
                await hash.WaitForExitAsync();
            }

            config.Add("allow_anonymous false");
            config.Add($"password_file {passwords}");
        }
        else
        {
            config.Add("allow_anonymous true");
        }

        await File.WriteAllLinesAsync(Path.Combine(broker.folder, "mosquitto.conf"), config);
        try
        {
            await broker.StartAsync();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>(Re)starts the broker on its port and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            return;
        }

        process = Process.Start(new ProcessStartInfo(Executable, ["-c", Path.Combine(folder, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode} at start");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(Host, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on port {Port} within 15 s");
    }

    /// <summary>Kills the broker (as a crash or a cut network would); clients see their connection drop.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is left behind
        }
    }
}
