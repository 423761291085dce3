namespace FactoryPath.Edge.Store;

/// <summary>
/// The increase of a cumulative tag (part counter, energy meter) between two good readings, with resets and
/// rollovers taken out. The rule:
/// <list type="bullet">
/// <item>no drop (current ≥ previous): the difference;</item>
/// <item>a drop from the upper half of the 16-bit range (32,768 ≤ previous ≤ 65,535) larger than half that range
/// (more than 32,768): a 16-bit rollover, the increase is current + 65,536 − previous;</item>
/// <item>likewise a drop from the upper half of the 32-bit range (2^31 ≤ previous ≤ 2^32 − 1) larger than 2^31:
/// a 32-bit rollover, current + 2^32 − previous;</item>
/// <item>any other drop: the device reset its counter, which counts again from zero: the increase is current.</item>
/// </list>
/// A counter reset to zero from near the top of a 16-bit range is indistinguishable from a rollover; both give an
/// increase within a few counts of each other, so the choice does not matter for production figures.
/// </summary>
public static class CounterIncrease
{
    private const double Range16 = 65_536d;
    private const double Range32 = 4_294_967_296d;

    public static double Between(double previous, double current)
    {
        if (current >= previous)
        {
            return current - previous;
        }

        var drop = previous - current;
        if (previous is >= Range16 / 2 and < Range16 && drop > Range16 / 2)
        {
            return current + Range16 - previous;
        }

        if (previous is >= Range32 / 2 and < Range32 && drop > Range32 / 2)
        {
            return current + Range32 - previous;
        }

        return Math.Max(current, 0);
    }
}
