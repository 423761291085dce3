using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Regional;
using MiniExcelLibs;

namespace FactoryPath.Web.Tests.Region;

/// <summary>
/// The console's downloads and printable report over the hand-made data set of <see cref="RegionStatisticsTests"/>
/// (Zhejiang: Wenzhou's three enterprises hidden as "&lt;5" with Hangzhou as their complement, small level and market cells
/// hidden, no rate indicators). Files are compared cell by cell with what the page renders and with the API's JSON.
/// </summary>
public sealed class RegionExportTests : IClassFixture<RegionStatisticsTests.World>
{
    private readonly RegionStatisticsTests.World _w;

    public RegionExportTests(RegionStatisticsTests.World world) => _w = world;

    private static readonly string[] TableKeys = RegionTables.All.Select(d => d.Key).ToArray();

    public static TheoryData<string, string> TablesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var key in TableKeys)
                foreach (var culture in new[] { "zh-CN", "en" }) data.Add(key, culture);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TablesAndLanguages))]
    public async Task Each_table_downloads_as_csv_and_xlsx_with_the_cells_the_page_shows(string key, string culture)
    {
        var page = await PageClient.SignedInAsync(_w.Factory, await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000"), ApiClient.Password, culture);
        var document = await page.GetDocumentAsync("/region/330000");
        var expected = ScreenRows(document, key);
        var lang = culture == "en" ? "en" : "zh";
        var definition = RegionTables.Find(key)!;
        var headers = expected[0].Skip(definition.GroupHeader is null ? 0 : 1).ToList();
        var described = definition.Columns.Select(c => c.HeaderIn(lang == "zh")).ToList();
        if (definition.ColumnsFor is null) Assert.Equal(described, headers);
        else
        {
            // columns from the data (levels, divisions) come between the described ones
            Assert.Equal(described[0], headers[0]);
            Assert.All(described, d => Assert.Contains(d, headers));
        }

        var link = document.QuerySelector($"[data-testid=export-{key}-csv]")!.GetAttribute("href")!;
        Assert.Equal($"/region/330000/export/{key}?format=csv&lang={lang}", link);
        var csvResponse = await page.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Matches($"^region-330000-{key}-\\d{{8}}\\.csv$", csvResponse.Content.Headers.ContentDisposition!.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var csvBytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes.Take(3));
        var csv = CsvReader.Read(csvBytes).Table!;
        Assert.Equal(expected, new[] { csv.Header }.Concat(csv.Rows.Select(r => r.Cells)).Select(r => r.ToList()).ToList());

        var xlsxResponse = await page.Http.GetAsync(document.QuerySelector($"[data-testid=export-{key}-xlsx]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal(RegionExport.XlsxType, xlsxResponse.Content.Headers.ContentType?.MediaType);
        var sheet = Sheets(await xlsxResponse.Content.ReadAsByteArrayAsync()).Single().Rows;
        Assert.Equal(expected.Count, sheet.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r].Count, sheet[r].Count);
            for (var c = 0; c < expected[r].Count; c++) AssertSameCell(expected[r][c], sheet[r][c], header: r == 0);
        }
    }

    [Fact]
    public async Task Suppressed_cells_stay_suppressed_in_the_files_as_in_the_api()
    {
        var api = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var summary = await ApiClient.ReadAsync(await api.Http.GetAsync("/api/v1/region/330000/summary"));

        var districts = await CsvAsync(api, "district", "en");
        var byDistrict = summary.GetProperty("byDistrict").EnumerateArray().ToList();
        Assert.Equal(byDistrict.Count, districts.Rows.Count);
        var hidden = 0;
        foreach (var (json, row) in byDistrict.Zip(districts.Rows))
        {
            Assert.EndsWith($"({json.GetProperty("code").GetString()})", row.Cell(0));
            Assert.Equal(CellText(json.GetProperty("registered")), row.Cell(1));
            Assert.Equal(CellText(json.GetProperty("assessed")), row.Cell(2));
            if (json.GetProperty("registered").GetProperty("suppressed").GetBoolean()) hidden++;
        }
        Assert.Equal(2, hidden); // Wenzhou (3) and, as its complement, Hangzhou (7)
        Assert.Equal("<5", districts.Rows.Single(r => r.Cell(0).EndsWith("(330300)", StringComparison.Ordinal)).Cell(1));

        var levels = await CsvAsync(api, "levels", "en");
        var expected = summary.GetProperty("levels").EnumerateArray().SelectMany(m => m.GetProperty("levels").EnumerateArray()
            .Select(l => new[] { $"Level {l.GetProperty("level").GetInt32()}", CellText(l.GetProperty("enterprises")) })).ToList();
        Assert.Equal(expected, levels.Rows.Select(r => new[] { r.Cell(1), r.Cell(2) }).ToList());
        Assert.Contains(levels.Rows, r => r.Cell(2) == "<5");

        var market = await CsvAsync(api, "market", "en");
        Assert.Equal(["Demands posted", "7", "6"], market.Rows[0].Cells);
        Assert.Equal(["Proposal accepted", "<5", "<5"], market.Rows[3].Cells);

        var workbook = await api.Http.GetAsync("/api/v1/region/330000/export?lang=en");
        var sheets = Sheets(await workbook.Content.ReadAsByteArrayAsync());
        var districtSheet = sheets.Single(s => s.Name == "By district").Rows;
        foreach (var (json, row) in byDistrict.Zip(districtSheet.Skip(1)))
        {
            var count = json.GetProperty("registered").GetProperty("count");
            if (count.ValueKind == JsonValueKind.Null) Assert.Equal("<5", row[1]);
            else Assert.Equal((double)count.GetInt32(), Assert.IsType<double>(row[1]));
        }
    }

    [Theory]
    [InlineData("zh", "封面", "按地区", "注册企业", "等级分布（各企业最新评估结果）")]
    [InlineData("en", "Cover", "By district", "Enterprises registered", "Level distribution (each enterp")]
    public async Task The_workbook_has_a_cover_and_every_table_as_a_sheet_in_the_language_asked(string lang, string cover, string district, string registered, string levelsSheet)
    {
        var api = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var response = await api.Http.GetAsync($"/api/v1/region/330200/export?lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^region-330200-\\d{8}\\.xlsx$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var sheets = Sheets(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + RegionTables.All.Count, sheets.Count);
        Assert.Equal(cover, sheets[0].Name);
        Assert.Equal(district, sheets[1].Name);
        Assert.Equal(levelsSheet, sheets[3].Name);
        var coverText = string.Join("\n", sheets[0].Rows.Select(r => string.Join("|", r)));
        Assert.Contains("(330200)", coverText);
        Assert.Contains("<5", coverText);                                                  // the suppression rule
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), coverText);
        Assert.Equal(registered, sheets[1].Rows[0][1]);

        // every table sheet holds what the single-table download holds
        for (var i = 0; i < RegionTables.All.Count; i++)
        {
            var single = await api.Http.GetAsync($"/api/v1/region/330200/export/{RegionTables.All[i].Key}?format=xlsx&lang={lang}");
            Assert.Equal(Sheets(await single.Content.ReadAsByteArrayAsync()).Single().Rows, sheets[i + 1].Rows);
        }
    }

    [Fact]
    public async Task Without_lang_the_headers_follow_the_culture_and_bad_parameters_are_refused()
    {
        var admin = await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var zh = await PageClient.SignedInAsync(_w.Factory, admin, ApiClient.Password, "zh-CN");
        var csv = CsvReader.Read(await zh.Http.GetByteArrayAsync("/region/330000/export/industry?format=csv")).Table!;
        Assert.Equal(["所属行业（国民经济行业分类）", "注册企业", "已评估企业"], csv.Header);
        var en = await PageClient.SignedInAsync(_w.Factory, admin, ApiClient.Password, "en");
        Assert.Equal("Enterprises registered", CsvReader.Read(await en.Http.GetByteArrayAsync("/region/330000/export/industry?format=csv")).Table!.Header[1]);

        var api = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        foreach (var (path, field) in new[]
                 {
                     ("/api/v1/region/330000/export/district", "format"), ("/api/v1/region/330000/export/district?format=pdf", "format"),
                     ("/api/v1/region/330000/export/district?format=csv&lang=fr", "lang"), ("/api/v1/region/330000/export?format=csv", "format"),
                 })
        {
            var response = await api.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _), path);
        }
        var unknown = await api.Http.GetAsync("/api/v1/region/330000/export/no-such-table?format=csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("zh-CN", "区域数字化转型统计报告", "打印")]
    [InlineData("en", "Regional digital transformation statistics", "Print")]
    public async Task The_printable_report_renders_every_table_with_charts_totals_and_notes(string culture, string title, string print)
    {
        var page = await PageClient.SignedInAsync(_w.Factory, await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000"), ApiClient.Password, culture);
        var console = await page.GetDocumentAsync("/region/330000");
        Assert.Equal("/region/330000/report", console.QuerySelector("[data-testid=region-report-link]")!.GetAttribute("href"));
        var report = await page.GetDocumentAsync("/region/330000/report");

        Assert.Contains(title, report.QuerySelector("[data-testid=region-name]")!.TextContent);
        Assert.Equal(print, report.QuerySelector("[data-testid=print]")!.TextContent.Trim());
        Assert.Contains("no-print", report.QuerySelector("[data-testid=print]")!.ParentElement!.ClassName);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.QuerySelector("[data-testid=report-date]")!.TextContent);
        Assert.Equal(console.QuerySelector("[data-testid=total-registered]")!.TextContent, report.QuerySelector("[data-testid=total-registered]")!.TextContent);
        Assert.Contains("<5", report.QuerySelector("[data-testid=report-notes]")!.TextContent);
        Assert.Contains("GB/T 2260", report.QuerySelector("[data-testid=report-notes]")!.TextContent);

        // every table the console shows, with the same cells, and no download or drill-down links to print
        Assert.Equal(TableKeys, report.QuerySelectorAll("[data-table]").Select(s => s.GetAttribute("data-table")!));
        foreach (var key in TableKeys) Assert.Equal(ScreenRows(console, key), ScreenRows(report, key));
        Assert.Empty(report.QuerySelectorAll("[data-testid^=export-], [data-testid^=drill-]"));
        Assert.NotNull(report.QuerySelector("[data-testid='levels-chart-m-a'][data-chart]"));
    }

    [Theory]
    [InlineData("/region/440000/report", HttpStatusCode.Forbidden)]
    [InlineData("/region/999999/report", HttpStatusCode.NotFound)]
    [InlineData("/region/440000/export/district?format=csv", HttpStatusCode.Forbidden)]
    [InlineData("/region/440000/export", HttpStatusCode.Forbidden)]
    [InlineData("/region/330000/export/no-such-table?format=csv", HttpStatusCode.NotFound)]
    [InlineData("/region/339900/export", HttpStatusCode.NotFound)]
    public async Task A_province_admin_gets_no_report_or_file_outside_its_province(string path, HttpStatusCode expected)
    {
        var page = await PageClient.SignedInAsync(_w.Factory, await Users.CreateAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000"), ApiClient.Password);
        var response = await page.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("total-registered", body);
        Assert.DoesNotContain("Shenzhen", body);
    }

    [Fact]
    public void A_new_definition_with_columns_from_the_data_exports_with_no_further_code()
    {
        var stage = new MarketStage(StatCell.Shown(0), StatCell.Shown(0));
        var summary = new RegionSummary(new RegionRef("330000", FactoryPath.Core.Enterprises.RegionLevel.Province, "浙江省", "Zhejiang", null),
            new RegionTotals(StatCell.Shown(12), StatCell.Shown(12)), [], [], [], [], new MarketCounts(stage, stage, stage, stage), [], 5);
        var scene = new RegionColumn("scene", new("场景", "Scene"), RegionColumnKind.Label);
        var heat = new RegionTableDefinition("heat", new("场景 × 行业", "Scene × industry"), [scene],
            (s, zh) => RegionTableGroup.Single([new RegionTableRow("planning", [RegionCell.Label(zh ? "计划排产" : "Planning"), RegionCell.Of(StatCell.Shown(7)), RegionCell.Of(StatCell.Hidden())])]))
        {
            ColumnsFor = s => [scene, new("34", new("34 通用设备", "34 General machinery"), RegionColumnKind.Count), new("39", new("39 电子", "39 Electronics"), RegionColumnKind.Count)],
        };

        var table = heat.For(summary, chinese: false);
        var csv = CsvReader.Read(RegionExport.Csv(table)).Table!;
        Assert.Equal(["Scene", "34 General machinery", "39 Electronics"], csv.Header);
        Assert.Equal(["Planning", "7", "<5"], csv.Rows.Single().Cells);
        var sheet = Sheets(RegionExport.Xlsx(table)).Single();
        Assert.Equal("Scene × industry", sheet.Name);
        Assert.Equal(new object?[] { "Planning", 7d, "<5" }, sheet.Rows[1]);

        var broken = heat with { ColumnsFor = null };
        Assert.Throws<InvalidOperationException>(() => broken.For(summary, chinese: true));
    }

    /// <summary>A table of the page as the files should hold it: header row, then one row per table row (group title first for grouped tables).</summary>
    internal static List<List<string>> ScreenRows(IDocument document, string key)
    {
        var section = document.QuerySelector($"[data-table={key}]")!;
        var definition = RegionTables.Find(key)!;
        var grouped = definition.GroupHeader is not null;
        var chinese = document.DocumentElement.GetAttribute("lang")?.StartsWith("zh", StringComparison.Ordinal) ?? true;
        var tables = section.QuerySelectorAll("table").ToList();
        var columns = tables.Count > 0
            ? tables[0].QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList()
            : definition.Columns.Select(c => c.HeaderIn(chinese)).ToList();
        var header = (grouped ? [chinese ? definition.GroupHeader!.Zh : definition.GroupHeader!.En] : new List<string>()).Concat(columns).ToList();
        var titles = section.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()).ToList();
        var rows = new List<List<string>> { header };
        for (var t = 0; t < tables.Count; t++)
        {
            foreach (var tr in tables[t].QuerySelectorAll("tbody tr"))
            {
                var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
                rows.Add(grouped ? [GroupTitle(titles[t]), .. cells] : cells);
            }
        }
        return rows;
    }

    // the page's group heading is "title · note"; the files carry the title
    private static string GroupTitle(string heading) => heading.Split(" · ")[0];

    private static void AssertSameCell(string screen, object? file, bool header)
    {
        if (!header && double.TryParse(screen.Replace(" %", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            Assert.Equal(number, Assert.IsType<double>(file), 6);
        else
            Assert.Equal(screen, Assert.IsType<string>(file));
    }

    private static string CellText(JsonElement cell) =>
        cell.GetProperty("count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32().ToString(CultureInfo.InvariantCulture) : "<5";

    private static async Task<TabularTable> CsvAsync(ApiClient api, string key, string lang)
    {
        var response = await api.Http.GetAsync($"/api/v1/region/330000/export/{key}?format=csv&lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = CsvReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(read.Error);
        return read.Table!;
    }

    /// <summary>Every sheet of a workbook, read with MiniExcel: rows of cell values (numbers as double, text as string).</summary>
    internal static List<(string Name, List<List<object?>> Rows)> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var sheets = new List<(string, List<List<object?>>)>();
        foreach (var name in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
            sheets.Add((name, rows));
        }
        return sheets;
    }
}
