using FactoryPath.Edge.Kpi;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// Worked examples, computed by hand from the ISO 22400-2:2014 definitions (PBT = shift − planned stops; availability
/// = APT / PBT; effectiveness = ideal cycle time × produced quantity / APT; quality ratio = good / produced; OEE =
/// their product). The working is written beside each example.
/// </summary>
public sealed class ShiftKpiCalculatorTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8));

    private static DateTimeOffset At(int hour, int minute = 0) => Day.AddHours(hour).AddMinutes(minute);

    private static TimeInterval Between(DateTimeOffset from, DateTimeOffset to) => new(from, to);

    [Fact]
    public void NormalShift_WithALunchBreak_ABreakdownAndAChangeover()
    {
        // Shift 08:00–16:00 = 480 min; lunch 12:00–12:30 is planned → PBT = 450 min.
        // Running 08:00–10:00 (120), down (reason 3) 10:00–10:30 (30), running 10:30–12:00 (90) and 12:30–14:00 (90),
        // changeover 14:00–14:20 (20), running 14:20–16:00 (100): APT = 120 + 90 + 90 + 100 = 400 min.
        // Check: 400 + 30 + 20 = 450 = PBT.
        // Availability = 400 / 450 = 0.888…; 700 produced at 30 s ideal: effectiveness = 0.5 min × 700 / 400 = 0.875;
        // quality = 680 / 700 = 0.971…; OEE = 0.888… × 0.875 × 0.971… = 340 / 450 = 0.7555…
        // (the same as ideal time of the good parts over PBT: 0.5 × 680 / 450).
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(8), At(16)),
            [Between(At(12), At(12, 30))],
            [
                new(At(7, 50), MachineActivity.Running),
                new(At(10), MachineActivity.Down, 3),
                new(At(10, 30), MachineActivity.Running),
                new(At(14), MachineActivity.Changeover),
                new(At(14, 20), MachineActivity.Running),
            ],
            GoodQuantity: 680,
            ScrapQuantity: 20,
            IdealCycleTime: TimeSpan.FromSeconds(30)) { EnergyKwh = 280 });

        Assert.Equal(TimeSpan.FromMinutes(450), kpis.PlannedBusyTime);
        Assert.Equal(TimeSpan.FromMinutes(400), kpis.ProductionTime);
        Assert.Equal(TimeSpan.FromMinutes(30), kpis.DownTime);
        Assert.Equal(TimeSpan.FromMinutes(30), Assert.Single(kpis.DownTimeByReason, r => r.Key == 3).Value);
        Assert.Equal(TimeSpan.FromMinutes(20), kpis.SetupTime);
        Assert.Equal(TimeSpan.Zero, kpis.DelayTime + kpis.UnknownTime);
        Assert.Equal(400.0 / 450, kpis.Availability!.Value, 12);
        Assert.Equal(0.875, kpis.Effectiveness!.Value, 12);
        Assert.Equal(680.0 / 700, kpis.QualityRatio!.Value, 12);
        Assert.Equal(340.0 / 450, kpis.Oee!.Value, 12);
        // one failure: MTBF = APT / 1 = 400 min, MTTR = ADOT / 1 = 30 min; throughput = 700 / (400/60 h) = 105 /h;
        // 280 kWh / 680 good = 0.4117… kWh per good unit
        Assert.Equal(1, kpis.Failures);
        Assert.Equal(TimeSpan.FromMinutes(400), kpis.MeanTimeBetweenFailures);
        Assert.Equal(TimeSpan.FromMinutes(30), kpis.MeanTimeToRepair);
        Assert.Equal(105, kpis.ThroughputPerHour!.Value, 9);
        Assert.Equal(280.0 / 680, kpis.EnergyPerGoodUnit!.Value, 12);
    }

    [Fact]
    public void DowntimePareto_OrdersReasonsByLostTime_AndCountsEachFailure()
    {
        // Down reason 1 08:30–08:40 (10), reason 3 10:00–11:00 (60), reason 1 13:00–13:25 (25), reason 2 15:00–15:35
        // (35, across the planned stop 15:10–15:20, which takes 10 out: 25). Reason 1: 35 min in 2 failures;
        // reason 3: 60; reason 2: 25. Pareto: 3 (60), 1 (35), 2 (25). Four failures; ADOT = 120; MTTR = 30 min.
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(8), At(16)),
            [Between(At(15, 10), At(15, 20))],
            [
                new(At(8), MachineActivity.Running),
                new(At(8, 30), MachineActivity.Down, 1), new(At(8, 40), MachineActivity.Running),
                new(At(10), MachineActivity.Down, 3), new(At(11), MachineActivity.Running),
                new(At(13), MachineActivity.Down, 1), new(At(13, 25), MachineActivity.Running),
                new(At(15), MachineActivity.Down, 2), new(At(15, 35), MachineActivity.Running),
            ],
            500, 10, TimeSpan.FromSeconds(30)));

        Assert.Equal([3, 1, 2], kpis.DownTimePareto.Select(r => r.Key));
        Assert.Equal([60.0, 35.0, 25.0], kpis.DownTimePareto.Select(r => r.Value.TotalMinutes));
        Assert.Equal(4, kpis.Failures);
        Assert.Equal(TimeSpan.FromMinutes(30), kpis.MeanTimeToRepair);
        Assert.Null(ShiftKpiCalculator.Compute(new ShiftInput(Between(At(8), At(16)), [], [new(At(8), MachineActivity.Running)], 0, 0, TimeSpan.FromSeconds(30))).MeanTimeBetweenFailures);
    }

    [Fact]
    public void PlannedStopForTheWholeShift_HasNoPlannedBusyTime_AndNoRatios()
    {
        // PBT = 480 − 480 = 0: every ratio's denominator is zero, so none is given (not 0, not 100 %).
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(8), At(16)), [Between(At(7), At(17))], [new(At(8), MachineActivity.Down, 1)], 0, 0, TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.Zero, kpis.PlannedBusyTime);
        Assert.Equal(TimeSpan.Zero, kpis.DownTime);
        Assert.Null(kpis.Availability);
        Assert.Null(kpis.Oee);
    }

    [Fact]
    public void NoProduction_DownAllShift_GivesZeroAvailabilityAndOee()
    {
        // Down (reason 1, material shortage) from before the shift to after it: APT = 0, ADOT = PBT = 480 min.
        // Availability = 0 / 480 = 0; effectiveness and quality have zero denominators; OEE = 0 (planned, not produced).
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(8), At(16)), [], [new(At(6), MachineActivity.Down, 1)], 0, 0, TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromMinutes(480), kpis.DownTimeByReason[1]);
        Assert.Equal(0, kpis.Availability);
        Assert.Null(kpis.Effectiveness);
        Assert.Null(kpis.QualityRatio);
        Assert.Equal(0, kpis.Oee);
    }

    [Fact]
    public void ShiftCrossingMidnight_IsOneInterval()
    {
        // Night shift 22:00–06:00 = 480 min, break 02:00–02:30 → PBT = 450. Running since 21:30 (before the shift:
        // counts from 22:00), idle 01:00–02:00 (60, up to the break), running 02:30–06:00.
        // APT = 22:00–01:00 (180) + 02:30–06:00 (210) = 390; ADET = 60. Check: 390 + 60 = 450.
        // 760 produced at 30 s: effectiveness = 0.5 × 760 / 390 = 380 / 390; all good: OEE = 390/450 × 380/390 = 380/450.
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(22), At(30)),
            [Between(At(26), At(26, 30))],
            [new(At(21, 30), MachineActivity.Running), new(At(25), MachineActivity.Idle), new(At(26, 30), MachineActivity.Running)],
            760, 0, TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromMinutes(450), kpis.PlannedBusyTime);
        Assert.Equal(TimeSpan.FromMinutes(390), kpis.ProductionTime);
        Assert.Equal(TimeSpan.FromMinutes(60), kpis.DelayTime);
        Assert.Equal(380.0 / 450, kpis.Oee!.Value, 12);
    }

    [Fact]
    public void NoActivityKnownAtTheStart_CountsAsUnknownTime_InsidePlannedBusyTime()
    {
        // The first report comes at 09:00: 08:00–09:00 is unknown (60 min), in PBT but in no other element.
        // Running 09:00–16:00 = 420 of PBT 480: availability = 0.875.
        var kpis = ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(8), At(16)), [], [new(At(9), MachineActivity.Running)], 800, 40, TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromMinutes(60), kpis.UnknownTime);
        Assert.Equal(0.875, kpis.Availability);
        Assert.Equal(kpis.PlannedBusyTime, kpis.ProductionTime + kpis.DownTime + kpis.SetupTime + kpis.DelayTime + kpis.UnknownTime);
    }

    [Theory]
    [InlineData(16, 8, 1, 0, 30, "ends")]
    [InlineData(8, 16, -1, 0, 30, "negative")]
    [InlineData(8, 16, 1, 0, 0, "cycle time")]
    public void BadInput_IsRefusedWithTheReason(int start, int end, long good, long scrap, int cycleSeconds, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => ShiftKpiCalculator.Compute(new ShiftInput(
            Between(At(start), At(end)), [], [], good, scrap, TimeSpan.FromSeconds(cycleSeconds))));

        Assert.Contains(reason, e.Message);
    }
}
