using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>The one-command demo: the demo enterprise starts with rules its simulated factory trips, so a newcomer sees an alert within minutes.</summary>
public sealed class DemoAlertTests
{
    [Fact]
    public async Task The_demo_press_running_out_of_material_raises_the_demo_down_alert()
    {
        using var factory = new PlatformFactory(seedDemo: true, demoGateway: true);
        var password = factory.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.DemoPassword;
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.Enterprise.Email, password);
        owner.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        // the demo scenario stops press-1 five simulated minutes in (30 s at 10×) for three simulated minutes (18 s)
        JsonElement? down = null;
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (down is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no demo down alert within 180 s");
            var list = await ApiClient.ReadAsync(await owner.Http.GetAsync("/api/v1/alerts?pageSize=100"));
            down = list.GetProperty("items").EnumerateArray()
                .Where(a => a.GetProperty("ruleName").GetString() == "Machine down for more than 15 s (demo factory runs 10× fast)")
                .Select(a => (JsonElement?)a).FirstOrDefault();
            if (down is null) await Task.Delay(1000);
        }

        var alert = down.Value;
        Assert.Equal(DemoGateway.Id, alert.GetProperty("gatewayId").GetString());
        Assert.StartsWith("demo/ningbo/", alert.GetProperty("subject").GetString());
        Assert.True(alert.GetProperty("raisedAt").GetDateTime() - alert.GetProperty("since").GetDateTime() >= TimeSpan.FromSeconds(15));
        var rules = await ApiClient.ReadAsync(await owner.Http.GetAsync("/api/v1/alert-rules"));
        Assert.Equal(3, rules.GetProperty("total").GetInt32());

        // the over-temperature rule watches the compressor's area only: the press runs at 220 °C by design
        var hot = rules.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Compressor temperature above 95 °C for 20 s");
        Assert.Equal("demo/ningbo/utilities", hot.GetProperty("assetPath").GetString());
        var alerts = await ApiClient.ReadAsync(await owner.Http.GetAsync("/api/v1/alerts?pageSize=100"));
        Assert.DoesNotContain(alerts.GetProperty("items").EnumerateArray(),
            a => a.GetProperty("ruleName").GetString() == hot.GetProperty("name").GetString() && a.GetProperty("subject").GetString()!.Contains("press-1", StringComparison.Ordinal));
    }
}
