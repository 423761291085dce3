namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>What was wrong with a reply frame; the client counts each kind.</summary>
public enum ModbusFrameError
{
    ProtocolId,
    Length,
    Truncated,
    TransactionId,
    UnitId,
    Function,
    ByteCount,
    Echo,
}

/// <summary>A reply that is not a valid answer to the request sent. The client has reset the connection.</summary>
public sealed class ModbusFrameException(ModbusFrameError error, string message) : Exception(message)
{
    public ModbusFrameError Error { get; } = error;
}
