using FactoryPath.Web.Alerts;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Production;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>
/// A KPI rule against stored KPI minutes: "OEE of the last 60 minutes below 50 % for 5 minutes". Each minute of a
/// machine is stored and evaluated in turn, as the periodic evaluation would see them arrive.
/// </summary>
public sealed class KpiAlertTests
{
    private const string Press = "acme/ningbo/moulding/line-1/press-3";

    private static ProductionMinute Minute(string gatewayId, Guid enterpriseId, DateTime start, bool running) => new()
    {
        GatewayId = gatewayId,
        EnterpriseId = enterpriseId,
        AssetPath = Press,
        PeriodStart = start,
        Shift = "A",
        PlannedBusyMs = 60_000,
        RunningMs = running ? 60_000 : 0,
        DownMs = running ? 0 : 60_000,
        DownStarts = 0,
        Good = running ? 2 : 0,
        IdealCycleSeconds = 30,
        IdealProductionSeconds = running ? 60 : 0,
    };

    [Fact]
    public async Task Oee_below_the_threshold_for_the_duration_raises_at_the_minute_it_has_held_long_enough_and_clears_when_it_recovers()
    {
        // the periodic evaluation is pushed out of the way: this test evaluates after each stored minute itself
        using var factory = new PlatformFactory(services: s => s.Configure<AlertOptions>(o => o.KpiIntervalSeconds = 3600));
        var owner = await ApiClient.RegisterAsync(factory, Codes.Email("kpi-alert"));
        owner.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var enterprise = (await owner.CreateEnterpriseAsync("KPI 告警企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var gateway = await Gateways.TestGateway.IssueAsync(owner);
        var rule = await owner.Http.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "OEE < 50 %",
            target = "kpi",
            kpi = "oee",
            windowMinutes = 60,
            scope = "prefix",
            assetPath = "acme",
            @operator = "lessThan",
            threshold = 50,
            durationSeconds = 300,
            severity = "warning",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var ruleId = (await ApiClient.ReadAsync(rule)).GetProperty("id").GetGuid();

        var now = DateTime.UtcNow;
        var first = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-110);
        var minute = 0;
        async Task<List<Alert>> StoreAndEvaluateAsync(bool running)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.ProductionMinutes.Add(Minute(gateway.Id, enterprise, first.AddMinutes(minute++), running));
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<AlertProcessor>().ApplyKpisAsync();
            return await db.Alerts.AsNoTracking().Where(a => a.RuleId == ruleId).ToListAsync();
        }

        for (var i = 0; i < 60; i++) Assert.Empty(await StoreAndEvaluateAsync(running: true));

        // k minutes down in the last 60: OEE = (60 - k) / 60, below 50 % from k = 31 (the window ending after minute 91)
        for (var k = 1; k <= 35; k++) Assert.Empty(await StoreAndEvaluateAsync(running: false));
        var raised = Assert.Single(await StoreAndEvaluateAsync(running: false)); // k = 36: five minutes after it began
        Assert.Equal(first.AddMinutes(91), raised.Since);
        Assert.Equal(first.AddMinutes(96), raised.RaisedAt);
        Assert.Equal(40, raised.RaisedValue!.Value, 6); // 24 of 60 minutes running
        Assert.Equal(Press, raised.Subject);
        Assert.Null(raised.ClearedAt);

        // running again: the down minutes leave the window one by one; OEE reaches 50 % when 30 of the last 60 ran
        List<Alert> after = [];
        var recovered = 0;
        while (after.Count == 0 || after[0].ClearedAt is null)
        {
            after = await StoreAndEvaluateAsync(running: true);
            recovered++;
            Assert.True(recovered <= 30, "the alert did not clear although OEE recovered");
        }
        Assert.Equal(first.AddMinutes(96 + recovered), after.Single().ClearedAt);
        Assert.Equal(50, after.Single().LastValue!.Value, 6);
    }

    [Theory]
    [InlineData(AlertKpi.Oee, 50)]
    [InlineData(AlertKpi.Availability, 50)]
    [InlineData(AlertKpi.EnergyPerUnit, 0.25)]
    public void Kpi_values_are_summed_from_the_minutes(AlertKpi kpi, double expected)
    {
        var start = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
        var minutes = new[] { Minute("gw", Guid.Empty, start, true), Minute("gw", Guid.Empty, start.AddMinutes(1), false) };
        minutes[0].EnergyKwh = 0.5;
        minutes[1].EnergyKwh = 0;
        Assert.Equal(expected, AlertProcessor.KpiValue(kpi, minutes)!.Value, 6);
    }

    [Fact]
    public void A_window_without_planned_busy_time_has_no_oee_and_decides_nothing()
    {
        var idle = new ProductionMinute { AssetPath = Press, PeriodStart = DateTime.UtcNow, IdealCycleSeconds = 30 };
        Assert.Null(AlertProcessor.KpiValue(AlertKpi.Oee, [idle]));
    }
}
