using System.CommandLine;

namespace FactoryPath.Cli;

public static class CliApp
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("FactoryPath: digital transformation platform for manufacturers");
        return root.Parse(args).InvokeAsync();
    }
}
