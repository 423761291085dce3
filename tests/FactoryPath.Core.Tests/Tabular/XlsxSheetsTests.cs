using FactoryPath.Core.Tabular;
using MiniExcelLibs;

namespace FactoryPath.Core.Tests.Tabular;

public sealed class XlsxSheetsTests
{
    private static List<(string Name, List<List<object?>> Rows)> ReadBack(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var sheets = new List<(string, List<List<object?>>)>();
        foreach (var name in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            sheets.Add((name, MiniExcel.Query(stream, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList()));
        }
        return sheets;
    }

    private static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxTable.WriteSheets(stream, sheets);
        return stream.ToArray();
    }

    [Fact]
    public void Sheets_keep_their_order_and_numbers_stay_numbers_while_text_stays_text()
    {
        var book = ReadBack(Write(
            new XlsxSheet("封面", [["地区", "浙江省 (330000)"]]),
            new XlsxSheet("By district", [["District", "Registered"], ["杭州市 (330100)", "<5"], ["宁波市 (330200)", 8L], ["rate", 53.4]])));

        Assert.Equal(["封面", "By district"], book.Select(s => s.Name));
        Assert.Equal(["地区", "浙江省 (330000)"], book[0].Rows[0]);
        var rows = book[1].Rows;
        Assert.Equal("<5", rows[1][1]);
        Assert.Equal(8d, Assert.IsType<double>(rows[2][1]));
        Assert.Equal(53.4, Assert.IsType<double>(rows[3][1]), 6);
    }

    [Fact]
    public void Short_rows_are_padded_so_every_row_has_the_sheets_width()
    {
        var rows = ReadBack(Write(new XlsxSheet("S", [["title"], ["a", "b", "c"]])))[0].Rows;
        Assert.Equal(3, rows[0].Count);
        Assert.Equal("title", rows[0][0]);
        Assert.Equal(["a", "b", "c"], rows[1]);
    }

    [Fact]
    public void Sheet_names_are_made_valid_for_excel_and_unique()
    {
        var book = ReadBack(Write(
            new XlsxSheet("Level distribution (each enterprise's latest result)", [["x"]]),
            new XlsxSheet("Level distribution (each enterprise's latest result)", [["y"]]),
            new XlsxSheet("a/b:c*d?[e]", [["z"]]),
            new XlsxSheet("  ", [["w"]])));

        Assert.Equal(["Level distribution (each enterp", "Level distribution (each en (2)", "a_b_c_d__e_", "Sheet"], book.Select(s => s.Name));
        Assert.All(book, s => Assert.True(s.Name.Length <= 31));
        Assert.Equal("y", book[1].Rows[0][0]);
    }

    [Fact]
    public void A_workbook_needs_a_sheet()
    {
        Assert.Throws<ArgumentException>(() => XlsxTable.WriteSheets(new MemoryStream(), []));
    }
}
