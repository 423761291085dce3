using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Gateways;

public static class GatewaysSetup
{
    /// <summary>Gateway records, uplink ingestion, and either the embedded broker or the external-broker subscriber.</summary>
    public static IServiceCollection AddGateways(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<BrokerEndpoint>();
        services.AddSingleton<UplinkIngestion>();
        services.AddSingleton<GatewayAuthenticator>();
        services.AddScoped<GatewayService>();

        var mode = configuration.GetSection(GatewayOptions.Section).GetValue<BrokerMode?>(nameof(GatewayOptions.Broker)) ?? BrokerMode.Embedded;
        if (mode == BrokerMode.External)
        {
            services.AddSingleton<ExternalBrokerSubscriber>();
            services.AddSingleton<IGatewayConnections>(sp => sp.GetRequiredService<ExternalBrokerSubscriber>());
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerSubscriber>());
        }
        else
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddSingleton<IGatewayConnections>(sp => sp.GetRequiredService<EmbeddedBroker>());
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }
        return services;
    }
}
