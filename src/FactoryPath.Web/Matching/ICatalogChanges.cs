namespace FactoryPath.Web.Matching;

/// <summary>
/// Told about every saved or deleted solution, provider and case, so the matching index stays current.
/// <paramref name="kind"/> is one of <see cref="Core.Matching.SearchDocumentKinds"/>. Call after the change is committed.
/// </summary>
public interface ICatalogChanges
{
    Task ChangedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    Task DeletedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
}
