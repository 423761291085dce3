using Spectre.Console;

namespace FactoryPath.Cli.Commands;

/// <summary>A Spectre console writing to the command's output: the real terminal, or plain text for a redirected writer.</summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter writer)
    {
        if (ReferenceEquals(writer, Console.Out))
        {
            return AnsiConsole.Console;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>
    /// Waits until <paramref name="ct"/> is cancelled (Ctrl+C), writing <paramref name="status"/> every
    /// <paramref name="statusSeconds"/> seconds (never when 0).
    /// </summary>
    public static async Task StatusUntilCancelledAsync(TextWriter output, int statusSeconds, Func<string> status, CancellationToken ct)
    {
        try
        {
            if (statusSeconds == 0)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(statusSeconds));
            while (await timer.WaitForNextTickAsync(ct))
            {
                await output.WriteLineAsync(status());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
