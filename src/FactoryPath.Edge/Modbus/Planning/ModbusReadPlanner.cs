using FactoryPath.Edge.Modbus.Protocol;
using FactoryPath.Edge.Modbus.Values;

namespace FactoryPath.Edge.Modbus.Planning;

/// <summary>What one tag occupies: a table, its first address, and how many registers (or bits) from there.</summary>
public readonly record struct ModbusSpan(ModbusTable Table, int Address, int Length);

/// <summary>
/// How large reads may be: at most <paramref name="MaxRegistersPerRead"/> registers (≤ 125) or
/// <paramref name="MaxCoilsPerRead"/> bits (≤ 2000) each, and a hole of at most <paramref name="MaxGap"/> unused
/// addresses (registers or bits, in the table's own unit) is read across rather than split.
/// </summary>
public sealed record ModbusPlanLimits(int MaxRegistersPerRead = ModbusLimits.MaxReadRegisters, int MaxCoilsPerRead = ModbusLimits.MaxReadBits, int MaxGap = 0)
{
    public int MaxFor(ModbusTable table) => table.IsBits() ? MaxCoilsPerRead : MaxRegistersPerRead;
}

/// <summary>One read request: a table, the first address, the count, and the indices of the spans it covers.</summary>
public sealed record ModbusReadBlock(ModbusTable Table, int Address, int Count, IReadOnlyList<int> Spans);

/// <summary>
/// Merges the spans of one device into as few reads as the limits allow. Tables stay apart; within a table, spans are
/// taken by address (then by longer first, then by input position) and each joins the current read while the hole
/// before it is at most MaxGap and the read stays within its maximum. The same input always gives the same plan.
/// </summary>
public static class ModbusReadPlanner
{
    public static IReadOnlyList<ModbusReadBlock> Plan(IReadOnlyList<ModbusSpan> spans, ModbusPlanLimits limits)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.MaxRegistersPerRead is < 1 or > ModbusLimits.MaxReadRegisters
            || limits.MaxCoilsPerRead is < 1 or > ModbusLimits.MaxReadBits
            || limits.MaxGap < 0)
        {
            throw new ArgumentException($"plan limits out of range: {limits}", nameof(limits));
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Length < 1 || span.Length > limits.MaxFor(span.Table) || span.Address < 0 || span.Address + span.Length > ModbusLimits.AddressSpace)
            {
                throw new ArgumentException($"span {i} ({span.Table} {span.Address}+{span.Length}) cannot be read within {limits}", nameof(spans));
            }
        }

        var order = Enumerable.Range(0, spans.Count)
            .OrderBy(i => spans[i].Table)
            .ThenBy(i => spans[i].Address)
            .ThenByDescending(i => spans[i].Length)
            .ThenBy(i => i);

        var blocks = new List<ModbusReadBlock>();
        List<int>? members = null;
        ModbusTable table = default;
        int start = 0, end = 0;
        foreach (var i in order)
        {
            var span = spans[i];
            var spanEnd = span.Address + span.Length;
            if (members is not null
                && span.Table == table
                && span.Address - end <= limits.MaxGap
                && Math.Max(end, spanEnd) - start <= limits.MaxFor(table))
            {
                members.Add(i);
                end = Math.Max(end, spanEnd);
                continue;
            }

            if (members is not null)
            {
                blocks.Add(new ModbusReadBlock(table, start, end - start, members));
            }

            members = [i];
            table = span.Table;
            start = span.Address;
            end = spanEnd;
        }

        if (members is not null)
        {
            blocks.Add(new ModbusReadBlock(table, start, end - start, members));
        }

        return blocks;
    }
}
