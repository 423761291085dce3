namespace FactoryPath.Web.Demands;

public static class DemandsSetup
{
    public static IServiceCollection AddDemands(this IServiceCollection services)
    {
        services.AddScoped<DemandService>();
        services.AddScoped<ProposalService>();
        services.AddScoped<ProjectService>();
        return services;
    }
}
