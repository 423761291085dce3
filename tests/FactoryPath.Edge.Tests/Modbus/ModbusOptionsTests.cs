using FactoryPath.Edge.Modbus.Options;
using FactoryPath.Edge.Modbus.Values;

namespace FactoryPath.Edge.Tests.Modbus;

public class ModbusOptionsTests
{
    private static ModbusDeviceOptions Device(params ModbusTagOptions[] tags) => new() { Name = "press-3", Host = "10.0.0.5", Tags = tags };

    [Fact]
    public void A_sensible_device_is_valid()
    {
        var device = Device(
            new ModbusTagOptions { Id = "good", Table = ModbusTable.HoldingRegister, Address = 0, DataType = ModbusDataType.UInt32, ByteOrder = ModbusByteOrder.CDAB },
            new ModbusTagOptions { Id = "running", Table = ModbusTable.Coil, Address = 3 },
            new ModbusTagOptions { Id = "alarm", Table = ModbusTable.InputRegister, Address = 9, DataType = ModbusDataType.BitInRegister, Bit = 15 });
        Assert.Empty(device.Validate());
    }

    [Theory]
    [InlineData(ModbusTable.HoldingRegister, 65533, ModbusDataType.Float64, null, "device 'press-3': tag 't': Float64 needs 4 registers from address 65533, past the last address 65535")]
    [InlineData(ModbusTable.HoldingRegister, 65536, ModbusDataType.UInt16, null, "device 'press-3': tag 't': address 65536 is outside 0–65535")]
    [InlineData(ModbusTable.Coil, 0, ModbusDataType.Int16, null, "device 'press-3': tag 't': a Coil holds single bits, so its data type is bool, not Int16")]
    [InlineData(ModbusTable.InputRegister, 0, ModbusDataType.Bool, null, "device 'press-3': tag 't': bool is for coils and discrete inputs; for one bit of a InputRegister use bit-in-register with a bit number")]
    [InlineData(ModbusTable.HoldingRegister, 0, ModbusDataType.BitInRegister, 16, "device 'press-3': tag 't': bit 16 is outside 0–15")]
    [InlineData(ModbusTable.HoldingRegister, 0, ModbusDataType.BitInRegister, null, "device 'press-3': tag 't': bit-in-register needs a bit number 0–15")]
    [InlineData(ModbusTable.HoldingRegister, 0, ModbusDataType.Int32, 3, "device 'press-3': tag 't': a bit number is only for bit-in-register, not Int32")]
    public void Tag_errors_name_the_device_and_the_tag(ModbusTable table, int address, ModbusDataType type, int? bit, string expected)
    {
        var errors = Device(new ModbusTagOptions { Id = "t", Table = table, Address = address, DataType = type, Bit = bit }).Validate();
        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Device_limits_and_numbers_are_checked()
    {
        var device = Device(
            new ModbusTagOptions { Id = "a", DataType = ModbusDataType.Float64, Scale = 0, Deadband = -1, ByteOrder = (ModbusByteOrder)9 },
            new ModbusTagOptions { Id = "a", Offset = double.NaN }) with
        {
            Port = 0,
            UnitId = 256,
            MaxRegistersPerRead = 3,
            MaxCoilsPerRead = 2001,
            MaxGap = -1,
            Timeout = TimeSpan.Zero,
            ReconnectDelayMin = TimeSpan.FromSeconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        };
        var errors = device.Validate();
        Assert.Equal(
            [
                "device 'press-3': port 0 is outside 1–65535",
                "device 'press-3': unit id 256 is outside 0–255",
                "device 'press-3': timeout 00:00:00 must be positive",
                "device 'press-3': max coils per read 2001 is outside 1–2000",
                "device 'press-3': max gap -1 must be zero or more",
                "device 'press-3': reconnect delay max 00:00:01 is below the min 00:00:10",
                "device 'press-3': tag 'a': byte order 9 is not ABCD, CDAB, BADC or DCBA",
                "device 'press-3': tag 'a': Float64 needs 4 registers, more than the device's 3 per read",
                "device 'press-3': tag 'a': scale 0 must be a finite non-zero number",
                "device 'press-3': tag 'a': deadband -1 must be zero or a positive number",
                "device 'press-3': tag 'a': offset NaN must be a finite number",
                "device 'press-3': tag id 'a' is used 2 times",
            ],
            errors);
    }

    [Fact]
    public void A_device_without_tags_or_host_is_invalid()
    {
        var errors = new ModbusDeviceOptions { Name = "m", Host = " " }.Validate();
        Assert.Equal(["device 'm': has no host", "device 'm': has no tags"], errors);
    }

    [Fact]
    public void A_tag_source_refuses_invalid_options_with_every_problem()
    {
        var device = Device(new ModbusTagOptions { Id = "t", Address = -1 }) with { Port = 70000 };
        var e = Assert.Throws<ArgumentException>(() => new FactoryPath.Edge.Modbus.Source.ModbusTagSource(device));
        Assert.Contains("device 'press-3': port 70000 is outside 1–65535", e.Message);
        Assert.Contains("device 'press-3': tag 't': address -1 is outside 0–65535", e.Message);
    }
}
