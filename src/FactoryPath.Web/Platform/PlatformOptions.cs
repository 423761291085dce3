using System.ComponentModel.DataAnnotations;

namespace FactoryPath.Web.Platform;

/// <summary>Settings of the platform host, bound from the "FactoryPath" configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "FactoryPath";

    /// <summary>Folder for the SQLite database and other local state; relative paths are resolved from the current directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder holding the assessment model files; empty means the "models" folder shipped beside the application.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>Seed the small demo data set (demo accounts, enterprises, results) when the database is empty.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// With the demo data: run simulated machines and the demo enterprise's gateway in-process, so the gateway pages
    /// show live data at once. Needs the embedded broker.
    /// </summary>
    public bool DemoGateway { get; set; } = true;

    /// <summary>Password of the demo accounts; printed at start so a newcomer can sign in.</summary>
    [Required, MinLength(8)]
    public string DemoPassword { get; set; } = "Demo#2026pass";

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    public string ResolveModelsDirectory()
    {
        if (!string.IsNullOrWhiteSpace(ModelsDirectory)) return Path.GetFullPath(ModelsDirectory);
        var besideApp = Path.Combine(AppContext.BaseDirectory, "models");
        return Directory.Exists(besideApp) ? besideApp : Path.GetFullPath("models");
    }
}
