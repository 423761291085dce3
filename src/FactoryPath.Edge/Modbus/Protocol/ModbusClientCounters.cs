namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>
/// What a <see cref="ModbusTcpClient"/> has seen since it was created: requests sent, exception replies, malformed
/// replies (each reset the connection), timeouts, and connections opened.
/// </summary>
public sealed record ModbusClientCounters(long Requests, long ExceptionReplies, long MalformedReplies, long Timeouts, long Connects);
