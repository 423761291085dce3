namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>
/// The device answered with an exception response (function code with bit 7 set, then an exception code; Modbus
/// Application Protocol Specification V1.1b3, section 7). The connection stays usable.
/// </summary>
public sealed class ModbusException(ModbusFunction function, ModbusExceptionCode code)
    : Exception($"device answered {function} with exception {(byte)code} ({code})")
{
    public ModbusFunction Function { get; } = function;

    public ModbusExceptionCode Code { get; } = code;
}
