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

/// <summary>
/// Solutions as a table: the provider is named by its credit code; the natural key is provider and Chinese title.
/// A service provider may import only rows of its own provider; other rows are rejected one by one.
/// </summary>
internal sealed class SolutionTable(PlatformDbContext db, ScenarioLibrary library) : PoolTable
{
    public override PoolKind Kind => PoolKind.Solutions;

    public override string? SearchKind => Core.Matching.SearchDocumentKinds.Solution;

    public override async Task PlanAsync(Viewer viewer, ImportPlan plan, IReadOnlyList<TabularRow> rows, DateTime now, CancellationToken ct)
    {
        var b = plan.Binding;
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.CreditCode }).ToDictionaryAsync(p => p.CreditCode, p => p.Id, ct);
        var providerIds = rows.Select(r => providers.GetValueOrDefault(CreditCode.Normalize(b.Cell(r, PoolColumns.ProviderCreditCode)))).Where(id => id != Guid.Empty).Distinct().ToList();
        var existing = new Dictionary<(Guid, string), Solution>();
        foreach (var s in await db.Solutions.Where(s => providerIds.Contains(s.ProviderId)).ToListAsync(ct)) existing[(s.ProviderId, s.TitleZh)] = s;
        var seen = new Dictionary<(string, string), int>();

        foreach (var row in rows)
        {
            var code = CreditCode.Normalize(b.Cell(row, PoolColumns.ProviderCreditCode));
            var title = b.Cell(row, PoolFields.TitleZh);
            if (code.Length > 0 && title.Length > 0 && !seen.TryAdd((code, title), row.RowNumber))
            {
                plan.Duplicate(row, PoolFields.TitleZh, seen[(code, title)], $"{code} / {title}");
                continue;
            }

            var providerId = ProviderOf(viewer, plan, row, code, providers);
            Solution? current = providerId is { } pid ? existing.GetValueOrDefault((pid, title)) : null;
            var cells = new RowCells(plan, row);
            var input = new SolutionInput(
                providerId,
                title,
                cells.Text(PoolFields.TitleEn, current?.TitleEn),
                cells.Text(PoolFields.DescriptionZh, current?.DescriptionZh),
                cells.Text(PoolFields.DescriptionEn, current?.DescriptionEn),
                cells.List(PoolFields.Scenarios, current?.Scenarios),
                cells.List(PoolFields.Industries, current?.Industries),
                cells.List(PoolFields.SizeClasses, current?.SizeClasses.Select(s => s.ToString())),
                cells.Text(PoolFields.Deployment, current?.Deployment.ToString()),
                cells.Long(PoolFields.PriceMinCny, current?.PriceMinCny),
                cells.Long(PoolFields.PriceMaxCny, current?.PriceMaxCny),
                cells.Int(PoolFields.ImplementationWeeks, current?.ImplementationWeeks),
                cells.Bool(PoolColumns.Standardised, current?.Standardised ?? false));
            var checkedInput = SolutionValidator.Validate(input, library);
            plan.ValidatorErrors(row, checkedInput.Errors, PoolFields.TitleZh);
            if (plan.HasErrors(row.RowNumber) || checkedInput.Value is not { } v || providerId is not { } provider) continue;

            var target = current ?? new Solution { ProviderId = provider, TitleZh = v.TitleZh, CreatedAt = now };
            var change = current is null ? RecordChange.Insert : Same(current, v) ? RecordChange.Unchanged : RecordChange.Update;
            plan.Records.Add(new PlannedRecord([row.RowNumber], change, target.Id, () =>
            {
                PoolRecords.Apply(target, v, now);
                if (current is null) db.Solutions.Add(target);
            }));
        }
    }

    private static Guid? ProviderOf(Viewer viewer, ImportPlan plan, TabularRow row, string code, Dictionary<string, Guid> providers)
    {
        var check = CreditCode.Validate(code);
        if (check.Error is { } error)
        {
            plan.Error(row, PoolColumns.ProviderCreditCode, error);
            return null;
        }

        if (!providers.TryGetValue(code, out var id))
        {
            plan.Error(row, PoolColumns.ProviderCreditCode, new EnterpriseMessage("provider.unknown",
                $"资源池中没有统一社会信用代码为 {code} 的服务商，请先导入服务商",
                $"No service provider with credit code {code} is in the pool; import the provider first"));
            return null;
        }

        if (!viewer.IsPlatformAdmin && viewer.ProviderId != id)
        {
            plan.Error(row, PoolColumns.ProviderCreditCode, new EnterpriseMessage("provider.notYours",
                $"只能导入本服务商的解决方案，{code} 不是您的服务商",
                $"You may import only your own provider's solutions; {code} is not yours"));
            return null;
        }

        return id;
    }

    public override async IAsyncEnumerable<IReadOnlyList<string>> ExportAsync(Viewer viewer, bool chinese, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = from s in db.Solutions.AsNoTracking()
                    join p in db.Providers.AsNoTracking() on s.ProviderId equals p.Id
                    orderby p.CreditCode, s.TitleZh
                    select new { s, p.CreditCode };
        await foreach (var x in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var s = x.s;
            yield return [x.CreditCode, s.TitleZh, s.TitleEn, s.DescriptionZh, s.DescriptionEn, ListCell.Join(s.Scenarios), ListCell.Join(s.Industries),
                ListCell.Join(s.SizeClasses.Select(c => chinese ? c.Zh() : c.ToString())), chinese ? s.Deployment.Name().Zh : s.Deployment.ToString(),
                CellValues.Show(s.PriceMinCny), CellValues.Show(s.PriceMaxCny), CellValues.Show(s.ImplementationWeeks), CellValues.Show(s.Standardised, chinese)];
        }
    }

    private static bool Same(Solution s, SolutionValues v) =>
        s.TitleEn == v.TitleEn && s.DescriptionZh == v.DescriptionZh && s.DescriptionEn == v.DescriptionEn
        && s.Scenarios.SequenceEqual(v.Scenarios) && s.Industries.SequenceEqual(v.Industries) && s.SizeClasses.SequenceEqual(v.SizeClasses)
        && s.Deployment == v.Deployment && s.PriceMinCny == v.PriceMinCny && s.PriceMaxCny == v.PriceMaxCny
        && s.ImplementationWeeks == v.ImplementationWeeks && s.Standardised == v.Standardised;
}
