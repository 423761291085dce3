namespace FactoryPath.Edge.Modbus.Source;

/// <summary>
/// Exponential backoff with "equal jitter": after the n-th consecutive failure the wait is d/2 plus a random part of d/2,
/// where d = min × 2ⁿ capped at max. Spreads the reconnects of many gateways after a shared outage.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
{
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    public int Failures { get; private set; }

    public void Reset() => Failures = 0;

    /// <summary>Counts one more failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(Failures, 30);
        Failures++;
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random() * ceiling / 2));
    }
}
