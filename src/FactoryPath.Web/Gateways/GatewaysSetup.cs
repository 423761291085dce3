using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Gateways;

public static class GatewaysSetup
{
    /// <summary>Gateway records, uplink ingestion, and either the embedded broker or the external-broker subscriber.</summary>
    public static IServiceCollection AddGateways(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<BrokerEndpoint>();
        services.AddSingleton<UplinkIngestion>();
        services.AddSingleton<GatewayAuthenticator>();
        services.AddScoped<GatewayService>();

        // both are registered and each starts only in its mode: the mode is read when the host starts, so settings
        // added after registration (command line, tests) count
        services.AddSingleton<EmbeddedBroker>();
        services.AddSingleton<ExternalBrokerSubscriber>();
        services.AddSingleton<IGatewayConnections>(sp => sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Broker == BrokerMode.External
            ? sp.GetRequiredService<ExternalBrokerSubscriber>()
            : sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerSubscriber>());
        return services;
    }
}
