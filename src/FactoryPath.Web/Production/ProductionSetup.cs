using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Production;

public static class ProductionSetup
{
    public static IServiceCollection AddProduction(this IServiceCollection services)
    {
        services.AddOptions<ProductionOptions>().BindConfiguration(ProductionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProductionOptions>, ProductionOptionsValidator>();
        services.AddScoped<ProductionQueries>();
        services.AddScoped<ProductionService>();
        return services;
    }
}
