using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Web.Tests.Production;

/// <summary>Builds KPI minutes as a gateway's engine sends them.</summary>
public static class KpiMinutes
{
    public const string Press3 = "acme/ningbo/moulding/line-1/press-3";
    public const string Press4 = "acme/ningbo/moulding/line-1/press-4";
    public const string Lathe1 = "acme/ningbo/machining/line-2/lathe-1";

    /// <summary>A minute fully in a shift: running for <paramref name="runningMs"/>, the rest down for <paramref name="reason"/>.</summary>
    public static KpiMinute Minute(string path, DateTimeOffset start, long runningMs = 60_000, int reason = 3, long good = 10, long scrap = 0,
        double? energy = 0.5, double idealCycle = 5, string? shift = "早班")
    {
        var down = 60_000 - runningMs;
        return new KpiMinute(path, start, shift, 60_000, runningMs, down, 0, 0, 0,
            down > 0 ? new Dictionary<int, long> { [reason] = down } : new Dictionary<int, long>(),
            down > 0 ? 1 : 0, false, good, scrap, energy, idealCycle);
    }

    public static KpiBatch Batch(params KpiMinute[] minutes) => new(minutes);
}
