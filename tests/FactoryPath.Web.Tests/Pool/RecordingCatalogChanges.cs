using System.Collections.Concurrent;
using FactoryPath.Web.Matching;

namespace FactoryPath.Web.Tests.Pool;

/// <summary>Stands in for the matching index: remembers every change it is told about.</summary>
public sealed class RecordingCatalogChanges : ICatalogChanges
{
    public ConcurrentQueue<(string Action, string Kind, Guid Id)> Calls { get; } = new();

    public Task ChangedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        foreach (var id in ids) Calls.Enqueue(("changed", kind, id));
        return Task.CompletedTask;
    }

    public Task DeletedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        foreach (var id in ids) Calls.Enqueue(("deleted", kind, id));
        return Task.CompletedTask;
    }
}
