namespace FactoryPath.Edge.Sparkplug;

/// <summary>
/// A Sparkplug B payload as far as the gateway uses it: the send time, the metrics and the sequence number
/// (Sparkplug 3.0.0, chapter 6 "Payloads"). Data sets, templates, metadata and property sets are skipped when read.
/// </summary>
public sealed record SparkplugPayload(ulong? Timestamp, IReadOnlyList<SparkplugMetric> Metrics, ulong? Seq = null, string? Uuid = null);

/// <summary>
/// One metric: its name (in births, optional later), its alias, its acquisition time (ms since the Unix epoch), its
/// data type, whether it is null, and its value (in the field its data type selects).
/// </summary>
public sealed record SparkplugMetric(
    string? Name,
    ulong? Alias,
    ulong? Timestamp,
    SparkplugDataType? DataType,
    bool IsNull,
    SparkplugValue Value,
    bool IsHistorical = false,
    bool IsTransient = false);

/// <summary>Which field of the metric's value "oneof" was present.</summary>
public enum SparkplugValueKind
{
    None,

    /// <summary>Field 10, uint32 (Int8, Int16, Int32, UInt8, UInt16, UInt32; signed types in two's complement).</summary>
    Int,

    /// <summary>Field 11, uint64 (Int64, UInt64, DateTime; signed types in two's complement).</summary>
    Long,

    /// <summary>Field 12, float.</summary>
    Float,

    /// <summary>Field 13, double.</summary>
    Double,

    /// <summary>Field 14, bool.</summary>
    Boolean,

    /// <summary>Field 15, string (String, Text, UUID).</summary>
    String,

    /// <summary>Field 16, bytes.</summary>
    Bytes,

    /// <summary>Fields 17-19 (data set, template, extension): kept as present but not decoded.</summary>
    Other,
}

/// <summary>A metric value as it came on the wire; <see cref="ToDouble"/> gives the tag value.</summary>
public readonly record struct SparkplugValue(SparkplugValueKind Kind, ulong Integer = 0, double Real = 0, bool Boolean = false, string? Text = null)
{
    public static SparkplugValue None => default;

    public static SparkplugValue FromInt(uint value) => new(SparkplugValueKind.Int, Integer: value);

    public static SparkplugValue FromLong(ulong value) => new(SparkplugValueKind.Long, Integer: value);

    public static SparkplugValue FromFloat(float value) => new(SparkplugValueKind.Float, Real: value);

    public static SparkplugValue FromDouble(double value) => new(SparkplugValueKind.Double, Real: value);

    public static SparkplugValue FromBoolean(bool value) => new(SparkplugValueKind.Boolean, Boolean: value);

    public static SparkplugValue FromString(string value) => new(SparkplugValueKind.String, Text: value);

    /// <summary>Builds the wire value for a number of the given data type (signed integers in two's complement).</summary>
    public static SparkplugValue FromNumber(SparkplugDataType type, double value) => type switch
    {
        SparkplugDataType.Int8 or SparkplugDataType.Int16 or SparkplugDataType.Int32 => FromInt(unchecked((uint)(int)value)),
        SparkplugDataType.UInt8 or SparkplugDataType.UInt16 or SparkplugDataType.UInt32 => FromInt((uint)value),
        SparkplugDataType.Int64 => FromLong(unchecked((ulong)(long)value)),
        SparkplugDataType.UInt64 or SparkplugDataType.DateTime => FromLong((ulong)value),
        SparkplugDataType.Float => FromFloat((float)value),
        SparkplugDataType.Double => FromDouble(value),
        SparkplugDataType.Boolean => FromBoolean(value != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a numeric Sparkplug data type"),
    };

    /// <summary>
    /// The value as a tag number for the given data type (booleans 0/1, numeric strings parsed with the invariant
    /// culture); null with a reason when the type or the field does not give a number.
    /// </summary>
    public double? ToDouble(SparkplugDataType type, out string? error)
    {
        error = null;
        switch (type)
        {
            case SparkplugDataType.Int8 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((sbyte)Integer);
            case SparkplugDataType.Int16 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((short)Integer);
            case SparkplugDataType.Int32 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((int)Integer);
            case SparkplugDataType.UInt8 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((byte)Integer);
            case SparkplugDataType.UInt16 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((ushort)Integer);
            case SparkplugDataType.UInt32 when Kind is SparkplugValueKind.Int or SparkplugValueKind.Long:
                return unchecked((uint)Integer);
            case SparkplugDataType.Int64 when Kind is SparkplugValueKind.Long or SparkplugValueKind.Int:
                return unchecked((long)Integer);
            case SparkplugDataType.UInt64 or SparkplugDataType.DateTime when Kind is SparkplugValueKind.Long or SparkplugValueKind.Int:
                return Integer;
            case SparkplugDataType.Float or SparkplugDataType.Double when Kind is SparkplugValueKind.Float or SparkplugValueKind.Double:
                return Real;
            case SparkplugDataType.Boolean when Kind is SparkplugValueKind.Boolean:
                return Boolean ? 1 : 0;
            case SparkplugDataType.String or SparkplugDataType.Text when Kind is SparkplugValueKind.String:
                if (double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                error = $"string value '{Shorten(Text)}' is not a number";
                return null;
            default:
                error = Kind == SparkplugValueKind.None
                    ? $"a {type} metric without a value and without is_null"
                    : $"a {type} metric carries a {Kind} value field, which gives no number";
                return null;
        }
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "…";
}
