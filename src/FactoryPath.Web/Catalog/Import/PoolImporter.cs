using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Localization;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>
/// Imports a CSV or .xlsx file of one pool kind: reads it, validates every row, and then — by mode — reports only,
/// writes all rows when none has an error, or writes just the valid rows. Writing is one transaction; a re-import of
/// the same file finds every record by its natural key and changes nothing.
/// </summary>
public sealed class PoolImporter(PlatformDbContext db, IServiceProvider services, ICatalogChanges changes, TimeProvider clock, ILogger<PoolImporter> log)
{
    /// <summary>
    /// Imports that write take turns in this process, from planning to commit: a second import of the same rows then
    /// plans against the first one's result (its rows are unchanged) instead of racing it to the unique keys. Between
    /// platform nodes the keys still decide, and the loser reports a conflict with nothing written.
    /// </summary>
    private static readonly SemaphoreSlim Writers = new(1, 1);

    /// <summary>Who may import this kind: the operator anything, a service provider its own solutions.</summary>
    public static bool MayImport(Viewer viewer, PoolKind kind) =>
        viewer.IsPlatformAdmin || (kind == PoolKind.Solutions && viewer.IsProvider);

    public async Task<Outcome<ImportReport>> ImportAsync(Viewer viewer, PoolKind kind, string fileName, byte[] content, ImportMode mode, CancellationToken ct = default)
    {
        if (!MayImport(viewer, kind))
        {
            return Outcome<ImportReport>.Forbidden(UiText.Pick(
                "只有平台运营方可以导入资源池数据；服务商只能导入自己的解决方案。",
                "Only the platform operator imports pool data; a service provider may import its own solutions."));
        }

        var read = TabularFile.Read(content, fileName);
        if (read.Table is not { } table)
        {
            var format = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
            return Outcome<ImportReport>.Ok(ImportReport.InvalidFile(kind, mode, format, null, [read.Error!]));
        }

        var pool = Table(kind);
        var binding = pool.Schema.Bind(table.Header);
        if (!binding.IsValid) return Outcome<ImportReport>.Ok(ImportReport.InvalidFile(kind, mode, table.Format, table.Encoding, binding.Errors));
        if (table.Rows.Count == 0)
        {
            return Outcome<ImportReport>.Ok(ImportReport.InvalidFile(kind, mode, table.Format, table.Encoding,
                [new EnterpriseMessage("file.noRows", "文件只有表头，没有数据行", "The file has a header but no data rows")]));
        }

        if (mode == ImportMode.Validate) return await PlanAndWriteAsync(kind, mode, table, pool, binding, viewer, ct);
        await Writers.WaitAsync(ct);
        try
        {
            return await PlanAndWriteAsync(kind, mode, table, pool, binding, viewer, ct);
        }
        finally
        {
            Writers.Release();
        }
    }

    private async Task<Outcome<ImportReport>> PlanAndWriteAsync(PoolKind kind, ImportMode mode, TabularTable table, PoolTable pool, HeaderBinding binding, Viewer viewer, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ImportPlan(binding);
        await pool.PlanAsync(viewer, plan, table.Rows, now, ct);

        var accepted = plan.Records.Where(r => !r.Rows.Any(plan.HasErrors)).ToList();
        var rejected = plan.BadRows.Count;
        var write = mode switch
        {
            ImportMode.Validate => false,
            ImportMode.All => rejected == 0,
            _ => true,
        };
        var outcome = mode switch
        {
            ImportMode.Validate => ImportOutcome.Validated,
            ImportMode.All when rejected > 0 => ImportOutcome.Refused,
            _ => ImportOutcome.Imported,
        };

        if (write && !await WriteAsync(pool, accepted, ct))
        {
            return Outcome<ImportReport>.Conflict(UiText.Pick(
                "同一时间另一次导入写入了相同的记录，本次没有写入任何数据。请重新导入这个文件。",
                "Another import wrote the same records at the same moment; nothing from this file was written. Import it again."));
        }

        int Count(RecordChange change) => accepted.Where(r => r.Change == change).Sum(r => r.Rows.Count);
        var errors = plan.Errors.OrderBy(e => e.Row).ToList();
        return Outcome<ImportReport>.Ok(new ImportReport(kind, mode, outcome, table.Format, table.Encoding, table.Rows.Count,
            table.Rows.Count - rejected, Count(RecordChange.Insert), Count(RecordChange.Update), Count(RecordChange.Unchanged), rejected, [], errors));
    }

    /// <summary>Writes the changed records in one transaction; false when a concurrent writer took a natural key first (nothing written).</summary>
    private async Task<bool> WriteAsync(PoolTable pool, List<PlannedRecord> records, CancellationToken ct)
    {
        var changed = records.Where(r => r.Change != RecordChange.Unchanged).ToList();
        if (changed.Count == 0) return true;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var record in changed) record.Apply();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            log.LogWarning(e, "Import of {Kind} refused: a unique key was written by another request meanwhile", pool.Kind);
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        log.LogInformation("Imported {Count} changed {Kind} record(s)", changed.Count, pool.Kind);
        if (pool.SearchKind is { } searchKind) await changes.ChangedAsync(searchKind, changed.Select(r => r.Id).Distinct().ToList(), ct);
        return true;
    }

    internal PoolTable Table(PoolKind kind) => kind switch
    {
        PoolKind.Providers => services.GetRequiredService<ProviderTable>(),
        PoolKind.Solutions => services.GetRequiredService<SolutionTable>(),
        PoolKind.Cases => services.GetRequiredService<CaseTable>(),
        PoolKind.Chains => services.GetRequiredService<ChainTable>(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
