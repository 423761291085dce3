using System.Text;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Tests.Tabular;

public sealed class TabularSchemaTests
{
    private static readonly TabularSchema Schema = new([
        new TabularColumn("creditCode", "统一社会信用代码", "credit_code", Required: true),
        new TabularColumn("name", "名称", "name", Required: true),
        new TabularColumn("regions", "服务地区", "regions_served", IsList: true),
    ]);

    [Fact]
    public void Chinese_and_english_headers_bind_case_insensitively_and_trimmed()
    {
        var binding = Schema.Bind([" CREDIT_CODE ", "名称"]);

        Assert.True(binding.IsValid);
        var row = new TabularRow(2, [" 91330200MA0000000X ", "某公司"]);
        Assert.Equal("91330200MA0000000X", binding.Cell(row, "creditCode"));
        Assert.Equal("某公司", binding.Cell(row, "name"));
        Assert.Equal("", binding.Cell(row, "regions"));
        Assert.Equal("CREDIT_CODE", binding.HeaderOf("creditCode"));
    }

    [Fact]
    public void Unknown_and_missing_required_columns_are_named()
    {
        var binding = Schema.Bind(["名称", "电话"]);

        Assert.False(binding.IsValid);
        Assert.Contains(binding.Errors, e => e.Code == "header.unknown" && e.Zh.Contains("电话"));
        Assert.Contains(binding.Errors, e => e.Code == "header.missing" && e.En.Contains("credit_code") && e.Zh.Contains("统一社会信用代码"));
    }

    [Fact]
    public void A_column_given_twice_is_an_error()
    {
        var binding = Schema.Bind(["名称", "name", "credit_code"]);

        Assert.Contains(binding.Errors, e => e.Code == "header.repeated");
    }

    [Theory]
    [InlineData("330000;330100", 2)]
    [InlineData("330000；330100、320000", 3)]
    [InlineData("C10 | C20 ,C30", 3)]
    [InlineData(" ; ;", 0)]
    [InlineData("", 0)]
    public void List_cells_split_on_every_separator(string cell, int count)
    {
        Assert.Equal(count, ListCell.Split(cell).Count);
    }

    [Fact]
    public void Csv_written_in_gb18030_decodes_back()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvWriter(stream, TextEncodings.Gb18030))
        {
            writer.WriteRow(["名称", "说明"]);
            writer.WriteRow(["某公司", "含,逗号\"引号\"\n换行"]);
        }

        var table = CsvReader.Read(stream.ToArray()).Table!;
        Assert.Equal("gb18030", table.Encoding);
        Assert.Equal(["某公司", "含,逗号\"引号\"\n换行"], table.Rows[0].Cells);
    }

    [Fact]
    public void Csv_written_in_utf8_starts_with_a_bom()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvWriter(stream)) writer.WriteRow(["名称"]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, stream.ToArray()[..3]);
        Assert.Equal("名称\r\n", new UTF8Encoding(true).GetString(stream.ToArray()[3..]));
    }

    [Fact]
    public void Xlsx_round_trips_text_cells_and_row_numbers()
    {
        using var stream = new MemoryStream();
        XlsxTable.Write(stream, ["名称", "code"], [["某公司", "0013"], ["", ""], ["第二家", "34"]]);

        var result = TabularFile.Read(stream.ToArray(), "pool.xlsx");

        Assert.Null(result.Error);
        var table = result.Table!;
        Assert.Equal("xlsx", table.Format);
        Assert.Equal(["名称", "code"], table.Header);
        Assert.Equal([2, 4], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["某公司", "0013"], table.Rows[0].Cells);
        Assert.Equal(["第二家", "34"], table.Rows[1].Cells);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported()
    {
        var result = TabularFile.Read(Encoding.UTF8.GetBytes("not a zip"), "pool.xlsx");

        Assert.Equal("file.unreadableXlsx", result.Error!.Code);
    }

    [Theory]
    [InlineData("pool.xls")]
    [InlineData("pool.txt")]
    [InlineData("pool")]
    public void Other_file_types_are_refused(string name)
    {
        var result = TabularFile.Read([1, 2, 3], name);

        Assert.Equal("file.unsupported", result.Error!.Code);
    }
}
