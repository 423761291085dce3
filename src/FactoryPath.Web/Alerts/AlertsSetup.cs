using FactoryPath.Web.Gateways;

namespace FactoryPath.Web.Alerts;

public static class AlertsSetup
{
    /// <summary>Alert rules and alerts, the evaluation engine fed by the gateway ingestion, and its settings.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AlertService>();
        services.AddScoped<AlertProcessor>();
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<IHealthReportObserver>(sp => sp.GetRequiredService<AlertEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertEngine>());
        return services;
    }
}
