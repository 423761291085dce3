using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;

namespace FactoryPath.Edge.Sparkplug;

/// <summary>
/// Reads and writes Sparkplug B payloads with Google.Protobuf's coded streams. Field numbers and wire types are those
/// of the Sparkplug B protobuf definition (Sparkplug Specification 3.0.0, chapter 6 "Payloads"):
/// Payload { 1 timestamp uint64; 2 metrics repeated Metric; 3 seq uint64; 4 uuid string; 5 body bytes }
/// Metric { 1 name string; 2 alias uint64; 3 timestamp uint64; 4 datatype uint32; 5 is_historical bool;
///          6 is_transient bool; 7 is_null bool; 8 metadata; 9 properties;
///          value oneof: 10 int_value uint32, 11 long_value uint64, 12 float_value float, 13 double_value double,
///          14 boolean_value bool, 15 string_value string, 16 bytes_value bytes, 17 dataset, 18 template, 19 extension }.
/// Unknown fields (extensions) are skipped; a field with the wrong wire type, a truncated or otherwise malformed
/// payload gives an error message, never an exception.
/// </summary>
public static class SparkplugCodec
{
    private const WireFormat.WireType Varint = WireFormat.WireType.Varint;
    private const WireFormat.WireType Fixed32 = WireFormat.WireType.Fixed32;
    private const WireFormat.WireType Fixed64 = WireFormat.WireType.Fixed64;
    private const WireFormat.WireType Delimited = WireFormat.WireType.LengthDelimited;

    /// <summary>Decodes a payload; on failure <paramref name="error"/> says which field and why.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SparkplugPayload? payload, [NotNullWhen(false)] out string? error)
    {
        payload = null;
        try
        {
            payload = Decode(new CodedInputStream(data.ToArray()));
            error = null;
            return true;
        }
        catch (MalformedPayloadException e)
        {
            error = e.Message;
        }
        catch (InvalidProtocolBufferException e)
        {
            error = $"malformed protobuf: {e.Message}";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            // Google.Protobuf reports malformed input with InvalidProtocolBufferException; anything else it throws for
            // bad bytes is reported the same way
            error = $"malformed protobuf: {e.Message}";
        }

        return false;
    }

    /// <summary>Encodes a payload (fields with null values are left out).</summary>
    public static byte[] Encode(SparkplugPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            if (payload.Timestamp is { } timestamp)
            {
                output.WriteTag(1, Varint);
                output.WriteUInt64(timestamp);
            }

            foreach (var metric in payload.Metrics)
            {
                output.WriteTag(2, Delimited);
                output.WriteBytes(ByteString.CopyFrom(EncodeMetric(metric)));
            }

            if (payload.Seq is { } seq)
            {
                output.WriteTag(3, Varint);
                output.WriteUInt64(seq);
            }

            if (payload.Uuid is { } uuid)
            {
                output.WriteTag(4, Delimited);
                output.WriteString(uuid);
            }
        }

        return stream.ToArray();
    }

    private static byte[] EncodeMetric(SparkplugMetric metric)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            if (metric.Name is { } name)
            {
                output.WriteTag(1, Delimited);
                output.WriteString(name);
            }

            if (metric.Alias is { } alias)
            {
                output.WriteTag(2, Varint);
                output.WriteUInt64(alias);
            }

            if (metric.Timestamp is { } timestamp)
            {
                output.WriteTag(3, Varint);
                output.WriteUInt64(timestamp);
            }

            if (metric.DataType is { } type)
            {
                output.WriteTag(4, Varint);
                output.WriteUInt32((uint)type);
            }

            WriteFlag(output, 5, metric.IsHistorical);
            WriteFlag(output, 6, metric.IsTransient);
            WriteFlag(output, 7, metric.IsNull);
            var value = metric.Value;
            switch (value.Kind)
            {
                case SparkplugValueKind.Int:
                    output.WriteTag(10, Varint);
                    output.WriteUInt32(unchecked((uint)value.Integer));
                    break;
                case SparkplugValueKind.Long:
                    output.WriteTag(11, Varint);
                    output.WriteUInt64(value.Integer);
                    break;
                case SparkplugValueKind.Float:
                    output.WriteTag(12, Fixed32);
                    output.WriteFloat((float)value.Real);
                    break;
                case SparkplugValueKind.Double:
                    output.WriteTag(13, Fixed64);
                    output.WriteDouble(value.Real);
                    break;
                case SparkplugValueKind.Boolean:
                    output.WriteTag(14, Varint);
                    output.WriteBool(value.Boolean);
                    break;
                case SparkplugValueKind.String:
                    output.WriteTag(15, Delimited);
                    output.WriteString(value.Text ?? string.Empty);
                    break;
                case SparkplugValueKind.None:
                    break;
                default:
                    throw new ArgumentException($"metric '{metric.Name}': a {value.Kind} value cannot be encoded", nameof(metric));
            }
        }

        return stream.ToArray();
    }

    private static void WriteFlag(CodedOutputStream output, int field, bool flag)
    {
        if (flag)
        {
            output.WriteTag(field, Varint);
            output.WriteBool(true);
        }
    }

    private static SparkplugPayload Decode(CodedInputStream input)
    {
        ulong? timestamp = null, seq = null;
        string? uuid = null;
        var metrics = new List<SparkplugMetric>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            var wire = WireFormat.GetTagWireType(tag);
            switch (field)
            {
                case 1:
                    Expect(wire, Varint, "payload", "timestamp", field);
                    timestamp = input.ReadUInt64();
                    break;
                case 2:
                    Expect(wire, Delimited, "payload", "metrics", field);
                    metrics.Add(DecodeMetric(input.ReadBytes().CreateCodedInput(), metrics.Count));
                    break;
                case 3:
                    Expect(wire, Varint, "payload", "seq", field);
                    seq = input.ReadUInt64();
                    break;
                case 4:
                    Expect(wire, Delimited, "payload", "uuid", field);
                    uuid = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new SparkplugPayload(timestamp, metrics, seq, uuid);
    }

    private static SparkplugMetric DecodeMetric(CodedInputStream input, int index)
    {
        var where = $"metrics[{index}]";
        string? name = null;
        ulong? alias = null, timestamp = null;
        SparkplugDataType? type = null;
        bool isNull = false, historical = false, transient = false;
        var value = SparkplugValue.None;
        try
        {
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                var wire = WireFormat.GetTagWireType(tag);
                switch (field)
                {
                    case 1:
                        Expect(wire, Delimited, where, "name", field);
                        name = input.ReadString();
                        break;
                    case 2:
                        Expect(wire, Varint, where, "alias", field);
                        alias = input.ReadUInt64();
                        break;
                    case 3:
                        Expect(wire, Varint, where, "timestamp", field);
                        timestamp = input.ReadUInt64();
                        break;
                    case 4:
                        Expect(wire, Varint, where, "datatype", field);
                        type = (SparkplugDataType)input.ReadUInt32();
                        break;
                    case 5:
                        Expect(wire, Varint, where, "is_historical", field);
                        historical = input.ReadBool();
                        break;
                    case 6:
                        Expect(wire, Varint, where, "is_transient", field);
                        transient = input.ReadBool();
                        break;
                    case 7:
                        Expect(wire, Varint, where, "is_null", field);
                        isNull = input.ReadBool();
                        break;
                    case 10:
                        Expect(wire, Varint, where, "int_value", field);
                        value = SparkplugValue.FromInt(input.ReadUInt32());
                        break;
                    case 11:
                        Expect(wire, Varint, where, "long_value", field);
                        value = SparkplugValue.FromLong(input.ReadUInt64());
                        break;
                    case 12:
                        Expect(wire, Fixed32, where, "float_value", field);
                        value = SparkplugValue.FromFloat(input.ReadFloat());
                        break;
                    case 13:
                        Expect(wire, Fixed64, where, "double_value", field);
                        value = SparkplugValue.FromDouble(input.ReadDouble());
                        break;
                    case 14:
                        Expect(wire, Varint, where, "boolean_value", field);
                        value = SparkplugValue.FromBoolean(input.ReadBool());
                        break;
                    case 15:
                        Expect(wire, Delimited, where, "string_value", field);
                        value = SparkplugValue.FromString(input.ReadString());
                        break;
                    case 16:
                        Expect(wire, Delimited, where, "bytes_value", field);
                        input.SkipLastField();
                        value = new SparkplugValue(SparkplugValueKind.Bytes);
                        break;
                    case 17 or 18 or 19:
                        Expect(wire, Delimited, where, field == 17 ? "dataset_value" : field == 18 ? "template_value" : "extension_value", field);
                        input.SkipLastField();
                        value = new SparkplugValue(SparkplugValueKind.Other);
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new MalformedPayloadException($"{where}: malformed protobuf: {e.Message}");
        }

        if (type is { } known && (uint)known > 34)
        {
            throw new MalformedPayloadException($"{where}: datatype {(uint)known} is not a Sparkplug B data type");
        }

        return new SparkplugMetric(name, alias, timestamp, type, isNull, value, historical, transient);
    }

    private static void Expect(WireFormat.WireType actual, WireFormat.WireType expected, string where, string name, int field)
    {
        if (actual != expected)
        {
            throw new MalformedPayloadException($"{where}.{name} (field {field}) has wire type {actual}, expected {expected}");
        }
    }

    // data types 20-34 (property sets and arrays) are defined by the specification but carry no tag value here
    private sealed class MalformedPayloadException(string message) : Exception(message);
}
