using FactoryPath.Web;
using FactoryPath.Web.Persistence;

WebApplication app;
try
{
    app = PlatformHost.Build(args);
}
catch (DatabaseConfigurationException e)
{
    // a setting to fix, not a crash: one line, no stack trace
    Console.Error.WriteLine($"FactoryPath: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;

public partial class Program;
