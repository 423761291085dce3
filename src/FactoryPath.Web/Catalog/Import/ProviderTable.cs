using System.Runtime.CompilerServices;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog.Pool;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Catalog.Import;

/// <summary>Service providers as a table; the natural key is the credit code.</summary>
internal sealed class ProviderTable(PlatformDbContext db, ScenarioLibrary library) : PoolTable
{
    public override PoolKind Kind => PoolKind.Providers;

    public override string? SearchKind => Core.Matching.SearchDocumentKinds.Provider;

    public override async Task PlanAsync(Viewer viewer, ImportPlan plan, IReadOnlyList<TabularRow> rows, DateTime now, CancellationToken ct)
    {
        var b = plan.Binding;
        var codes = rows.Select(r => CreditCode.Normalize(b.Cell(r, PoolFields.CreditCode))).Where(c => c.Length > 0).Distinct().ToList();
        var existing = await db.Providers.Where(p => codes.Contains(p.CreditCode)).ToDictionaryAsync(p => p.CreditCode, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var code = CreditCode.Normalize(b.Cell(row, PoolFields.CreditCode));
            if (code.Length > 0 && !seen.TryAdd(code, row.RowNumber))
            {
                plan.Duplicate(row, PoolFields.CreditCode, seen[code], code);
                continue;
            }

            existing.TryGetValue(code, out var current);
            var cells = new RowCells(plan, row);
            var teamSize = cells.Int(PoolFields.TeamSize, current?.TeamSize);
            var input = new ProviderInput(
                cells.Text(PoolFields.Name, current?.Name),
                b.Cell(row, PoolFields.CreditCode),
                cells.Text(PoolFields.RegionCode, current?.RegionCode),
                cells.List(PoolFields.RegionsServed, current?.RegionsServed),
                cells.List(PoolFields.Industries, current?.Industries),
                cells.List(PoolFields.Scenarios, current?.Scenarios),
                cells.List(PoolFields.Certifications, current?.Certifications),
                teamSize,
                cells.Text(PoolFields.DescriptionZh, current?.DescriptionZh),
                cells.Text(PoolFields.DescriptionEn, current?.DescriptionEn),
                cells.Text(PoolFields.Website, current?.Website));
            var checkedInput = ProviderValidator.Validate(input, library);
            plan.ValidatorErrors(row, checkedInput.Errors, PoolFields.Name);
            if (plan.HasErrors(row.RowNumber) || checkedInput.Value is not { } v) continue;

            var target = current ?? new Provider { CreditCode = v.CreditCode, CreatedAt = now };
            var same = current is not null && Same(current, v);
            plan.Records.Add(new PlannedRecord([row.RowNumber], current is null ? RecordChange.Insert : same ? RecordChange.Unchanged : RecordChange.Update, target.Id, () =>
            {
                PoolRecords.Apply(target, v, now);
                if (current is null) db.Providers.Add(target);
            }));
        }
    }

    public override async IAsyncEnumerable<IReadOnlyList<string>> ExportAsync(Viewer viewer, bool chinese, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var p in db.Providers.AsNoTracking().OrderBy(p => p.CreditCode).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [p.CreditCode, p.Name, p.RegionCode, ListCell.Join(p.RegionsServed), ListCell.Join(p.Industries),
                ListCell.Join(p.Scenarios), ListCell.Join(p.Certifications), CellValues.Show(p.TeamSize), p.DescriptionZh, p.DescriptionEn, p.Website ?? ""];
        }
    }

    private static bool Same(Provider p, ProviderValues v) =>
        p.Name == v.Name && p.RegionCode == v.RegionCode && p.RegionsServed.SequenceEqual(v.RegionsServed)
        && p.Industries.SequenceEqual(v.Industries) && p.Scenarios.SequenceEqual(v.Scenarios)
        && p.Certifications.SequenceEqual(v.Certifications) && p.TeamSize == v.TeamSize && p.DescriptionZh == v.DescriptionZh
        && p.DescriptionEn == v.DescriptionEn && p.Website == v.Website;
}
