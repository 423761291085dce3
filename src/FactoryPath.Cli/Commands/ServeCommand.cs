using System.CommandLine;
using FactoryPath.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

using Persistence = FactoryPath.Web.Persistence;

namespace FactoryPath.Cli.Commands;

/// <summary>
/// <c>factorypath serve [--urls URL] [--data DIR]</c>: runs the platform, exactly as <c>dotnet run --project src/FactoryPath.Web</c>.
/// Any other <c>--Section:Key=value</c> argument is passed on as configuration.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://localhost:5080" };
        var data = new Option<string?>("--data") { Description = "Data folder (SQLite database and local state); default ./data" };
        var serve = new Command("serve", "Run the platform (web UI and API)") { urls, data };
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction(async (parse, ct) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } u) args.Add($"--urls={u}");
            if (parse.GetValue(data) is { } d) args.Add($"--FactoryPath:DataDirectory={d}");
            WebApplication app;
            try
            {
                app = PlatformHost.Build([.. args]);
            }
            catch (Persistence.DatabaseConfigurationException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"serve: {e.Message}");
                return 1;
            }

            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return serve;
    }
}
