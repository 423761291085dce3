using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;

namespace FactoryPath.Edge.Tests.Kpi;

public sealed class ShiftCalendarTests
{
    private const string Head = """
        gateway: {id: gw}
        equipment:
          - {id: press-1, path: a/s/ar/l/press-1}

        """;

    private static GatewayConfig Load(string calendar) => GatewayConfigLoader.Parse(Head + calendar, "edge.yaml", "/tmp");

    private const string ThreeShifts = """
        calendar:
          timeZone: Asia/Shanghai
          shifts:
            - {name: early, start: "06:00", end: "14:00"}
            - {name: late, start: "14:00", end: "22:00"}
            - {name: night, start: "22:00", end: "06:00"}
          plannedStops:
            - {name: lunch, start: "11:30", end: "12:00"}
            - {name: midnight-meal, start: "23:45", end: "00:15"}
        """;

    [Fact]
    public void NightShift_CrossesMidnight_AndCarriesItsPlannedStops()
    {
        var calendar = Load(ThreeShifts).Calendar!;
        var shanghai = TimeSpan.FromHours(8);

        // 03:00 on the 25th (Shanghai) is in the night shift that began at 22:00 on the 24th
        var (shift, interval) = calendar.ShiftAt(new DateTimeOffset(2026, 11, 25, 3, 0, 0, shanghai))!.Value;

        Assert.Equal("night", shift.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 22, 0, 0, shanghai), interval.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 6, 0, 0, shanghai), interval.End);
        var stop = Assert.Single(calendar.PlannedStopsIn(interval));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 45, 0, shanghai), stop.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), stop.Length);

        var (early, earlyInterval) = calendar.ShiftAt(new DateTimeOffset(2026, 11, 25, 1, 30, 0, TimeSpan.Zero))!.Value; // 09:30 Shanghai
        Assert.Equal("early", early.Name);
        Assert.Equal(TimeSpan.FromMinutes(30), Assert.Single(calendar.PlannedStopsIn(earlyInterval)).Length);
    }

    [Fact]
    public void TimeBetweenShifts_BelongsToNone_AndAFixedOffsetWorks()
    {
        var calendar = Load("""
            calendar:
              timeZone: "+08:00"
              shifts:
                - {name: day, start: "08:00", end: "17:00"}
            """).Calendar!;

        Assert.Null(calendar.ShiftAt(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal("day", calendar.ShiftAt(new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero))!.Value.Shift.Name);
        Assert.Empty(calendar.PlannedStops);
    }

    [Theory]
    [InlineData("end: \"14:00\"}\n    - {name: late, start: \"14:00\"", "end: \"14:30\"}\n    - {name: late, start: \"14:00\"", 8, "shift 'late' overlaps shift 'early' (line 7)")]
    [InlineData("start: \"22:00\", end: \"06:00\"", "start: \"21:00\", end: \"06:30\"", 9, "shift 'night' overlaps shift 'early'")]
    [InlineData("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus", 5, "'timeZone' 'Mars/Olympus' is neither a time zone name")]
    [InlineData("timeZone: Asia/Shanghai", "timeZone: \"+08:75\"", 5, "'timeZone' +08:75 has 75 minutes; an offset's minutes are 00 to 59")]
    [InlineData("timeZone: Asia/Shanghai", "timeZone: \"-15:00\"", 5, "'timeZone' -15:00 is more than 14 hours from UTC")]
    [InlineData("start: \"11:30\"", "start: \"11.30\"", 11, "'start' '11.30' is not a time of day written HH:MM")]
    [InlineData("{name: lunch, start: \"11:30\", end: \"12:00\"}", "{name: lunch, start: \"12:00\", end: \"12:00\"}", 11, "starts and ends at 12:00")]
    public void CalendarMistake_IsReportedAtItsLine(string find, string replace, int line, string message)
    {
        Assert.Contains(find, ThreeShifts);
        var at = ThreeShifts.IndexOf(find, StringComparison.Ordinal);
        var yaml = ThreeShifts[..at] + replace + ThreeShifts[(at + find.Length)..];

        var errors = Assert.Throws<ConfigException>(() => Load(yaml)).Errors;

        var error = Assert.Single(errors);
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
    }
}
