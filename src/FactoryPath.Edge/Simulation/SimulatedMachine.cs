using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Simulation;

/// <summary>
/// One simulated machine: a state machine (running, idle, down with a reason, changeover) advanced tick by tick with
/// its own seeded random generator. Running time brings failures (exponential with the mean time between failures),
/// idle spells and finished cycles; every finished part is scrap with the configured probability; every
/// <c>changeoverEveryParts</c> parts a changeover follows. Power follows the state, energy integrates power, temperature
/// approaches the state's level. Not thread-safe: <see cref="MachineSimulation"/> drives it; <see cref="Values"/> is a
/// snapshot safe to read from anywhere.
/// </summary>
public sealed class SimulatedMachine
{
    private const double TemperatureTimeConstantSeconds = 300;

    /// <summary>Slack for sums of tick lengths (0.1 s is not exact in binary), so 1800 ticks of 0.1 s make 180 s.</summary>
    private const double Epsilon = 1e-6;

    private readonly Random _random;
    private MachineState _state = MachineState.Running;
    private ushort _reason;
    private double _stateSecondsLeft;
    private double _secondsToFailure;
    private double _secondsToIdle;
    private double _cycleSeconds;
    private double _cycleProgress;
    private int _partsToChangeover;
    private uint _good, _scrap;
    private double _lastCycle, _energy, _temperature, _power;
    private bool _lastPartScrap;
    private IReadOnlyList<SimulatedMachine> _measured = [];

    internal SimulatedMachine(MachineSpec spec, int seed)
    {
        Spec = spec;
        _random = new Random(seed);
        _good = spec.Start.GoodCount;
        _scrap = spec.Start.ScrapCount;
        _energy = spec.Start.EnergyKwh;
        _temperature = spec.Temperature.IdleC; // warmed up, not yet at full load
        _secondsToFailure = DrawExponential(spec.MtbfMinutes);
        _secondsToIdle = DrawExponential(spec.IdleEveryMinutes);
        _partsToChangeover = spec.ChangeoverEveryParts ?? 0;
        _cycleSeconds = DrawCycle();
        _power = PowerFor(_state);
        Values = Snapshot();
    }

    public MachineSpec Spec { get; }
    public string Id => Spec.Id;
    public MachineType Type => Spec.Type;
    public byte UnitId => Spec.UnitId;
    public int BaseAddress => Spec.BaseAddress;

    /// <summary>The values after the latest tick (an immutable snapshot).</summary>
    public MachineValues Values { get; private set; }

    internal void MeasureFrom(IReadOnlyList<SimulatedMachine> machines) => _measured = machines;

    /// <summary>Starts a scripted state that holds for <paramref name="duration"/>, whatever the machine was doing.</summary>
    internal void Force(MachineState state, ushort reason, TimeSpan duration)
    {
        Enter(state, state == MachineState.Down ? reason : DownReasons.None, duration.TotalSeconds);
        Values = Snapshot();
    }

    /// <summary>Advances the machine by one tick of <paramref name="seconds"/>.</summary>
    internal void Tick(double seconds)
    {
        if (_state == MachineState.Running)
        {
            Run(seconds);
        }
        else
        {
            _stateSecondsLeft -= seconds;
            if (_stateSecondsLeft <= Epsilon)
            {
                Enter(MachineState.Running, DownReasons.None, 0);
            }
        }

        // Power is held for the whole tick, so energy is exactly the sum of power × tick time.
        _power = PowerFor(_state);
        _energy += _power * seconds / 3600;
        var target = _state switch
        {
            MachineState.Running => Spec.Temperature.RunningC,
            MachineState.Down => Spec.Temperature.DownC,
            _ => Spec.Temperature.IdleC,
        };
        _temperature += (target - _temperature) * (1 - Math.Exp(-seconds / TemperatureTimeConstantSeconds));
        Values = Snapshot();
    }

    private void Run(double seconds)
    {
        if (Type.MakesParts())
        {
            _cycleProgress += seconds;
            while (_cycleProgress >= _cycleSeconds - Epsilon)
            {
                FinishPart();
                if (_state != MachineState.Running)
                {
                    return;
                }
            }
        }

        if (Spec.MtbfMinutes is not null && (_secondsToFailure -= seconds) <= 0)
        {
            Enter(MachineState.Down, DrawReason(), DrawExponential(Spec.MttrMinutes));
            _secondsToFailure = DrawExponential(Spec.MtbfMinutes);
        }
        else if (Spec.IdleEveryMinutes is not null && (_secondsToIdle -= seconds) <= 0)
        {
            Enter(MachineState.Idle, DownReasons.None, DrawExponential(Spec.IdleMinutes));
            _secondsToIdle = DrawExponential(Spec.IdleEveryMinutes);
        }
    }

    private void FinishPart()
    {
        _lastCycle = _cycleSeconds;
        _cycleProgress -= _cycleSeconds;
        _cycleSeconds = DrawCycle();
        _lastPartScrap = _random.NextDouble() < Spec.ScrapRate;
        if (_lastPartScrap)
        {
            _scrap = unchecked(_scrap + 1);
        }
        else
        {
            _good = unchecked(_good + 1);
        }

        if (Spec.ChangeoverEveryParts is { } every && --_partsToChangeover <= 0)
        {
            _partsToChangeover = every;
            Enter(MachineState.Changeover, DownReasons.None, Spec.ChangeoverMinutes * 60);
        }
    }

    private void Enter(MachineState state, ushort reason, double seconds)
    {
        if (state != MachineState.Running)
        {
            _cycleProgress = 0; // an interrupted cycle is not finished; the next one starts afresh
        }

        _state = state;
        _reason = reason;
        _stateSecondsLeft = Math.Max(seconds, 1e-9);
    }

    private double PowerFor(MachineState state)
    {
        var p = Spec.Power;
        var nominal = state switch
        {
            MachineState.Running => p.RunningKw,
            MachineState.Idle => p.IdleKw,
            MachineState.Down => p.DownKw,
            _ => p.ChangeoverKw,
        };
        if (Type == MachineType.EnergyMeter)
        {
            nominal = state == MachineState.Down ? 0 : p.RunningKw + _measured.Sum(m => m._power);
        }

        return nominal * (1 + 0.02 * (2 * _random.NextDouble() - 1));
    }

    private MachineValues Snapshot()
    {
        var alarms = AlarmFlags.None;
        if (_state == MachineState.Down)
        {
            alarms |= AlarmFlags.Down;
        }

        if (_temperature > Spec.Temperature.AlarmC)
        {
            alarms |= AlarmFlags.OverTemperature;
        }

        if (_lastPartScrap)
        {
            alarms |= AlarmFlags.Quality;
        }

        var values = new MachineValues
        {
            State = _state,
            DownReason = _reason,
            GoodCount = _good,
            ScrapCount = _scrap,
            LastCycleSeconds = _lastCycle,
            PowerKw = _power,
            EnergyKwh = _energy,
            TemperatureC = _temperature,
            Alarms = alarms,
        };
        return Type switch
        {
            MachineType.InjectionMoulding => values with { Extra = _state == MachineState.Running ? 1200 : 0 },
            MachineType.Cnc => values with { Extra = _state == MachineState.Running ? 8000 : 0 },
            MachineType.AirCompressor => values with
            {
                Extra = _state switch { MachineState.Running => 7.5, MachineState.Down => 0, _ => 6.8 },
            },
            _ => MeterValues(values),
        };
    }

    private MachineValues MeterValues(MachineValues values)
    {
        if (_state == MachineState.Down)
        {
            return values;
        }

        const double voltage = 400, powerFactor = 0.92;
        return values with
        {
            VoltageV = voltage,
            PowerFactor = powerFactor,
            CurrentA = _power * 1000 / (Math.Sqrt(3) * voltage * powerFactor),
            Extra = 50,
        };
    }

    private double DrawCycle() => Spec.CycleSeconds * (1 + Spec.CycleJitter * (2 * _random.NextDouble() - 1));

    private double DrawExponential(double? meanMinutes) =>
        meanMinutes is { } mean ? -Math.Log(1 - _random.NextDouble()) * mean * 60 : double.PositiveInfinity;

    private ushort DrawReason()
    {
        var weights = Spec.DownReasonWeights;
        var pick = _random.NextDouble() * weights.Values.Sum();
        foreach (var (reason, weight) in weights.OrderBy(w => w.Key))
        {
            if ((pick -= weight) < 0)
            {
                return reason;
            }
        }

        return weights.Keys.Max();
    }
}
