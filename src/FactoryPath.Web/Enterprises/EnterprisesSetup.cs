namespace FactoryPath.Web.Enterprises;

public static class EnterprisesSetup
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseService>();
        return services;
    }
}
