namespace FactoryPath.Web;

/// <summary>Builds the platform's web application; used by Program and by `factorypath serve`.</summary>
public static class PlatformHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
