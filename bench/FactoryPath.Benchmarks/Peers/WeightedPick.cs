namespace FactoryPath.Benchmarks.Peers;

/// <summary>Draws items with probability proportional to their weight.</summary>
public sealed class WeightedPick<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedPick(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.ToList();
        _items = list.Select(w => w.Item).ToArray();
        _cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public T Next(Random rng)
    {
        var index = Array.BinarySearch(_cumulative, rng.NextDouble() * _cumulative[^1]);
        return _items[index < 0 ? ~index : index];
    }
}
