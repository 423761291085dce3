using FactoryPath.Core.Catalog.Import;

namespace FactoryPath.Core.Tests.Tabular;

public sealed class CellValuesTests
{
    [Theory]
    [InlineData("1200", 1200L)]
    [InlineData("1,200,000", 1_200_000L)]
    [InlineData("１２００", 1200L)]
    [InlineData("5e4", 50_000L)]
    [InlineData("-3", -3L)]
    public void Whole_numbers_are_read_as_people_type_them(string cell, long expected)
    {
        Assert.True(CellValues.TryLong(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("twelve")]
    [InlineData("1 2")]
    public void Other_text_is_not_a_whole_number(string cell)
    {
        Assert.False(CellValues.TryInt(cell, out _, out var error));
        Assert.Equal("cell.notWholeNumber", error!.Code);
        Assert.Contains(cell, error.Zh);
    }

    [Fact]
    public void An_empty_cell_is_no_number_and_no_error()
    {
        Assert.True(CellValues.TryInt("", out var value, out var error));
        Assert.Null(value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("YES", true)]
    [InlineData("1", true)]
    [InlineData("否", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void Yes_and_no_in_both_languages(string cell, bool expected)
    {
        Assert.True(CellValues.TryBool(cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Something_else_is_not_yes_or_no()
    {
        Assert.False(CellValues.TryBool("maybe", out _, out var error));
        Assert.Equal("cell.notYesNo", error!.Code);
    }

    [Fact]
    public void Kpi_cells_read_changes_with_optional_before_after_and_unit()
    {
        Assert.True(KpiCell.TryParse("production_efficiency:+30%；energy_per_unit:-15%:0.82:0.7:吨标煤/万元", out var kpis, out _));

        Assert.Equal(2, kpis.Count);
        Assert.Equal(("production_efficiency", 30d), (kpis[0].Indicator!, kpis[0].ChangePercent!.Value));
        Assert.Null(kpis[0].Before);
        Assert.Equal((0.82, 0.7, "吨标煤/万元"), (kpis[1].Before!.Value, kpis[1].After!.Value, kpis[1].Unit!));
    }

    [Theory]
    [InlineData("production_efficiency")]
    [InlineData("carbon:lots")]
    [InlineData(":12")]
    public void Malformed_kpi_items_are_reported(string cell)
    {
        Assert.False(KpiCell.TryParse(cell, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Kpi_cells_format_back_to_what_they_read()
    {
        var text = KpiCell.Format([("carbon", null, null, null, -12), ("energy_per_unit", 0.82, 0.7, "吨标煤/万元", -15)]);

        Assert.Equal("carbon:-12%;energy_per_unit:-15%:0.82:0.7:吨标煤/万元", text);
        Assert.True(KpiCell.TryParse(text, out var back, out _));
        Assert.Equal(-15, back[1].ChangePercent);
    }
}
