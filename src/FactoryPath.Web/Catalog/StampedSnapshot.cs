namespace FactoryPath.Web.Catalog;

/// <summary>
/// One value read from the database, kept with the stamp (e.g. row count and latest change) it was read at: a request
/// passes the current stamp and gets the kept value while the stamp is unchanged, or the value read again — by one
/// caller at a time — once it differs. The pool's caches (<see cref="ScenarioCostCache"/>,
/// <see cref="Regional.ScenarioSupplyCache"/>) keep their snapshots in it.
/// </summary>
public sealed class StampedSnapshot<TStamp, TValue>
    where TValue : class
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private Entry? _current;

    public async Task<TValue> GetAsync(TStamp stamp, Func<CancellationToken, Task<TValue>> load, CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && EqualityComparer<TStamp>.Default.Equals(current.Stamp, stamp)) return current.Value;
        await _reload.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is null || !EqualityComparer<TStamp>.Default.Equals(current.Stamp, stamp))
            {
                current = new Entry(stamp, await load(ct));
                _current = current;
            }
            return current.Value;
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed record Entry(TStamp Stamp, TValue Value);
}
