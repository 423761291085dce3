using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// One kind of the resource pool as a table: how its rows are validated against the database and turned into planned
/// writes, and how its records are exported with the same columns.
/// </summary>
internal abstract class PoolTable
{
    public abstract PoolKind Kind { get; }

    public TabularSchema Schema => PoolColumns.For(Kind);

    /// <summary>The <see cref="Core.Matching.SearchDocumentKinds"/> value told to the matching index, or null.</summary>
    public abstract string? SearchKind { get; }

    /// <summary>Validates every row and plans the valid ones; nothing is changed until a planned record is applied.</summary>
    public abstract Task PlanAsync(Viewer viewer, ImportPlan plan, IReadOnlyList<TabularRow> rows, DateTime now, CancellationToken ct);

    /// <summary>The records the viewer may export, as rows in <see cref="Schema"/> order.</summary>
    public abstract IAsyncEnumerable<IReadOnlyList<string>> ExportAsync(Viewer viewer, bool chinese, CancellationToken ct);
}
