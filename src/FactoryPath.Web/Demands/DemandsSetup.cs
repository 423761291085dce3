namespace FactoryPath.Web.Demands;

public static class DemandsSetup
{
    public static IServiceCollection AddDemands(this IServiceCollection services)
    {
        return services;
    }
}
