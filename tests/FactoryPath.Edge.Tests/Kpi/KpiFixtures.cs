using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// A gateway file with two presses (state, down reason, good, scrap, energy), a day shift 08:00–16:00 with lunch
/// 12:00–12:30 planned, and a night shift 22:00–06:00 that crosses midnight, in +08:00; gap 3 min, skew 30 s.
/// </summary>
internal static class KpiFixtures
{
    public static readonly TimeSpan Zone = TimeSpan.FromHours(8);

    public const string Press1 = "acme/ningbo/moulding/line-1/press-1";
    public const string Press2 = "acme/ningbo/moulding/line-1/press-2";

    public static GatewayConfig Config(string extraKpi = "") => GatewayConfigLoader.Parse($$"""
        gateway: { id: gw-kpi }
        calendar:
          timeZone: '+08:00'
          shifts:
            - { name: day, start: '08:00', end: '16:00' }
            - { name: night, start: '22:00', end: '06:00' }
          plannedStops:
            - { name: lunch, start: '12:00', end: '12:30' }
            - { name: midnight-meal, start: '00:00', end: '00:20' }
        kpi:
          stateGap: 3m
          maxClockSkew: 30s
        {{extraKpi}}
        equipment:
          - { id: press-1, path: {{Press1}}, idealCycleTime: 30s }
          - { id: press-2, path: {{Press2}}, idealCycleTime: 45s }
          - { id: dryer, path: acme/ningbo/moulding/line-1/dryer }
        devices:
          - { name: broker, protocol: mqtt-json, host: localhost }
        tags:
        {{Tags("p1", "press-1")}}
        {{Tags("p2", "press-2")}}
          - { id: dryer.temp, device: broker, equipment: dryer, role: temperature, topic: t/dryer, value: temp }
        """, "kpi.yaml", Path.GetTempPath());

    private static string Tags(string prefix, string equipment) => string.Join("\n", new[]
    {
        ("state", "state"), ("reason", "down_reason"), ("good", "good_count"), ("scrap", "scrap_count"), ("energy", "energy_kwh"),
    }.Select(t => $"  - {{ id: {prefix}.{t.Item1}, device: broker, equipment: {equipment}, role: {t.Item2}, topic: t/{prefix}, value: {t.Item1} }}"));

    /// <summary>A local time on 2026-11-24 (+08:00) plus seconds.</summary>
    public static DateTimeOffset Local(int hour, int minute, double seconds = 0) =>
        new DateTimeOffset(2026, 11, 24, 0, 0, 0, Zone).AddHours(hour).AddMinutes(minute).AddSeconds(seconds);

    public static TagSample S(string tag, DateTimeOffset at, double value) => TagSample.Good(tag, at, value);
}
