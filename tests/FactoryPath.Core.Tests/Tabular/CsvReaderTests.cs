using System.Text;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Tests.Tabular;

public sealed class CsvReaderTests
{
    private static TabularTable Read(string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToArray();
        var result = CsvReader.Read(bytes);
        Assert.Null(result.Error);
        return result.Table!;
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var table = Read("name,desc\r\n\"A, Inc.\",\"says \"\"hi\"\"\"\r\n\"B\",\"line one\nline two\"\r\nC,plain\r\n");

        Assert.Equal(["name", "desc"], table.Header);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["A, Inc.", "says \"hi\""], table.Rows[0].Cells);
        Assert.Equal("line one\nline two", table.Rows[1].Cells[1]);
        Assert.Equal(["C", "plain"], table.Rows[2].Cells);
    }

    [Fact]
    public void Row_numbers_are_records_as_a_spreadsheet_shows_them_with_the_header_as_row_1()
    {
        var table = Read("a,b\n1,\"x\ny\"\n\n3,z\n\n\n");

        Assert.Equal([2, 4], table.Rows.Select(r => r.RowNumber));
    }

    [Theory]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2\n\n\n")]
    public void Line_ends_and_blank_trailing_lines_do_not_change_the_rows(string text)
    {
        var table = Read(text);

        var row = Assert.Single(table.Rows);
        Assert.Equal(["1", "2"], row.Cells);
    }

    [Fact]
    public void An_empty_last_field_is_kept()
    {
        var table = Read("a,b,c\n1,,\n");

        Assert.Equal(["1", "", ""], Assert.Single(table.Rows).Cells);
    }

    [Fact]
    public void A_quote_left_open_is_an_error_naming_its_row()
    {
        var result = CsvReader.Read(Encoding.UTF8.GetBytes("a,b\n1,2\n3,\"never closed\n"));

        Assert.Null(result.Table);
        Assert.Equal("file.unclosedQuote", result.Error!.Code);
        Assert.Contains("Row 3", result.Error.En);
    }

    [Fact]
    public void A_file_whose_first_line_is_blank_has_no_header()
    {
        var result = CsvReader.Read(Encoding.UTF8.GetBytes("\na,b\n1,2\n"));

        Assert.Equal("file.noHeader", result.Error!.Code);
    }

    [Fact]
    public void Utf8_with_bom_is_read_and_reported()
    {
        var table = Read("名称,地区\n杭州某科技有限公司,330100\n", bom: true);

        Assert.Equal("utf-8", table.Encoding);
        Assert.Equal("名称", table.Header[0]);
        Assert.Equal("杭州某科技有限公司", table.Rows[0].Cells[0]);
    }

    [Fact]
    public void Utf8_without_bom_is_recognised()
    {
        var table = Read("名称,地区\n宁波某模具厂,330200\n");

        Assert.Equal("utf-8", table.Encoding);
        Assert.Equal("宁波某模具厂", table.Rows[0].Cells[0]);
    }

    [Fact]
    public void A_gbk_file_is_read_as_gb18030()
    {
        var table = Read("名称,说明\n温州某阀门有限公司,\"设备联网，能耗监测\"\n", TextEncodings.Gb18030);

        Assert.Equal("gb18030", table.Encoding);
        Assert.Equal(["名称", "说明"], table.Header);
        Assert.Equal(["温州某阀门有限公司", "设备联网，能耗监测"], table.Rows[0].Cells);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_with_bom_is_read(bool bigEndian, string name)
    {
        var table = Read("名称,b\n绍兴某纺织厂,2\n", new UnicodeEncoding(bigEndian, true), bom: true);

        Assert.Equal(name, table.Encoding);
        Assert.Equal("绍兴某纺织厂", table.Rows[0].Cells[0]);
    }
}
