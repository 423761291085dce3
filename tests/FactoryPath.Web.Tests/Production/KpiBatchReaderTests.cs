using FactoryPath.Web.Tests.Gateways;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using static FactoryPath.Web.Tests.Production.KpiMinutes;

namespace FactoryPath.Web.Tests.Production;

public sealed class KpiBatchReaderTests
{
    private const string Gw = "gw-kpi";
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Future = new(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute + TimeSpan.TicksPerHour * 2, TimeSpan.Zero);

    private static ReadUplink? Read(KpiBatch batch, out string? error) =>
        UplinkReader.TryRead(Gw, UplinkKinds.Kpi, TestGateway.Envelope(Gw, 1, UplinkKinds.Kpi, batch), out error);

    [Fact]
    public void A_well_formed_kpi_batch_is_read_with_its_minutes()
    {
        var read = Read(Batch(Minute(Press3, At, runningMs: 45_000), Minute(Press3, At.AddMinutes(1))), out var error);
        Assert.Null(error);
        Assert.Equal(2, read!.Kpis!.Items.Count);
        Assert.Equal(15_000, read.Kpis.Items[0].DownMsByReason[3]);
    }

    public static TheoryData<KpiMinute, string> BadMinutes => new()
    {
        { Minute("not/a/path", At), "an asset path is" },
        { Minute(Press3, At.AddSeconds(30)), "whole minute" },
        { Minute(Press3, new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.FromHours(8))), "in UTC" },
        { Minute(Press3, Future), "after the envelope's createdAt" },
        { Minute(Press3, At) with { PlannedBusyMs = 61_000, RunningMs = 61_000 }, "plannedBusyMs must lie between 0 and 60000" },
        { Minute(Press3, At) with { RunningMs = -1 }, "runningMs must lie between 0 and 60000 ms (was -1)" },
        { Minute(Press3, At) with { IdleMs = 1_000 }, "but plannedBusyMs is 60000 ms" },
        { Minute(Press3, At, runningMs: 50_000) with { DownMsByReason = new Dictionary<int, long> { [3] = 4_000 } }, "downMsByReason sums to 4000 ms, but downMs is 10000 ms" },
        { Minute(Press3, At, runningMs: 50_000) with { DownMsByReason = new Dictionary<int, long> { [-2] = 10_000 } }, "reason codes are 0 or more" },
        { Minute(Press3, At) with { Good = -5 }, "good must lie between 0" },
        { Minute(Press3, At) with { Scrap = 2_000_000 }, "scrap must lie between 0" },
        { Minute(Press3, At) with { EnergyKwh = 20_000 }, "energyKwh must be null or lie between" },
        { Minute(Press3, At) with { EnergyKwh = -0.1 }, "energyKwh must be null or lie between" },
        { Minute(Press3, At) with { IdealCycleSeconds = -1 }, "idealCycleSeconds must lie between" },
        { Minute(Press3, At) with { DownStarts = -1 }, "downStarts must lie between" },
        { Minute(Press3, At) with { Shift = "" }, "shift must be null or a name" },
    };

    [Theory]
    [MemberData(nameof(BadMinutes))]
    public void A_bad_minute_makes_the_batch_malformed_with_a_precise_reason(KpiMinute bad, string reason)
    {
        Assert.Null(Read(Batch(Minute(Press4, At), bad), out var error));
        Assert.Contains("kpi item 1", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void The_same_minute_of_a_machine_twice_in_one_batch_is_malformed()
    {
        Assert.Null(Read(Batch(Minute(Press3, At), Minute(Press3, At, good: 3)), out var error));
        Assert.Contains("twice", error);
    }

    [Theory]
    [InlineData("""{"items":null}""", "kpi items are missing")]
    [InlineData("""{"items":[null]}""", "kpi item 0 is null")]
    [InlineData("""{"items":[{"assetPath":"a/b/c/d/e","periodStart":"2026-11-24T08:00:00Z","plannedBusyMs":"lots"}]}""", "kpi payload unreadable")]
    [InlineData("""{"items":[{"assetPath":"a/b/c/d/e","periodStart":"2026-11-24T08:00:00Z","plannedBusyMs":0,"runningMs":0,"downMs":0,"setupMs":0,"idleMs":0,"unknownMs":0,"downStarts":0,"downCarriedIn":false,"good":0,"scrap":0,"idealCycleSeconds":1}]}""", "downMsByReason is missing")]
    public void Malformed_kpi_payloads_are_refused(string payload, string reason)
    {
        var json = $$"""{"gatewayId":"{{Gw}}","sequence":1,"kind":"kpi","createdAt":"2026-11-24T08:05:00Z","payload":{{payload}}}""";
        Assert.Null(UplinkReader.TryRead(Gw, UplinkKinds.Kpi, System.Text.Encoding.UTF8.GetBytes(json), out var error));
        Assert.Contains(reason, error);
    }
}
