namespace FactoryPath.Web.Enterprises;

public static class EnterprisesSetup
{
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<EnterpriseService>();
        return services;
    }
}
