namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>How <see cref="PlatformServer"/> starts the platform.</summary>
public sealed record PlatformServerOptions
{
    /// <summary>
    /// ASP.NET Core environment. Development by default, as with <c>dotnet run</c>: it serves static web assets
    /// from the build output and validates the service container on start.
    /// </summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Extra configuration passed as <c>--Key=Value</c> arguments after the defaults, so they win.</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();
}
