using FactoryPath.Edge.Simulation;

namespace FactoryPath.Edge.Tests.Simulation;

public sealed class MachineRegisterMapTests
{
    public static TheoryData<MachineType> Types() => [.. Enum.GetValues<MachineType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void Points_StayInsideTheBlock_AndNeverOverlap(MachineType type)
    {
        var used = new HashSet<int>();
        foreach (var point in MachineRegisterMap.For(type))
        {
            for (var r = point.Offset; r < point.Offset + point.Count; r++)
            {
                Assert.InRange(r, 0, MachineRegisterMap.BlockSize - 1);
                Assert.True(used.Add(r), $"{type}: register {r} used twice ({point.Name})");
            }
        }

        Assert.Contains(MachineRegisterMap.For(type), p => p.Name == "state" && p.Offset == 0);
        Assert.Equal(type.MakesParts(), MachineRegisterMap.For(type).Any(p => p.Name == "good_count"));
    }

    [Theory]
    [InlineData(WordOrder.ABCD, 0x3FC0, 0x0000)]
    [InlineData(WordOrder.CDAB, 0x0000, 0x3FC0)]
    public void Float32_WordOrder_PutsTheHighWordWhereItSays(WordOrder order, int first, int second)
    {
        var point = new RegisterPoint("x", Model.TagRole.Other, 0, RegisterDataType.Float32, order, 1, "", "");
        var registers = new ushort[2];

        MachineRegisterMap.Encode(point, 1.5, registers); // 1.5f is 0x3FC00000 (IEEE 754 binary32)

        Assert.Equal([(ushort)first, (ushort)second], registers);
        Assert.Equal(1.5, MachineRegisterMap.Decode(point, registers));
    }

    [Theory]
    [InlineData(RegisterDataType.UInt32, 1.0, 4_294_967_295.0, 0xFFFF, 0xFFFF)]
    [InlineData(RegisterDataType.UInt32, 1.0, 65_536.0, 0x0001, 0x0000)]
    [InlineData(RegisterDataType.UInt32, 0.1, 1523.47, 0x0000, 15234)]
    [InlineData(RegisterDataType.Int16, 0.1, -12.3, 0xFF85, 0)]
    [InlineData(RegisterDataType.UInt16, 0.01, 7.5, 750, 0)]
    public void ScaledIntegers_AreEncodedAsDocumented(RegisterDataType type, double scale, double value, int first, int second)
    {
        var point = new RegisterPoint("x", Model.TagRole.Other, 0, type, WordOrder.ABCD, scale, "", "");
        var registers = new ushort[2];

        MachineRegisterMap.Encode(point, value, registers.AsSpan(0, point.Count));

        Assert.Equal([(ushort)first, (ushort)second], registers);
    }

    [Fact]
    public void EveryMachine_PublishesItsTypeCode_AtOffset15()
    {
        var registers = new ushort[MachineRegisterMap.BlockSize];
        foreach (var type in Enum.GetValues<MachineType>())
        {
            MachineRegisterMap.Encode(type, new MachineValues(), registers);
            Assert.Equal((ushort)type, registers[15]);
        }
    }
}
