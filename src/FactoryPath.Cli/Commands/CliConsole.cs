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
}
