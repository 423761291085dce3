namespace FactoryPath.Core.Matching;

/// <summary>
/// A hard condition on a document's filter fields: the field holds one of <see cref="Values"/>, or (for a numeric
/// field) its number lies within <see cref="Min"/>..<see cref="Max"/> (inclusive; null is open).
/// </summary>
public sealed record IndexFilter
{
    private IndexFilter(string key, IReadOnlyList<string>? values, long? min, long? max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Values = values;
        Min = min;
        Max = max;
    }

    public string Key { get; }

    /// <summary>The accepted keyword values; null for a numeric range.</summary>
    public IReadOnlyList<string>? Values { get; }

    public long? Min { get; }

    public long? Max { get; }

    /// <summary>The field holds exactly <paramref name="value"/> (for a multi-valued field: among its values).</summary>
    public static IndexFilter Equal(string key, string value) => new(key, [value], null, null);

    /// <summary>The field holds at least one of <paramref name="values"/>; an empty list matches nothing.</summary>
    public static IndexFilter AnyOf(string key, IEnumerable<string> values) => new(key, values.Distinct(StringComparer.Ordinal).ToList(), null, null);

    /// <summary>The numeric field lies within the range (inclusive); at least one bound is needed.</summary>
    public static IndexFilter Between(string key, long? min, long? max)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("a range filter needs a minimum or a maximum");
        }

        return new IndexFilter(key, null, min, max);
    }

    /// <summary>The filters of the older dictionary form: every key must hold its value exactly.</summary>
    public static IReadOnlyList<IndexFilter> AllEqual(IReadOnlyDictionary<string, string>? filters) =>
        filters is null ? [] : filters.Select(f => Equal(f.Key, f.Value)).ToList();
}
