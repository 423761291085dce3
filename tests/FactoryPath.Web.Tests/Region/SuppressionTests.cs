using FactoryPath.Web.Regional;

namespace FactoryPath.Web.Tests.Region;

public sealed class SuppressionTests
{
    private static string Apply(params int[] counts) => string.Join(",", Suppression.Group(counts).Select(c => c.Count?.ToString() ?? "-"));

    [Theory]
    [InlineData(new[] { 7, 8, 9 }, "7,8,9")]          // nothing below 5
    [InlineData(new[] { 3, 0, 10 }, "-,0,-")]         // one small cell: the only other non-zero one is hidden too, zero stays
    [InlineData(new[] { 3, 9, 6, 6 }, "-,9,-,6")]     // the smallest other cell, the first of equal ones
    [InlineData(new[] { 3, 4, 20 }, "-,-,20")]        // two small cells already hide each other
    [InlineData(new[] { 1, 2 }, "-,-")]               // total 3 is itself hidden: both cells are small anyway
    [InlineData(new[] { 0, 0, 5 }, "0,0,5")]          // zeros describe no enterprise
    [InlineData(new[] { 4 }, "-")]                    // a lone small cell equals its (hidden) total
    public void Small_cells_and_one_complement_are_hidden(int[] counts, string expected) => Assert.Equal(expected, Apply(counts));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void A_single_cell_is_hidden_from_one_to_four(int count, bool hidden)
    {
        var cell = Suppression.Single(count);
        Assert.Equal(hidden, cell.Suppressed);
        Assert.Equal(hidden ? null : count, cell.Count);
        Assert.Equal(hidden ? "<5" : count.ToString(), cell.Text);
    }
}
