using FactoryPath.Edge.Modbus.Server;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Simulation;

/// <summary>
/// The machines of a scenario on one simulated clock, and the register banks they are published to (one per unit id).
/// <see cref="Step"/> advances the clock in whole ticks, carrying any remainder, so the registers depend only on the
/// seed and the total simulated time, not on how the time was cut into steps. Thread-safe.
/// </summary>
public sealed class MachineSimulation
{
    private readonly Lock _gate = new();
    private readonly SimulatedMachine[] _machines;
    private readonly SimulatedMachine[] _tickOrder;
    private readonly Dictionary<byte, ModbusRegisterBank> _banks = [];
    private readonly Queue<ScriptedEvent> _events;
    private long _nowTicks;
    private long _carryTicks;

    public MachineSimulation(SimulationScenario scenario)
    {
        Scenario = scenario;
        _machines = [.. scenario.Machines.Select((spec, i) => new SimulatedMachine(spec, MachineSeed(scenario.Seed, i)))];
        foreach (var meter in _machines.Where(m => m.Type == MachineType.EnergyMeter))
        {
            meter.MeasureFrom([.. meter.Spec.Measures.Select(id => _machines.Single(m => m.Id == id))]);
        }

        // Meters read the power of the machines they measure, so they tick after them.
        _tickOrder = [.. _machines.Where(m => m.Type != MachineType.EnergyMeter), .. _machines.Where(m => m.Type == MachineType.EnergyMeter)];
        foreach (var machine in _machines)
        {
            _banks.TryAdd(machine.UnitId, new ModbusRegisterBank());
        }

        _events = new Queue<ScriptedEvent>(scenario.Events.OrderBy(e => e.At));
        lock (_gate)
        {
            ApplyDueEvents();
            Publish();
        }
    }

    public SimulationScenario Scenario { get; }

    public IReadOnlyList<SimulatedMachine> Machines => _machines;

    /// <summary>The register bank of every unit id.</summary>
    public IReadOnlyDictionary<byte, ModbusRegisterBank> Banks => _banks;

    /// <summary>Simulated time since the start (whole ticks).</summary>
    public TimeSpan Now
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromTicks(_nowTicks);
            }
        }
    }

    /// <summary>
    /// Advances the simulated clock by <paramref name="elapsed"/>: runs every whole tick that fits (with the remainder
    /// of earlier steps), applies scripted events as their time is reached, then publishes the registers.
    /// </summary>
    public void Step(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        var tick = Scenario.Tick.Ticks;
        var seconds = Scenario.Tick.TotalSeconds;
        lock (_gate)
        {
            _carryTicks += elapsed.Ticks;
            var whole = _carryTicks / tick;
            _carryTicks -= whole * tick;
            for (long i = 0; i < whole; i++)
            {
                foreach (var machine in _tickOrder)
                {
                    machine.Tick(seconds);
                }

                _nowTicks += tick;
                ApplyDueEvents();
            }

            Publish();
        }
    }

    private void ApplyDueEvents()
    {
        while (_events.TryPeek(out var next) && next.At.Ticks <= _nowTicks)
        {
            _events.Dequeue();
            _machines.Single(m => m.Id == next.MachineId).Force(next.State, next.Reason, next.Duration);
        }
    }

    private void Publish()
    {
        foreach (var machine in _machines)
        {
            var values = machine.Values;
            var registers = new ushort[MachineRegisterMap.BlockSize];
            MachineRegisterMap.Encode(machine.Type, values, registers);
            var baseAddress = machine.BaseAddress;
            _banks[machine.UnitId].Update(t =>
            {
                registers.CopyTo(t.HoldingRegisters.Slice(baseAddress, registers.Length));
                registers.CopyTo(t.InputRegisters.Slice(baseAddress, registers.Length));
                for (var bit = 0; bit < MachineRegisterMap.CoilCount; bit++)
                {
                    var on = ((ushort)values.Alarms & (1 << bit)) != 0;
                    t.Coils[baseAddress + bit] = on;
                    t.DiscreteInputs[baseAddress + bit] = on;
                }
            });
        }
    }

    /// <summary>Each machine gets its own generator, derived from the scenario seed and its position.</summary>
    private static int MachineSeed(int seed, int index) => unchecked(seed * 7919 + index * 104_729 + 1);
}
