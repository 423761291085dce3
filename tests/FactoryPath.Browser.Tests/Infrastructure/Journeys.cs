using System.Text;
using System.Text.Json;
using FactoryPath.Core.Enterprises;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>Steps several browser journeys share: a new account with its enterprise, and a gateway's health report.</summary>
internal static class Journeys
{
    public const string Password = "Browser2026pass";

    /// <summary>A valid unified social credit code of a Ningbo enterprise, new on every call.</summary>
    public static string NewCreditCode()
    {
        var first17 = $"91330200MA{Random.Shared.Next(0, 9_999_999):0000000}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    /// <summary>Registers a new account (password <see cref="Password"/>) and its enterprise in Ningbo; ends on the assessments page.</summary>
    public static async Task SignUpWithEnterpriseAsync(IPage page, string enterpriseName, string displayName = "Tester", string industry = "34", int employees = 120, int revenueTenThousands = 5000)
    {
        await page.GotoAsync("/account/register");
        await page.FillAsync("#displayName", displayName);
        await page.FillAsync("#email", $"t-{Guid.NewGuid():N}@test.factorypath.cn");
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/enterprise**");
        await page.FillAsync("#name", enterpriseName);
        await page.FillAsync("#creditCode", NewCreditCode());
        await page.SelectOptionAsync("#industryCode", industry);
        await page.SelectOptionAsync("#prefectureCode", "330200");
        await page.FillAsync("#employees", employees.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#revenue", revenueTenThousands.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/assessments**");
    }

    /// <summary>Publishes a health report as gateway <paramref name="gatewayId"/> would, QoS 1, and checks the broker took it.</summary>
    public static async Task PublishHealthAsync(IMqttClient client, string gatewayId, long sequence, GatewayHealthReport health)
    {
        var envelope = UplinkEnvelope.Create(gatewayId, sequence, UplinkKinds.Health, DateTimeOffset.UtcNow, health);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(UplinkTopics.For(gatewayId, UplinkKinds.Health))
            .WithPayload(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, UplinkJson.Options)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.PublishAsync(message);
        Xunit.Assert.True(result.IsSuccess, result.ReasonCode.ToString());
    }
}
