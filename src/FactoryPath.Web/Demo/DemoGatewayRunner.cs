using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Demo;

/// <summary>
/// The demo's factory floor: the simulated machines (a Modbus TCP server on a free loopback port) and the demo
/// enterprise's gateway reading them, running in the platform's process and publishing to its embedded broker as
/// <see cref="DemoGateway.Id"/> with the demo password. Its local store and journal live in the data folder
/// (<c>edge-demo/</c>). Runs only with the demo data, the embedded broker and <c>FactoryPath:DemoGateway</c> on, and only
/// while the demo gateway is issued and not revoked.
/// </summary>
public sealed class DemoGatewayRunner(
    IOptions<PlatformOptions> platform,
    IOptions<GatewayOptions> gateways,
    BrokerEndpoint broker,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<DemoGatewayRunner>();

    /// <summary>The running gateway, once started (for tests and diagnostics).</summary>
    public GatewayHost? Gateway { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = platform.Value;
        if (!options.SeedDemoData || !options.DemoGateway || gateways.Value.Broker != BrokerMode.Embedded)
        {
            return;
        }

        try
        {
            while (!broker.Ready)
            {
                await Task.Delay(200, stoppingToken);
            }

            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                if (!await db.Gateways.AnyAsync(g => g.Id == DemoGateway.Id && g.RevokedAt == null, stoppingToken))
                {
                    logger.LogInformation("the demo gateway {Gateway} is not issued or was revoked; the simulated factory does not start", DemoGateway.Id);
                    return;
                }
            }

            await using var simulator = new SimulatorHost(ScenarioLoader.LoadDemo(), new SimulatorHostOptions(), loggers);
            await simulator.StartAsync(stoppingToken);
            var folder = Path.Combine(options.ResolveDataDirectory(), "edge-demo");
            var yaml = SimulatorGatewayConfig.Yaml(simulator.Machines, "127.0.0.1", simulator.Port, DemoGateway.Id, Path.Combine(folder, "store.duckdb"),
                new SimulatorGatewayConfig.UplinkSettings(Loopback(broker.Host), broker.Port, options.DemoPassword, Path.Combine(folder, "journal")),
                simulator.Simulation.Scenario.Acceleration);
            var config = GatewayConfigLoader.Parse(yaml, "demo-gateway.yaml", folder);
            await using var gateway = await GatewayHost.StartAsync(config, loggers: loggers);
            Gateway = gateway;
            logger.LogInformation("demo factory: {Machines} simulated machines on Modbus TCP port {Port}, gateway {Gateway} publishing to {Host}:{BrokerPort}",
                simulator.Machines.Count, simulator.Port, DemoGateway.Id, broker.Host, broker.Port);
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            finally
            {
                Gateway = null;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the platform is stopping
        }
        catch (Exception e)
        {
            // the demo floor is an extra: the platform runs on without it
            logger.LogError(e, "the demo factory and its gateway could not run");
        }
    }

    /// <summary>A broker bound to every address is reached on loopback from the same process.</summary>
    private static string Loopback(string host) => host is "" or "0.0.0.0" or "::" or "[::]" or "*" ? "127.0.0.1" : host;
}
