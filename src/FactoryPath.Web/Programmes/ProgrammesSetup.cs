namespace FactoryPath.Web.Programmes;

public static class ProgrammesSetup
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeService>();
        services.AddScoped<ApplicationService>();
        return services;
    }
}
