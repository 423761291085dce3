using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Import;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Tabular;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// The resource-pool import up to its database lookups: <see cref="TabularFile.Read"/>, the header bound to each pool
/// kind's columns (<see cref="TabularSchema.Bind"/>), and every row read the way the web import's tables read it — numbers,
/// yes/no, lists, KPI cells, credit codes — then checked by the pool validators (with no record found in a database:
/// provider, enterprise and solution ids are unknown). Promise: never throws; every refusal is an error in both
/// languages. The database half of planning (natural keys, existing records) is covered by the web import tests.
/// </summary>
public sealed class PoolImportRowsTarget : TextTarget
{
    private static readonly Lazy<ScenarioLibrary> Library = new(ScenarioLibrary.LoadEmbedded);

    public override string Name => "pool-import";

    public override string Description => "resource-pool import rows (TabularFile, PoolColumns, CellValues, KpiCell, pool validators)";

    public override string Extension => ".csv";

    public override int ShortCampaignInputs => 3_000;

    protected override IReadOnlyList<string> Tokens => CsvTableTarget.CsvTokens;

    /// <summary>Shares the CSV target's corpus: one upload per pool kind, in every supported encoding.</summary>
    public override string CorpusName => "csv-table";

    protected override string DecodeForMutation(byte[] input) => TextEncodings.Decode(input).Text;

    public override Verdict Run(byte[] input)
    {
        var read = TabularFile.Read(input, "pool.csv");
        if (TableResults.Check(read) == Verdict.Rejected) return Verdict.Rejected;
        var table = read.Table!;
        var accepted = false;
        foreach (var kind in Enum.GetValues<PoolKind>())
        {
            var binding = PoolColumns.For(kind).Bind(table.Header);
            if (!binding.IsValid)
            {
                Messages(binding.Errors);
                continue;
            }

            accepted = true;
            foreach (var row in table.Rows)
            {
                Messages(ReadRow(kind, new Cells(binding, row)));
            }
        }

        return accepted ? Verdict.Accepted : Verdict.Rejected;
    }

    private static IEnumerable<EnterpriseMessage> ReadRow(PoolKind kind, Cells cells)
    {
        var library = Library.Value;
        switch (kind)
        {
            case PoolKind.Providers:
                return cells.Errors.Concat(ProviderValidator.Validate(new ProviderInput(
                    cells.Text(PoolFields.Name), cells.Text(PoolFields.CreditCode), cells.Text(PoolFields.RegionCode),
                    cells.List(PoolFields.RegionsServed), cells.List(PoolFields.Industries), cells.List(PoolFields.Scenarios),
                    cells.List(PoolFields.Certifications), cells.Int(PoolFields.TeamSize), cells.Text(PoolFields.DescriptionZh),
                    cells.Text(PoolFields.DescriptionEn), cells.Text(PoolFields.Website)), library).Errors.Values).ToList();
            case PoolKind.Solutions:
            {
                var code = CreditCode.Validate(CreditCode.Normalize(cells.Text(PoolColumns.ProviderCreditCode)));
                var input = new SolutionInput(
                    code.Error is null ? Guid.NewGuid() : null, cells.Text(PoolFields.TitleZh), cells.Text(PoolFields.TitleEn),
                    cells.Text(PoolFields.DescriptionZh), cells.Text(PoolFields.DescriptionEn), cells.List(PoolFields.Scenarios),
                    cells.List(PoolFields.Industries), cells.List(PoolFields.SizeClasses), cells.Text(PoolFields.Deployment),
                    cells.Long(PoolFields.PriceMinCny), cells.Long(PoolFields.PriceMaxCny), cells.Int(PoolFields.ImplementationWeeks),
                    cells.Bool(PoolColumns.Standardised));
                return cells.Errors.Concat(code.Error is { } e ? [e] : []).Concat(SolutionValidator.Validate(input, library).Errors.Values).ToList();
            }

            case PoolKind.Cases:
            {
                List<KpiChangeInput>? kpis = null;
                var kpiErrors = new List<EnterpriseMessage>();
                if (cells.Present(PoolFields.Kpis))
                {
                    if (KpiCell.TryParse(cells.Text(PoolFields.Kpis) ?? "", out var parsed, out var error)) kpis = parsed;
                    else kpiErrors.Add(error!);
                }

                var input = new CaseInput(
                    cells.Text(PoolFields.TitleZh), cells.Text(PoolFields.TitleEn), cells.Text(PoolFields.SummaryZh), cells.Text(PoolFields.SummaryEn),
                    null, cells.Text(PoolFields.EnterpriseName), cells.Bool(PoolColumns.Anonymised), cells.Text(PoolFields.IndustryCode),
                    cells.Text(PoolFields.RegionCode), cells.List(PoolFields.Scenarios), cells.Text(PoolFields.Tier), cells.Int(PoolFields.Year),
                    null, null, kpis);
                var enterprise = CreditCode.Validate(CreditCode.Normalize(cells.Text(PoolColumns.EnterpriseCreditCode)));
                return cells.Errors.Concat(kpiErrors).Concat(enterprise.Error is { } e ? [e] : [])
                    .Concat(CaseValidator.Validate(input, library, 2026).Errors.Values).ToList();
            }

            default:
            {
                var code = CreditCode.Normalize(cells.Text(PoolColumns.MemberCreditCode));
                var member = new ChainMemberInput(null, code, cells.Text(PoolFields.Role), cells.Int(PoolFields.Tier));
                var input = new ChainInput(cells.Text(PoolFields.NameZh), cells.Text(PoolFields.NameEn), cells.Text(PoolFields.DescriptionZh),
                    cells.Text(PoolFields.DescriptionEn), cells.List(PoolFields.Industries), cells.Text(PoolFields.RegionCode), [member]);
                return cells.Errors.Concat(ChainValidator.Validate(input).Errors.Values).ToList();
            }
        }
    }

    private static void Messages(IEnumerable<EnterpriseMessage> messages)
    {
        foreach (var m in messages)
        {
            Promise.Require(m.Code.Length > 0 && m.Zh.Length > 0 && m.En.Length > 0, $"error '{m.Code}' is given in both languages");
        }
    }

    /// <summary>A row's cells as the web import's RowCells reads them: a column the file leaves out is null.</summary>
    private sealed class Cells(HeaderBinding binding, TabularRow row)
    {
        public List<EnterpriseMessage> Errors { get; } = [];

        public bool Present(string key) => binding.Has(key);

        public string? Text(string key) => Present(key) ? binding.Cell(row, key) : null;

        public IReadOnlyList<string?>? List(string key) => Present(key) ? ListCell.Split(binding.Cell(row, key)) : null;

        public int? Int(string key)
        {
            if (!Present(key)) return null;
            if (CellValues.TryInt(binding.Cell(row, key), out var value, out var error)) return value;
            Errors.Add(error!);
            return null;
        }

        public long? Long(string key)
        {
            if (!Present(key)) return null;
            if (CellValues.TryLong(binding.Cell(row, key), out var value, out var error)) return value;
            Errors.Add(error!);
            return null;
        }

        public bool Bool(string key)
        {
            if (!Present(key)) return false;
            if (CellValues.TryBool(binding.Cell(row, key), out var value, out var error)) return value;
            Errors.Add(error!);
            return false;
        }
    }
}
