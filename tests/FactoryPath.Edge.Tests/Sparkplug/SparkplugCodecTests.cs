using FactoryPath.Edge.Sparkplug;
using Google.Protobuf;

namespace FactoryPath.Edge.Tests.Sparkplug;

public sealed class SparkplugCodecTests
{
    private static SparkplugPayload Sample() => new(
        1_700_000_000_123,
        [
            new SparkplugMetric("bdSeq", 0, null, SparkplugDataType.Int64, false, SparkplugValue.FromNumber(SparkplugDataType.Int64, 3)),
            new SparkplugMetric("i8", 1, 1_700_000_000_001, SparkplugDataType.Int8, false, SparkplugValue.FromNumber(SparkplugDataType.Int8, -5)),
            new SparkplugMetric("i16", 2, null, SparkplugDataType.Int16, false, SparkplugValue.FromNumber(SparkplugDataType.Int16, -30000)),
            new SparkplugMetric("i32", 3, null, SparkplugDataType.Int32, false, SparkplugValue.FromNumber(SparkplugDataType.Int32, int.MinValue)),
            new SparkplugMetric("i64", 4, null, SparkplugDataType.Int64, false, SparkplugValue.FromNumber(SparkplugDataType.Int64, -1e12)),
            new SparkplugMetric("u8", 5, null, SparkplugDataType.UInt8, false, SparkplugValue.FromNumber(SparkplugDataType.UInt8, 255)),
            new SparkplugMetric("u16", 6, null, SparkplugDataType.UInt16, false, SparkplugValue.FromNumber(SparkplugDataType.UInt16, 65535)),
            new SparkplugMetric("u32", 7, null, SparkplugDataType.UInt32, false, SparkplugValue.FromNumber(SparkplugDataType.UInt32, uint.MaxValue)),
            new SparkplugMetric("u64", 8, null, SparkplugDataType.UInt64, false, SparkplugValue.FromNumber(SparkplugDataType.UInt64, 1e15)),
            new SparkplugMetric("f", 9, null, SparkplugDataType.Float, false, SparkplugValue.FromFloat(1.5f)),
            new SparkplugMetric("d", 10, null, SparkplugDataType.Double, false, SparkplugValue.FromDouble(-2.25)),
            new SparkplugMetric("b", 11, null, SparkplugDataType.Boolean, false, SparkplugValue.FromBoolean(true)),
            new SparkplugMetric("s", 12, null, SparkplugDataType.String, false, SparkplugValue.FromString("42.5")),
            new SparkplugMetric("n", 13, null, SparkplugDataType.Double, true, SparkplugValue.None, IsHistorical: true, IsTransient: true),
        ],
        Seq: 7,
        Uuid: "u-1");

    [Fact]
    public void Encode_ThenDecode_GivesTheSamePayload()
    {
        var payload = Sample();
        Assert.True(SparkplugCodec.TryDecode(SparkplugCodec.Encode(payload), out var decoded, out var error), error);

        Assert.Equal(payload.Timestamp, decoded.Timestamp);
        Assert.Equal(payload.Seq, decoded.Seq);
        Assert.Equal(payload.Uuid, decoded.Uuid);
        Assert.Equal(payload.Metrics, decoded.Metrics);
    }

    [Theory]
    [InlineData("i8", -5)]
    [InlineData("i16", -30000)]
    [InlineData("i32", -2147483648)]
    [InlineData("i64", -1e12)]
    [InlineData("u8", 255)]
    [InlineData("u16", 65535)]
    [InlineData("u32", 4294967295)]
    [InlineData("u64", 1e15)]
    [InlineData("f", 1.5)]
    [InlineData("d", -2.25)]
    [InlineData("b", 1)]
    [InlineData("s", 42.5)]
    public void Decode_GivesEachDataTypeItsNumber(string name, double expected)
    {
        Assert.True(SparkplugCodec.TryDecode(SparkplugCodec.Encode(Sample()), out var decoded, out _));
        var metric = decoded.Metrics.Single(m => m.Name == name);

        Assert.Equal(expected, metric.Value.ToDouble(metric.DataType!.Value, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void ToDouble_ReadsInt8FromAThirtyTwoBitTwosComplement()
    {
        // some encoders widen Int8 -1 to the 32-bit two's complement 0xFFFFFFFF; the low byte is the value
        Assert.Equal(-1, SparkplugValue.FromInt(uint.MaxValue).ToDouble(SparkplugDataType.Int8, out _));
        Assert.Equal(-1, SparkplugValue.FromInt(0xFF).ToDouble(SparkplugDataType.Int8, out _));
    }

    [Fact]
    public void ToDouble_MismatchedValueField_SaysWhy()
    {
        Assert.Null(SparkplugValue.FromString("abc").ToDouble(SparkplugDataType.Int32, out var error));
        Assert.Contains("String value field", error);
        Assert.Null(SparkplugValue.FromString("abc").ToDouble(SparkplugDataType.String, out error));
        Assert.Contains("'abc' is not a number", error);
    }

    [Fact]
    public void Decode_SkipsUnknownFieldsAndExtensions()
    {
        var bytes = SparkplugCodec.Encode(Sample()).Concat(Field(99, WireFormat.WireType.Varint, 5)).ToArray();

        Assert.True(SparkplugCodec.TryDecode(bytes, out var decoded, out var error), error);
        Assert.Equal(14, decoded.Metrics.Count);
    }

    [Fact]
    public void Decode_EmptyInput_IsAnEmptyPayload()
    {
        Assert.True(SparkplugCodec.TryDecode([], out var decoded, out _));
        Assert.Empty(decoded.Metrics);
        Assert.Null(decoded.Seq);
    }

    [Fact]
    public void Decode_EveryTruncation_GivesAnErrorOrAShorterPayload_NeverAnException()
    {
        var bytes = SparkplugCodec.Encode(Sample());
        var errors = 0;
        for (var length = 1; length < bytes.Length; length++)
        {
            if (!SparkplugCodec.TryDecode(bytes.AsSpan(0, length), out _, out var error))
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                errors++;
            }
        }

        // cutting inside a metric or a varint is an error; only cuts at field boundaries of the top level decode
        Assert.True(errors > bytes.Length / 2, $"only {errors} of {bytes.Length - 1} truncations were rejected");
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        var random = new Random(20260401);
        var rejected = 0;
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            if (!SparkplugCodec.TryDecode(bytes, out _, out var error))
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                rejected++;
            }
        }

        Assert.True(rejected > 4000, $"only {rejected} of 5000 random inputs were rejected");
    }

    [Fact]
    public void Decode_MutatedPayloads_NeverThrow()
    {
        var valid = SparkplugCodec.Encode(Sample());
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            if (!SparkplugCodec.TryDecode(bytes, out _, out var error))
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        }
    }

    [Theory]
    [InlineData(1, WireFormat.WireType.LengthDelimited, "payload.timestamp (field 1) has wire type LengthDelimited, expected Varint")]
    [InlineData(2, WireFormat.WireType.Varint, "payload.metrics (field 2) has wire type Varint, expected LengthDelimited")]
    [InlineData(3, WireFormat.WireType.Fixed64, "payload.seq (field 3) has wire type Fixed64, expected Varint")]
    public void Decode_WrongWireTypeInPayload_NamesTheField(int field, WireFormat.WireType wire, string expected)
    {
        Assert.False(SparkplugCodec.TryDecode(Field(field, wire, 1), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(1, WireFormat.WireType.Varint, "metrics[0].name (field 1)")]
    [InlineData(2, WireFormat.WireType.Fixed32, "metrics[0].alias (field 2)")]
    [InlineData(12, WireFormat.WireType.Varint, "metrics[0].float_value (field 12)")]
    [InlineData(13, WireFormat.WireType.Fixed32, "metrics[0].double_value (field 13)")]
    public void Decode_WrongWireTypeInMetric_NamesTheField(int field, WireFormat.WireType wire, string expected)
    {
        var metric = Field(field, wire, 1);
        var payload = Field(2, WireFormat.WireType.LengthDelimited, metric);

        Assert.False(SparkplugCodec.TryDecode(payload, out _, out var error));
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Decode_UnknownDataType_IsAnError()
    {
        var payload = Field(2, WireFormat.WireType.LengthDelimited, Field(4, WireFormat.WireType.Varint, 200));

        Assert.False(SparkplugCodec.TryDecode(payload, out _, out var error));
        Assert.Contains("datatype 200", error);
    }

    [Fact]
    public void Decode_LengthBeyondTheEnd_IsAnError()
    {
        // field 2, length-delimited, claims 100 bytes but has 2
        Assert.False(SparkplugCodec.TryDecode(new byte[] { 0x12, 100, 0x08, 0x01 }, out _, out var error));
        Assert.Contains("malformed protobuf", error);
    }

    [Fact]
    public void Decode_InvalidUtf8InAName_IsAnError()
    {
        var payload = Field(2, WireFormat.WireType.LengthDelimited, Field(1, WireFormat.WireType.LengthDelimited, new byte[] { 0xFF, 0xC0, 0x41 }));

        Assert.False(SparkplugCodec.TryDecode(payload, out _, out var error));
        Assert.Equal("metrics[0]: malformed protobuf: String is invalid UTF-8.", error);
    }

    /// <summary>One hand-encoded field (tag, then a varint, 8 or 4 bytes, or a length-delimited body).</summary>
    private static byte[] Field(int field, WireFormat.WireType wire, object value)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            output.WriteTag(field, wire);
            switch (wire)
            {
                case WireFormat.WireType.Varint:
                    output.WriteUInt64(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case WireFormat.WireType.Fixed32:
                    output.WriteFixed32(Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case WireFormat.WireType.Fixed64:
                    output.WriteFixed64(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case WireFormat.WireType.LengthDelimited:
                    output.WriteBytes(ByteString.CopyFrom(value as byte[] ?? [Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture)]));
                    break;
            }
        }

        return stream.ToArray();
    }
}
