using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Tests.Infrastructure;

namespace FactoryPath.Edge.Tests.LocalPage;

/// <summary>A gateway whose file has a <c>web</c> section serves its page while it runs, and stops serving when it stops.</summary>
public sealed class GatewayHostLocalPageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("factorypath-localpage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_host_serves_the_local_page_at_the_configured_address_until_it_stops()
    {
        var port = FreePort.Next();
        var yaml = $"""
            gateway:
              id: gw-page
              name: 页面网关
            store:
              path: {Path.Combine(folder, "store.duckdb")}
            equipment:
              - id: press-1
                path: acme/ningbo/moulding/line-1/press-1
            devices:
              - name: plc
                protocol: modbus-tcp
                host: 127.0.0.1
                port: {FreePort.Next()}
            tags:
              - id: press-1.state
                device: plc
                equipment: press-1
                role: state
                table: holding
                address: 0
            web:
              listen: 127.0.0.1:{port}
            """;
        var config = GatewayConfigLoader.Parse(yaml, "edge.yaml", folder);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var host = await GatewayHost.StartAsync(config);
        try
        {
            Assert.Equal($"http://127.0.0.1:{port}/", host.LocalPage!.Url);
            Assert.Contains("/js/local.js", await http.GetStringAsync(host.LocalPage.Url));
            var live = await http.GetStringAsync(host.LocalPage.Url + "api/live");
            Assert.Contains("\"assetPath\":\"acme/ningbo/moulding/line-1/press-1\"", live); // the machine from the gateway's tags
        }
        finally
        {
            await host.DisposeAsync();
        }
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{port}/"));
    }
}
