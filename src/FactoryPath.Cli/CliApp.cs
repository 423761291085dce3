using System.CommandLine;
using System.Text;
using FactoryPath.Cli.Commands;

namespace FactoryPath.Cli;

public static class CliApp
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return RunAsync(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the command line with its output sent to the given writers (used by tests).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("FactoryPath: digital transformation platform for manufacturers");
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(AssessCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(GenCommand.Create());
        root.Subcommands.Add(EdgeCommand.Create());
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
