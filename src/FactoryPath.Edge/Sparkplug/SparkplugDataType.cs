namespace FactoryPath.Edge.Sparkplug;

/// <summary>
/// Metric data types of the Sparkplug B payload (Sparkplug Specification 3.0.0, chapter 6 "Payloads", the DataType
/// enumeration of the Sparkplug B protobuf definition). The numbers are the wire values.
/// </summary>
public enum SparkplugDataType : uint
{
    Unknown = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    UInt8 = 5,
    UInt16 = 6,
    UInt32 = 7,
    UInt64 = 8,
    Float = 9,
    Double = 10,
    Boolean = 11,
    String = 12,
    DateTime = 13,
    Text = 14,
    Uuid = 15,
    DataSet = 16,
    Bytes = 17,
    File = 18,
    Template = 19,
}
