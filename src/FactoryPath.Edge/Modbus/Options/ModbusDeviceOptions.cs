using FactoryPath.Edge.Modbus.Planning;
using FactoryPath.Edge.Modbus.Protocol;

namespace FactoryPath.Edge.Modbus.Options;

/// <summary>One Modbus TCP device (one unit id behind one host:port) and the tags read from it.</summary>
public sealed record ModbusDeviceOptions
{
    /// <summary>The source name in health reports; unique within the gateway.</summary>
    public required string Name { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; } = 502;

    /// <summary>0–255; 1 is the usual default, 255 or 0 for many devices that ignore it.</summary>
    public int UnitId { get; init; } = 1;

    /// <summary>Time between the starts of two polls of all tags.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline for connecting and for each request's reply.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>1–125 registers per read request; lower it for devices that reject long reads.</summary>
    public int MaxRegistersPerRead { get; init; } = ModbusLimits.MaxReadRegisters;

    /// <summary>1–2000 coils or discrete inputs per read request.</summary>
    public int MaxCoilsPerRead { get; init; } = ModbusLimits.MaxReadBits;

    /// <summary>Unused addresses (registers, or bits for coil tables) read across to join two tags into one request; 0 joins only neighbours.</summary>
    public int MaxGap { get; init; }

    /// <summary>First wait before reconnecting; it doubles after each failure up to <see cref="ReconnectDelayMax"/>, with jitter.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A tag inside its deadband is still published this often; null publishes only on change.</summary>
    public TimeSpan? RefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<ModbusTagOptions> Tags { get; init; } = [];

    public ModbusPlanLimits PlanLimits => new(MaxRegistersPerRead, MaxCoilsPerRead, MaxGap);

    /// <summary>Every problem with the device and its tags, each a sentence naming the device (and tag); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var name = string.IsNullOrWhiteSpace(Name) ? "device (no name)" : $"device '{Name}'";
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add($"{name}: {message}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(Name), "has no name");
        Check(!string.IsNullOrWhiteSpace(Host), "has no host");
        Check(Port is >= 1 and <= 65535, $"port {Port} is outside 1–65535");
        Check(UnitId is >= 0 and <= 255, $"unit id {UnitId} is outside 0–255");
        Check(PollInterval > TimeSpan.Zero, $"poll interval {PollInterval} must be positive");
        Check(Timeout > TimeSpan.Zero, $"timeout {Timeout} must be positive");
        Check(MaxRegistersPerRead is >= 1 and <= ModbusLimits.MaxReadRegisters, $"max registers per read {MaxRegistersPerRead} is outside 1–{ModbusLimits.MaxReadRegisters}");
        Check(MaxCoilsPerRead is >= 1 and <= ModbusLimits.MaxReadBits, $"max coils per read {MaxCoilsPerRead} is outside 1–{ModbusLimits.MaxReadBits}");
        Check(MaxGap >= 0, $"max gap {MaxGap} must be zero or more");
        Check(ReconnectDelayMin > TimeSpan.Zero, $"reconnect delay min {ReconnectDelayMin} must be positive");
        Check(ReconnectDelayMax >= ReconnectDelayMin, $"reconnect delay max {ReconnectDelayMax} is below the min {ReconnectDelayMin}");
        Check(RefreshInterval is null || RefreshInterval > TimeSpan.Zero, $"refresh interval {RefreshInterval} must be positive (or absent)");
        Check(Tags is { Count: > 0 }, "has no tags");

        var maxRegisters = Math.Clamp(MaxRegistersPerRead, 1, ModbusLimits.MaxReadRegisters);
        foreach (var tag in Tags ?? [])
        {
            if (tag is null)
            {
                errors.Add($"{name}: a tag entry is empty");
                continue;
            }

            errors.AddRange(tag.Validate(maxRegisters).Select(e => $"{name}: {e}"));
        }

        foreach (var duplicate in (Tags ?? []).Where(t => t is not null && !string.IsNullOrWhiteSpace(t.Id)).GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{name}: tag id '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        return errors;
    }
}
