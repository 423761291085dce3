namespace FactoryPath.Web.Matching;

/// <summary>Used when nothing keeps an index of the catalog.</summary>
public sealed class NoCatalogChanges : ICatalogChanges
{
    public Task ChangedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;

    public Task DeletedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;
}
