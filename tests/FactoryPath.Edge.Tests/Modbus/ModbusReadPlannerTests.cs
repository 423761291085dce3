using FactoryPath.Edge.Modbus.Planning;
using FactoryPath.Edge.Modbus.Values;

namespace FactoryPath.Edge.Tests.Modbus;

public class ModbusReadPlannerTests
{
    private static readonly ModbusPlanLimits Defaults = new();

    [Fact]
    public void One_hundred_twenty_five_neighbouring_registers_are_one_read()
    {
        var spans = Enumerable.Range(0, 125).Select(a => new ModbusSpan(ModbusTable.HoldingRegister, a, 1)).ToArray();
        var block = Assert.Single(ModbusReadPlanner.Plan(spans, Defaults));
        Assert.Equal((0, 125), (block.Address, block.Count));
        Assert.Equal(Enumerable.Range(0, 125), block.Spans);
    }

    [Fact]
    public void The_one_hundred_twenty_sixth_register_starts_a_second_read()
    {
        var spans = Enumerable.Range(0, 126).Select(a => new ModbusSpan(ModbusTable.InputRegister, a, 1)).ToArray();
        var blocks = ModbusReadPlanner.Plan(spans, Defaults);
        Assert.Equal([(0, 125), (125, 1)], blocks.Select(b => (b.Address, b.Count)));
    }

    [Fact]
    public void A_value_that_would_cross_the_limit_moves_whole_into_the_next_read()
    {
        // 0..123 single registers, then a float32 at 124..125: it does not fit in 0..124, so it starts read two.
        var spans = Enumerable.Range(0, 124).Select(a => new ModbusSpan(ModbusTable.HoldingRegister, a, 1))
            .Append(new ModbusSpan(ModbusTable.HoldingRegister, 124, 2)).ToArray();
        Assert.Equal([(0, 124), (124, 2)], ModbusReadPlanner.Plan(spans, Defaults).Select(b => (b.Address, b.Count)));
    }

    [Fact]
    public void Two_thousand_coils_are_one_read_and_the_next_one_is_another()
    {
        var spans = Enumerable.Range(0, 2001).Select(a => new ModbusSpan(ModbusTable.Coil, a, 1)).ToArray();
        Assert.Equal([(0, 2000), (2000, 1)], ModbusReadPlanner.Plan(spans, Defaults).Select(b => (b.Address, b.Count)));
    }

    [Fact]
    public void Gaps_are_read_across_only_up_to_the_max_gap()
    {
        ModbusSpan[] spans = [new(ModbusTable.HoldingRegister, 0, 2), new(ModbusTable.HoldingRegister, 5, 1), new(ModbusTable.HoldingRegister, 10, 1)];
        Assert.Equal([(0, 2), (5, 1), (10, 1)], ModbusReadPlanner.Plan(spans, Defaults).Select(b => (b.Address, b.Count)));
        Assert.Equal([(0, 6), (10, 1)], ModbusReadPlanner.Plan(spans, new ModbusPlanLimits(MaxGap: 3)).Select(b => (b.Address, b.Count)));
        Assert.Equal([(0, 11)], ModbusReadPlanner.Plan(spans, new ModbusPlanLimits(MaxGap: 4)).Select(b => (b.Address, b.Count)));
    }

    [Fact]
    public void A_lower_configured_maximum_is_kept()
    {
        var spans = Enumerable.Range(0, 25).Select(a => new ModbusSpan(ModbusTable.HoldingRegister, a, 1)).ToArray();
        var blocks = ModbusReadPlanner.Plan(spans, new ModbusPlanLimits(MaxRegistersPerRead: 10));
        Assert.Equal([(0, 10), (10, 10), (20, 5)], blocks.Select(b => (b.Address, b.Count)));
    }

    [Fact]
    public void Tables_are_kept_apart_even_at_the_same_addresses()
    {
        ModbusSpan[] spans =
        [
            new(ModbusTable.InputRegister, 0, 1), new(ModbusTable.HoldingRegister, 1, 1),
            new(ModbusTable.HoldingRegister, 0, 1), new(ModbusTable.Coil, 0, 1), new(ModbusTable.DiscreteInput, 1, 1),
        ];
        var blocks = ModbusReadPlanner.Plan(spans, new ModbusPlanLimits(MaxGap: 10));
        Assert.Equal(
            [(ModbusTable.Coil, 0, 1), (ModbusTable.DiscreteInput, 1, 1), (ModbusTable.HoldingRegister, 0, 2), (ModbusTable.InputRegister, 0, 1)],
            blocks.Select(b => (b.Table, b.Address, b.Count)));
        Assert.Equal([2, 1], blocks[2].Spans);
    }

    [Fact]
    public void Overlapping_tags_share_a_read_and_the_plan_does_not_depend_on_input_order()
    {
        ModbusSpan[] spans = [new(ModbusTable.HoldingRegister, 10, 4), new(ModbusTable.HoldingRegister, 12, 2), new(ModbusTable.HoldingRegister, 3, 1)];
        var forward = ModbusReadPlanner.Plan(spans, Defaults);
        var reversed = ModbusReadPlanner.Plan([.. spans.Reverse()], Defaults);
        Assert.Equal([(3, 1), (10, 4)], forward.Select(b => (b.Address, b.Count)));
        Assert.Equal(forward.Select(b => (b.Table, b.Address, b.Count)), reversed.Select(b => (b.Table, b.Address, b.Count)));
        Assert.Equal([0, 1], forward[1].Spans);
    }

    [Fact]
    public void Spans_that_cannot_be_read_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ModbusReadPlanner.Plan([new ModbusSpan(ModbusTable.HoldingRegister, 65535, 2)], Defaults));
        Assert.Throws<ArgumentException>(() => ModbusReadPlanner.Plan([new ModbusSpan(ModbusTable.HoldingRegister, 0, 4)], new ModbusPlanLimits(MaxRegistersPerRead: 2)));
        Assert.Throws<ArgumentException>(() => ModbusReadPlanner.Plan([], new ModbusPlanLimits(MaxRegistersPerRead: 126)));
    }
}
