using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class ProviderImportTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<ApiClient> OperatorAsync() => Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);

    private static byte[] FileWithBadRows(string good1, string good2, string duplicate) => PoolData.Utf8(
        PoolData.ProviderHeader,
        PoolData.ProviderRow(good1),                                          // row 2: valid
        PoolData.ProviderRow(Codes.NewCreditCode(), name: ""),                 // row 3: name missing
        PoolData.ProviderRow("91330200MA0000000A"),                            // row 4: bad check character
        PoolData.ProviderRow(Codes.NewCreditCode(), industries: "34;99"),      // row 5: 99 is no manufacturing division
        PoolData.ProviderRow(Codes.NewCreditCode(), scenarios: "teleportation"), // row 6: unknown scenario
        PoolData.ProviderRow(Codes.NewCreditCode(), teamSize: "forty"),        // row 7: not a number
        PoolData.ProviderRow(duplicate),                                      // row 8: valid
        PoolData.ProviderRow(duplicate, name: "重复的一行"),                     // row 9: same credit code as row 8
        PoolData.ProviderRow(good2));                                         // row 10: valid

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_row_column_and_value_and_validate_writes_nothing()
    {
        var client = await OperatorAsync();
        var report = await client.ImportAsync("providers", "validate", FileWithBadRows(Codes.NewCreditCode(), Codes.NewCreditCode(), Codes.NewCreditCode()));

        Assert.Equal("validated", report.GetProperty("outcome").GetString());
        Assert.Equal(9, report.Int("rows"));
        Assert.Equal(6, report.Int("rejected"));
        Assert.Equal(3, report.Int("validRows"));
        Assert.Equal(3, report.Int("inserted"));
        var errors = report.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "名称", Code: "name.required" });
        Assert.Contains(errors, e => e is { Row: 4, Column: "统一社会信用代码", Value: "91330200MA0000000A", Code: "creditCode.checkCharacter" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "行业", Code: "industries.unknown" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "场景", Value: "teleportation", Code: "scenarios.unknown" });
        Assert.Contains(errors, e => e is { Row: 7, Column: "团队人数", Value: "forty", Code: "cell.notWholeNumber" });
        Assert.Contains(errors, e => e is { Row: 9, Column: "统一社会信用代码", Code: "row.duplicate" });
        Assert.DoesNotContain(errors, e => e.Row is 2 or 8 or 10);
        Assert.Equal(0, await PoolData.CountAsync<Provider>(_factory));
    }

    [Fact]
    public async Task Two_imports_of_the_same_new_rows_at_once_never_duplicate_and_never_fail_with_a_server_error()
    {
        var client = await OperatorAsync();
        var codes = Enumerable.Range(0, 40).Select(_ => Codes.NewCreditCode()).ToList();
        var file = PoolData.Utf8([PoolData.ProviderHeader, .. codes.Select(c => PoolData.ProviderRow(c))]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.UploadAsync("providers", "all", file)));

        // each import either wrote its rows or, when another took the same keys first, wrote nothing and said so
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == System.Net.HttpStatusCode.OK);
        var stored = await PoolData.QueryAsync(_factory, db => db.Providers.Select(p => p.CreditCode).ToListAsync());
        Assert.Equal(codes.Order(), stored.Order());
    }

    [Fact]
    public async Task Mode_all_with_a_bad_row_writes_nothing()
    {
        var client = await OperatorAsync();
        await PoolData.AddProviderAsync(_factory);
        var before = await PoolData.CountAsync<Provider>(_factory);

        var report = await client.ImportAsync("providers", "all", FileWithBadRows(Codes.NewCreditCode(), Codes.NewCreditCode(), Codes.NewCreditCode()));

        Assert.Equal("refused", report.GetProperty("outcome").GetString());
        Assert.False(report.GetProperty("written").GetBoolean());
        Assert.Equal(before, await PoolData.CountAsync<Provider>(_factory));
    }

    [Fact]
    public async Task Valid_only_writes_exactly_the_valid_rows_and_a_second_import_changes_nothing()
    {
        var client = await OperatorAsync();
        var (good1, good2, duplicate) = (Codes.NewCreditCode(), Codes.NewCreditCode(), Codes.NewCreditCode());
        var file = FileWithBadRows(good1, good2, duplicate);

        var first = await client.ImportAsync("providers", "valid-only", file);
        Assert.Equal("imported", first.GetProperty("outcome").GetString());
        Assert.Equal(3, first.Int("inserted"));
        var codes = await PoolData.QueryAsync(_factory, db => db.Providers.Select(p => p.CreditCode).ToListAsync());
        Assert.Equal(new[] { good1, good2, duplicate }.Order(), codes.Order());
        var stored = await PoolData.QueryAsync(_factory, db => db.Providers.FirstAsync(p => p.CreditCode == duplicate));
        Assert.Equal("宁波智造科技有限公司", stored.Name); // the first of the duplicate rows, not the second
        Assert.Equal(["34", "35"], stored.Industries);
        Assert.Equal(["330000", "320000"], stored.RegionsServed);

        var again = await client.ImportAsync("providers", "valid-only", file);
        Assert.Equal(0, again.Int("inserted"));
        Assert.Equal(0, again.Int("updated"));
        Assert.Equal(3, again.Int("unchanged"));
        Assert.Equal(3, await PoolData.CountAsync<Provider>(_factory));
    }

    [Fact]
    public async Task A_changed_row_updates_the_provider_found_by_credit_code()
    {
        var client = await OperatorAsync();
        var code = Codes.NewCreditCode();
        await client.ImportAsync("providers", "all", PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(code, teamSize: "40")));

        var report = await client.ImportAsync("providers", "all", PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(code.ToLowerInvariant(), teamSize: "55")));

        Assert.Equal(1, report.Int("updated"));
        var stored = await PoolData.QueryAsync(_factory, db => db.Providers.SingleAsync());
        Assert.Equal(55, stored.TeamSize);
    }

    [Fact]
    public async Task A_gbk_encoded_file_is_read_with_its_chinese_text()
    {
        var client = await OperatorAsync();
        var code = Codes.NewCreditCode();
        var text = PoolData.ProviderHeader + "\r\n" + PoolData.ProviderRow(code, name: "温州市瓯海区精密阀门数字化服务有限公司") + "\r\n";

        var report = await client.ImportAsync("providers", "all", TextEncodings.Gb18030.GetBytes(text));

        Assert.Equal("gb18030", report.GetProperty("encoding").GetString());
        Assert.Equal(1, report.Int("inserted"));
        var stored = await PoolData.QueryAsync(_factory, db => db.Providers.SingleAsync());
        Assert.Equal("温州市瓯海区精密阀门数字化服务有限公司", stored.Name);
        Assert.Equal("设备联网与监测", stored.DescriptionZh);
    }

    [Fact]
    public async Task Unknown_and_missing_columns_are_a_file_error_naming_them()
    {
        var client = await OperatorAsync();
        var response = await client.UploadAsync("providers", "validate", PoolData.Utf8("名称,电话", "某公司,123"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("电话", body);
        Assert.Contains("credit_code", body);
    }

    [Fact]
    public async Task Export_to_xlsx_and_csv_imports_back_as_unchanged()
    {
        var client = await OperatorAsync();
        await client.ImportAsync("providers", "all", PoolData.Utf8(PoolData.ProviderHeader,
            PoolData.ProviderRow(Codes.NewCreditCode()), PoolData.ProviderRow(Codes.NewCreditCode(), name: "\"带,逗号和\"\"引号\"\"的公司\"")));

        foreach (var (format, encoding, name) in new[] { ("xlsx", "utf-8", "export.xlsx"), ("csv", "gb18030", "export.csv"), ("csv", "utf-8", "export.csv") })
        {
            var export = await client.Http.GetAsync($"/api/v1/pool/providers/export?format={format}&encoding={encoding}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var bytes = await export.Content.ReadAsByteArrayAsync();
            var report = await client.ImportAsync("providers", "validate", bytes, name);
            Assert.Equal(2, report.Int("unchanged"));
            Assert.Equal(0, report.Int("rejected"));
            if (format == "csv") Assert.Equal(encoding, report.GetProperty("encoding").GetString());
        }

        var stored = await PoolData.QueryAsync(_factory, db => db.Providers.Select(p => p.Name).ToListAsync());
        Assert.Contains("带,逗号和\"引号\"的公司", stored);
    }

    [Fact]
    public async Task The_template_has_the_headers_and_no_rows()
    {
        var client = await OperatorAsync();
        var csv = await client.Http.GetByteArrayAsync("/api/v1/pool/solutions/template?format=csv&headers=en");
        var table = CsvReader.Read(csv).Table!;
        Assert.Equal("provider_credit_code", table.Header[0]);
        Assert.Empty(table.Rows);

        var xlsx = await client.Http.GetByteArrayAsync("/api/v1/pool/chains/template?format=xlsx&headers=zh");
        var sheet = TabularFile.Read(xlsx, "t.xlsx").Table!;
        Assert.Equal("产业链名称", sheet.Header[0]);
    }
}
