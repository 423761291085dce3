using FactoryPath.Core.Enterprises.Data;

namespace FactoryPath.Core.Tests.Enterprises;

public class CsvTableTests
{
    [Fact]
    public void Parse_QuotedFields_KeepCommasQuotesAndNewLines()
    {
        var table = CsvTable.Parse("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(new[] { "1", "x, y", "say \"hi\"" }, table.Rows[0]);
        Assert.Equal(new[] { "2", "two\nlines", "" }, table.Rows[1]);
        Assert.Equal(0, table.Column("a"));
    }

    [Fact]
    public void Parse_NoFinalNewLine_KeepsLastRow()
    {
        Assert.Equal(new[] { "1", "2" }, CsvTable.Parse("a,b\n1,2").Rows.Single());
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n")]
    [InlineData("a,b\n1,\"2\n")]
    [InlineData("")]
    public void Parse_Malformed_IsRejected(string csv)
    {
        Assert.Throws<FormatException>(() => CsvTable.Parse(csv));
    }

    [Fact]
    public void Column_Missing_IsRejected()
    {
        Assert.Throws<FormatException>(() => CsvTable.Parse("a,b\n1,2\n").Column("c"));
    }
}
