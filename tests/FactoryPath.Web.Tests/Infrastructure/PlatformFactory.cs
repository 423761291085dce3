using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FactoryPath.Web.Tests.Infrastructure;

/// <summary>
/// The platform in-process on its own SQLite file in a temporary folder. Pass an existing folder to "restart" the
/// platform on the data a previous instance left behind. With <c>FACTORYPATH_TEST_DATABASE=postgres</c> (./test.sh's
/// second pass) it runs on its own PostgreSQL database instead, named after the folder (see <see cref="TestPostgres"/>).
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    /// <param name="services">Replaces registrations after the platform's own, e.g. a recording fake of a seam.</param>
    /// <param name="demoGateway">With <paramref name="seedDemo"/>: also run the simulated factory and its gateway in-process.</param>
    public PlatformFactory(string? dataDirectory = null, bool seedDemo = false, string? modelsDirectory = null, Action<IServiceCollection>? services = null, bool demoGateway = false)
    {
        DemoGateway = demoGateway;
        TestServices = services;
        ModelsFolder = modelsDirectory ?? ModelsDirectory;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        OwnsDirectory = dataDirectory is null;
        SeedDemo = seedDemo;
    }

    public string DataDirectory { get; }

    /// <summary>Settings applied after the test defaults, e.g. a small sign-in limit for the rate-limiting tests.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
    private bool OwnsDirectory { get; }
    private bool SeedDemo { get; }
    private bool DemoGateway { get; }
    private string ModelsFolder { get; }
    private Action<IServiceCollection>? TestServices { get; }

    public static string ModelsDirectory => Path.Combine(RepositoryRoot(), "models");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("FactoryPath:DataDirectory", DataDirectory);
        builder.UseSetting("FactoryPath:ModelsDirectory", ModelsFolder);
        builder.UseSetting("FactoryPath:SeedDemoData", SeedDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // the embedded gateway broker on a free port, so parallel platforms never collide on 1883
        builder.UseSetting("FactoryPath:Gateways:Port", "0");
        builder.UseSetting("FactoryPath:DemoGateway", DemoGateway ? "true" : "false");
        // the suite signs in thousands of times from one address; LoginRateLimitTests sets a small limit of its own
        builder.UseSetting("FactoryPath:Security:LoginPermitsPerClient", Settings.GetValueOrDefault("FactoryPath:Security:LoginPermitsPerClient", "1000000"));
        builder.UseSetting("FactoryPath:Security:LoginPermitsPerAccount", Settings.GetValueOrDefault("FactoryPath:Security:LoginPermitsPerAccount", "1000000"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (TestPostgres.PlatformOnPostgres)
        {
            builder.UseSetting("FactoryPath:Database:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Platform", TestPostgres.ConnectionStringFor(DataDirectory));
        }
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDirectory) TryDelete(DataDirectory);
    }

    public static void TryDelete(string dir)
    {
        if (TestPostgres.PlatformOnPostgres) TestPostgres.DropFor(dir);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (FactoryPath.slnx) above " + AppContext.BaseDirectory);
    }
}
