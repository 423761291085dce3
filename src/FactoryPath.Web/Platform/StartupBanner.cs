using FactoryPath.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Platform;

/// <summary>Prints where the platform listens and how to sign in, once the server has started.</summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<PlatformOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var o = options.Value;
        Console.WriteLine();
        Console.WriteLine("FactoryPath is running.");
        foreach (var a in addresses) Console.WriteLine($"  Open: {a.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost")}");
        Console.WriteLine($"  Data: {o.ResolveDataDirectory()}");
        if (o.SeedDemoData)
        {
            Console.WriteLine($"  Demo accounts (password: {o.DemoPassword}):");
            foreach (var account in DemoAccounts.All) Console.WriteLine($"    {account.Role,-16} {account.Email}");
            if (o.DemoGateway) Console.WriteLine($"  Demo factory: simulated machines read by gateway {DemoGateway.Id}; see Gateways (/gateways) as {DemoAccounts.Enterprise.Email}");
        }
        Console.WriteLine("  Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
