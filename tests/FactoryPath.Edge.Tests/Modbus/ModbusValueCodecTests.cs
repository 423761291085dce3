using FactoryPath.Edge.Modbus.Values;

namespace FactoryPath.Edge.Tests.Modbus;

public class ModbusValueCodecTests
{
    // 123.456f is 0x42F6E979 (IEEE 754 binary32); -123456789 is 0xF8A432EB (two's complement).
    [Theory]
    [InlineData(ModbusByteOrder.ABCD, new ushort[] { 0x42F6, 0xE979 })]
    [InlineData(ModbusByteOrder.CDAB, new ushort[] { 0xE979, 0x42F6 })]
    [InlineData(ModbusByteOrder.BADC, new ushort[] { 0xF642, 0x79E9 })]
    [InlineData(ModbusByteOrder.DCBA, new ushort[] { 0x79E9, 0xF642 })]
    public void Float32_in_each_order_decodes_and_encodes(ModbusByteOrder order, ushort[] registers)
    {
        Assert.Equal(123.456f, (float)ModbusValueCodec.Decode(registers, ModbusDataType.Float32, order));
        Assert.Equal(registers, ModbusValueCodec.Encode(123.456f, ModbusDataType.Float32, order));
    }

    [Theory]
    [InlineData(ModbusByteOrder.ABCD, new ushort[] { 0xF8A4, 0x32EB })]
    [InlineData(ModbusByteOrder.CDAB, new ushort[] { 0x32EB, 0xF8A4 })]
    [InlineData(ModbusByteOrder.BADC, new ushort[] { 0xA4F8, 0xEB32 })]
    [InlineData(ModbusByteOrder.DCBA, new ushort[] { 0xEB32, 0xA4F8 })]
    public void Int32_in_each_order_decodes_and_encodes(ModbusByteOrder order, ushort[] registers)
    {
        Assert.Equal(-123456789, ModbusValueCodec.Decode(registers, ModbusDataType.Int32, order));
        Assert.Equal(registers, ModbusValueCodec.Encode(-123456789, ModbusDataType.Int32, order));
    }

    [Theory]
    [InlineData(ModbusByteOrder.ABCD, new ushort[] { 0xDEAD, 0xBEEF })]
    [InlineData(ModbusByteOrder.CDAB, new ushort[] { 0xBEEF, 0xDEAD })]
    [InlineData(ModbusByteOrder.BADC, new ushort[] { 0xADDE, 0xEFBE })]
    [InlineData(ModbusByteOrder.DCBA, new ushort[] { 0xEFBE, 0xADDE })]
    public void UInt32_in_each_order_decodes(ModbusByteOrder order, ushort[] registers) =>
        Assert.Equal(3735928559d, ModbusValueCodec.Decode(registers, ModbusDataType.UInt32, order));

    // The double whose bits are 0x0102030405060708, so every byte is told apart.
    [Theory]
    [InlineData(ModbusByteOrder.ABCD, new ushort[] { 0x0102, 0x0304, 0x0506, 0x0708 })]
    [InlineData(ModbusByteOrder.CDAB, new ushort[] { 0x0708, 0x0506, 0x0304, 0x0102 })]
    [InlineData(ModbusByteOrder.BADC, new ushort[] { 0x0201, 0x0403, 0x0605, 0x0807 })]
    [InlineData(ModbusByteOrder.DCBA, new ushort[] { 0x0807, 0x0605, 0x0403, 0x0201 })]
    public void Float64_in_each_order_decodes_and_encodes(ModbusByteOrder order, ushort[] registers)
    {
        var expected = BitConverter.Int64BitsToDouble(0x0102030405060708);
        Assert.Equal(expected, ModbusValueCodec.Decode(registers, ModbusDataType.Float64, order));
        Assert.Equal(registers, ModbusValueCodec.Encode(expected, ModbusDataType.Float64, order));
    }

    [Theory]
    [InlineData(ModbusDataType.Int16, ModbusByteOrder.ABCD, 0xFB2E, -1234)]
    [InlineData(ModbusDataType.Int16, ModbusByteOrder.CDAB, 0xFB2E, -1234)]
    [InlineData(ModbusDataType.Int16, ModbusByteOrder.BADC, 0x2EFB, -1234)]
    [InlineData(ModbusDataType.Int16, ModbusByteOrder.DCBA, 0x2EFB, -1234)]
    [InlineData(ModbusDataType.UInt16, ModbusByteOrder.ABCD, 0xD431, 54321)]
    [InlineData(ModbusDataType.UInt16, ModbusByteOrder.BADC, 0x31D4, 54321)]
    public void Sixteen_bit_types_swap_bytes_only_for_badc_and_dcba(ModbusDataType type, ModbusByteOrder order, int register, double expected)
    {
        Assert.Equal(expected, ModbusValueCodec.Decode([(ushort)register], type, order));
        Assert.Equal([(ushort)register], ModbusValueCodec.Encode(expected, type, order));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(6, 1)]
    [InlineData(9, 0)]
    [InlineData(14, 0)]
    [InlineData(15, 1)]
    public void Bit_in_register_counts_from_the_least_significant_bit(int bit, double expected) =>
        Assert.Equal(expected, ModbusValueCodec.Decode([0xA5C3], ModbusDataType.BitInRegister, ModbusByteOrder.DCBA, bit));

    [Fact]
    public void Encoding_an_integer_that_does_not_fit_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.Encode(70000, ModbusDataType.UInt16, ModbusByteOrder.ABCD));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.Encode(-1, ModbusDataType.UInt32, ModbusByteOrder.ABCD));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueCodec.Encode(double.NaN, ModbusDataType.Int32, ModbusByteOrder.ABCD));
    }

    [Fact]
    public void Decoding_with_the_wrong_register_count_is_refused() =>
        Assert.Throws<ArgumentException>(() => ModbusValueCodec.Decode([1, 2, 3], ModbusDataType.Float32, ModbusByteOrder.ABCD));
}
