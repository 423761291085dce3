namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>Where tests leave files for people to look at (screenshots): <c>$FACTORYPATH_ARTIFACTS</c>, else under the test output.</summary>
public static class Artifacts
{
    public const string EnvironmentVariable = "FACTORYPATH_ARTIFACTS";

    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(AppContext.BaseDirectory, "artifacts")
                : Path.GetFullPath(configured);
        }
    }

    /// <summary>A path for a screenshot, <c>screenshots/&lt;name&gt;.png</c>; creates the folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Directory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(folder, safe + ".png");
    }
}
