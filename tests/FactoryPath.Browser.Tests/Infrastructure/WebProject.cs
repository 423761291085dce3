namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>Finds the web project's folder and build output from the test's own output folder.</summary>
internal static class WebProject
{
    private const string ManifestName = "FactoryPath.Web.staticwebassets.runtime.json";

    /// <summary><c>src/FactoryPath.Web</c> of the repository the tests were built from; null when not found (e.g. a copied test folder).</summary>
    public static string? Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactoryPath.slnx")))
            {
                var web = Path.Combine(dir.FullName, "src", "FactoryPath.Web");
                return System.IO.Directory.Exists(web) ? web : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The development manifest that maps static web assets (wwwroot, framework scripts) to files on disk: the test
    /// output's copy if the build put one there, else the web project's own build output of the same configuration.
    /// </summary>
    public static string? StaticWebAssetsManifest()
    {
        var local = Path.Combine(AppContext.BaseDirectory, ManifestName);
        if (File.Exists(local))
        {
            return local;
        }

        // The tests run from .../bin/<Configuration>/<TargetFramework>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        if (Directory() is not { } web || output.Parent is not { } configuration)
        {
            return null;
        }

        var candidate = Path.Combine(web, "bin", configuration.Name, output.Name, ManifestName);
        return File.Exists(candidate) ? candidate : null;
    }
}
