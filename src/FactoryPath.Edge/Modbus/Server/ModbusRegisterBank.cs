namespace FactoryPath.Edge.Modbus.Server;

/// <summary>
/// The four data tables of one Modbus unit (Modbus Application Protocol Specification V1.1b3, section 4.3): coils,
/// discrete inputs, holding registers and input registers, each addressed 0 … size−1. Every access takes one lock, so a
/// multi-register value written inside <see cref="Update"/> is never read half-written by a request.
/// </summary>
public sealed class ModbusRegisterBank
{
    /// <summary>Default size of every table: addresses 0–9999.</summary>
    public const int DefaultSize = 10_000;

    private readonly Lock _gate = new();
    private readonly bool[] _coils;
    private readonly bool[] _discreteInputs;
    private readonly ushort[] _holdingRegisters;
    private readonly ushort[] _inputRegisters;

    public ModbusRegisterBank(int size = DefaultSize)
    {
        if (size is < 1 or > 65_536)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A Modbus table holds 1–65536 entries.");
        }

        Size = size;
        _coils = new bool[size];
        _discreteInputs = new bool[size];
        _holdingRegisters = new ushort[size];
        _inputRegisters = new ushort[size];
    }

    /// <summary>Entries in each of the four tables.</summary>
    public int Size { get; }

    /// <summary>Runs <paramref name="write"/> with exclusive access to all four tables.</summary>
    public void Update(Action<IModbusTables> write)
    {
        lock (_gate)
        {
            write(new Tables(this));
        }
    }

    /// <summary>Runs <paramref name="read"/> with exclusive access and returns its result (a consistent snapshot).</summary>
    public T Read<T>(Func<IModbusTables, T> read)
    {
        lock (_gate)
        {
            return read(new Tables(this));
        }
    }

    internal bool Contains(int address, int quantity) => address >= 0 && quantity >= 0 && address + quantity <= Size;

    // Copies for the request handler: one lock each, no closures.
    internal void CopyBits(bool discrete, int address, Span<bool> destination)
    {
        lock (_gate)
        {
            (discrete ? _discreteInputs : _coils).AsSpan(address, destination.Length).CopyTo(destination);
        }
    }

    internal void CopyRegisters(bool input, int address, Span<ushort> destination)
    {
        lock (_gate)
        {
            (input ? _inputRegisters : _holdingRegisters).AsSpan(address, destination.Length).CopyTo(destination);
        }
    }

    internal void WriteCoils(int address, ReadOnlySpan<bool> values)
    {
        lock (_gate)
        {
            values.CopyTo(_coils.AsSpan(address));
        }
    }

    internal void WriteHoldingRegisters(int address, ReadOnlySpan<ushort> values)
    {
        lock (_gate)
        {
            values.CopyTo(_holdingRegisters.AsSpan(address));
        }
    }

    private sealed class Tables(ModbusRegisterBank bank) : IModbusTables
    {
        public Span<bool> Coils => bank._coils;
        public Span<bool> DiscreteInputs => bank._discreteInputs;
        public Span<ushort> HoldingRegisters => bank._holdingRegisters;
        public Span<ushort> InputRegisters => bank._inputRegisters;
    }
}

/// <summary>The four tables of a <see cref="ModbusRegisterBank"/>, valid only inside its Update/Read callback.</summary>
public interface IModbusTables
{
    Span<bool> Coils { get; }
    Span<bool> DiscreteInputs { get; }
    Span<ushort> HoldingRegisters { get; }
    Span<ushort> InputRegisters { get; }
}
