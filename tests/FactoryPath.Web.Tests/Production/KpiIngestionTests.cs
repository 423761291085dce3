using FactoryPath.Web.Tests.Gateways;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FactoryPath.Web.Tests.Production.KpiMinutes;

namespace FactoryPath.Web.Tests.Production;

/// <summary><c>kpi</c> messages over a real MQTT connection to the embedded broker, as an issued gateway sends them.</summary>
public sealed class KpiIngestionTests : IClassFixture<KpiIngestionTests.World>
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly World _w;

    public KpiIngestionTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Owner { get; private set; } = default!;
        public Guid EnterpriseId { get; private set; }
        public int Port { get; private set; }

        public async Task InitializeAsync()
        {
            Owner = await ApiClient.RegisterAsync(Factory, Codes.Email("kpi-owner"));
            EnterpriseId = (await Owner.CreateEnterpriseAsync("分钟指标机械有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            Port = TestGateway.BrokerPort(Factory);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        public async Task<T> DbAsync<T>(Func<PlatformDbContext, Task<T>> read)
        {
            using var scope = Factory.Services.CreateScope();
            return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        }
    }

    private async Task<TestGateway> ConnectedAsync()
    {
        var gw = await TestGateway.IssueAsync(_w.Owner);
        Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        return gw;
    }

    [Fact]
    public async Task Kpi_minutes_are_stored_with_their_down_time_by_reason_and_a_resent_minute_replaces_itself()
    {
        await using var gw = await ConnectedAsync();
        var first = await gw.PublishAsync(UplinkKinds.Kpi, 1, Batch(
            Minute(Press3, At, runningMs: 45_000, reason: 3, good: 9, scrap: 1, idealCycle: 4),
            Minute(Press3, At.AddMinutes(1), good: 12, idealCycle: 4),
            Minute(Press4, At, runningMs: 30_000, reason: 1, energy: null)));
        Assert.True(first.IsSuccess, first.ReasonCode.ToString());

        var rows = await _w.DbAsync(db => db.ProductionMinutes.AsNoTracking().Where(m => m.GatewayId == gw.Id).OrderBy(m => m.AssetPath).ThenBy(m => m.PeriodStart).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(_w.EnterpriseId, r.EnterpriseId));
        var press3 = rows[0];
        Assert.Equal(At.UtcDateTime, DateTime.SpecifyKind(press3.PeriodStart, DateTimeKind.Utc));
        Assert.Equal((45_000L, 15_000L, 9L, 1L), (press3.RunningMs, press3.DownMs, press3.Good, press3.Scrap));
        Assert.Equal(40, press3.IdealProductionSeconds); // 4 s × (9 + 1) units
        Assert.Equal("早班", press3.Shift);
        Assert.Null(rows[2].EnergyKwh);
        var downs = await _w.DbAsync(db => db.ProductionDownTimes.AsNoTracking().Where(d => d.GatewayId == gw.Id).OrderBy(d => d.AssetPath).ToListAsync());
        Assert.Equal([(Press3, 3, 15_000L), (Press4, 1, 30_000L)], downs.Select(d => (d.AssetPath, d.Reason, d.DownMs)));

        // the gateway revises the first minute (a late state report): the row and its reasons are replaced, not added
        var revised = await gw.PublishAsync(UplinkKinds.Kpi, 2, Batch(Minute(Press3, At, runningMs: 50_000, reason: 5, good: 11, idealCycle: 4)));
        Assert.True(revised.IsSuccess);
        var again = await _w.DbAsync(db => db.ProductionMinutes.AsNoTracking().SingleAsync(m => m.GatewayId == gw.Id && m.AssetPath == Press3 && m.PeriodStart == At.UtcDateTime));
        Assert.Equal((50_000L, 10_000L, 11L, 44.0), (again.RunningMs, again.DownMs, again.Good, again.IdealProductionSeconds));
        var press3Downs = await _w.DbAsync(db => db.ProductionDownTimes.AsNoTracking().Where(d => d.GatewayId == gw.Id && d.AssetPath == Press3).ToListAsync());
        Assert.Equal([(5, 10_000L)], press3Downs.Select(d => (d.Reason, d.DownMs)));
        Assert.Equal(3, await _w.DbAsync(db => db.ProductionMinutes.CountAsync(m => m.GatewayId == gw.Id)));

        // the hour rows are rebuilt from the hour's minutes: press-3 08:00 now runs 50 s + 60 s with 11 + 12 good
        var hour = await _w.DbAsync(db => db.ProductionHours.AsNoTracking().SingleAsync(h => h.GatewayId == gw.Id && h.AssetPath == Press3));
        Assert.Equal((2, 110_000L, 23L, 1.0, "早班"), (hour.Minutes, hour.RunningMs, hour.Good, hour.EnergyKwh!.Value, hour.Shift));
        Assert.Equal(4.0 * 23, hour.IdealProductionSeconds);
        var downHours = await _w.DbAsync(db => db.ProductionDownHours.AsNoTracking().Where(d => d.GatewayId == gw.Id).OrderBy(d => d.AssetPath).ToListAsync());
        Assert.Equal([(Press3, 5, 10_000L), (Press4, 1, 30_000L)], downHours.Select(d => (d.AssetPath, d.Reason, d.DownMs)));
    }

    [Fact]
    public async Task A_kpi_message_sent_twice_under_one_sequence_is_stored_once()
    {
        await using var gw = await ConnectedAsync();
        var batch = Batch(Minute(Press3, At.AddHours(3), good: 7));
        Assert.True((await gw.PublishAsync(UplinkKinds.Kpi, 1, batch)).IsSuccess);
        Assert.True((await gw.PublishAsync(UplinkKinds.Kpi, 1, batch with { Items = [Minute(Press3, At.AddHours(3), good: 99)] })).IsSuccess);
        var row = await _w.DbAsync(db => db.ProductionMinutes.AsNoTracking().SingleAsync(m => m.GatewayId == gw.Id));
        Assert.Equal(7, row.Good);
        var gateway = await ApiClient.ReadAsync(await _w.Owner.Http.GetAsync($"/api/v1/gateways/{gw.Id}"));
        Assert.Equal(1, gateway.GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public async Task A_malformed_kpi_message_stores_nothing_and_is_counted_with_its_reason()
    {
        await using var gw = await ConnectedAsync();
        var bad = Batch(Minute(Press3, At), Minute(Press4, At) with { IdleMs = 5_000 });
        Assert.True((await gw.PublishAsync(UplinkKinds.Kpi, 1, bad)).IsSuccess); // acknowledged: a resend would not make it readable
        Assert.Equal(0, await _w.DbAsync(db => db.ProductionMinutes.CountAsync(m => m.GatewayId == gw.Id)));
        Assert.Equal(0, await _w.DbAsync(db => db.UplinkMessages.CountAsync(m => m.GatewayId == gw.Id)));
        var gateway = await ApiClient.ReadAsync(await _w.Owner.Http.GetAsync($"/api/v1/gateways/{gw.Id}"));
        Assert.Equal(1, gateway.GetProperty("malformed").GetInt64());
        Assert.Contains("kpi item 1", gateway.GetProperty("lastError").GetString());
        Assert.Contains("but plannedBusyMs is 60000 ms", gateway.GetProperty("lastError").GetString());
    }
}
