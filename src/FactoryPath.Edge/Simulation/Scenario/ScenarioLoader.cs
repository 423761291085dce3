using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Simulation.Scenario;

/// <summary>
/// Reads a scenario YAML file and validates it completely, reporting every problem with its file:line:column (unknown
/// keys and machine types, duplicate ids and unit ids, negative or zero times, rates outside 0–1, blocks beyond the
/// register bank, events for unknown machines). The format is described in the README, "Machine simulator".
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] TopKeys = ["seed", "acceleration", "tickMilliseconds", "machines", "events"];

    private static readonly string[] MachineKeys =
    [
        "id", "type", "unitId", "baseAddress", "cycleSeconds", "cycleJitter", "mtbfMinutes", "mttrMinutes", "scrapRate",
        "idle", "changeover", "power", "temperature", "downReasons", "start", "measures",
    ];

    private static readonly string[] EventKeys = ["atMinutes", "machine", "state", "reason", "durationMinutes"];

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ScenarioException"/> listing every error.</summary>
    public static SimulationScenario LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 1, 1, $"cannot read the scenario: {e.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>The demo scenario shipped with the gateway (Simulation/Data/demo-factory.yaml): one machine of each type.</summary>
    public static SimulationScenario LoadDemo()
    {
        const string name = "FactoryPath.Edge.Simulation.Data.demo-factory.yaml";
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "demo-factory.yaml");
    }

    /// <summary>Parses scenario text; <paramref name="source"/> names it in error messages.</summary>
    public static SimulationScenario Parse(string yaml, string source)
    {
        var errors = new List<ScenarioError>();
        var scenario = TryParse(yaml, source, errors);
        if (errors.Count > 0 || scenario is null)
        {
            throw new ScenarioException(errors.Count > 0 ? errors : [new ScenarioError(source, 1, 1, "the scenario is empty")]);
        }

        return scenario;
    }

    private static SimulationScenario? TryParse(string yaml, string source, List<ScenarioError> errors)
    {
        var stream = new YamlStream();
        if (Configuration.Yaml.YamlNesting.FlowDepth(yaml) > Configuration.Yaml.YamlNesting.MaxFlowDepth)
        {
            errors.Add(new ScenarioError(source, 1, 1, Configuration.Yaml.YamlNesting.TooDeep));
            return null;
        }

        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new ScenarioError(source, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // malformed text YamlDotNet refuses without a YamlException (see YamlConfigReader.Root)
            errors.Add(new ScenarioError(source, 1, 1, Configuration.Yaml.YamlConfigReader.UnparsableYaml));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            errors.Add(new ScenarioError(source, (int)node.Start.Line, (int)node.Start.Column, "a scenario is a mapping with seed, machines and events"));
            return null;
        }

        var top = new YamlFields(source, errors, root, "the scenario", TopKeys);
        var seed = top.Integer("seed", int.MinValue, int.MaxValue, required: true);
        var acceleration = top.Number("acceleration", 0, 100_000, exclusiveMin: true) ?? 1;
        var tickMs = top.Integer("tickMilliseconds", 1, 60_000) ?? 100;

        var machines = new List<(MachineSpec Spec, YamlNode Node)>();
        if (top.Sequence("machines", required: true) is { } list)
        {
            if (list.Children.Count == 0)
            {
                top.Error(list, "'machines' must list at least one machine");
            }

            foreach (var node in list.Children)
            {
                if (ReadMachine(source, errors, node, tickMs / 1000.0) is { } machine)
                {
                    machines.Add((machine, node));
                }
            }

            CheckMachineSet(source, errors, machines);
        }

        var events = new List<ScriptedEvent>();
        if (top.Sequence("events") is { } eventList)
        {
            foreach (var node in eventList.Children)
            {
                if (ReadEvent(source, errors, node, [.. machines.Select(m => m.Spec.Id)]) is { } scripted)
                {
                    events.Add(scripted);
                }
            }
        }

        return seed is null ? null : new SimulationScenario
        {
            Seed = (int)seed,
            Acceleration = acceleration,
            Tick = TimeSpan.FromMilliseconds(tickMs),
            Machines = [.. machines.Select(m => m.Spec)],
            Events = events,
            Source = source,
        };
    }

    private static MachineSpec? ReadMachine(string source, List<ScenarioError> errors, YamlNode node, double tickSeconds)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new ScenarioError(source, (int)node.Start.Line, (int)node.Start.Column, "a machine is a mapping with id, type and unitId"));
            return null;
        }

        var errorsBefore = errors.Count;
        var f = new YamlFields(source, errors, mapping, "a machine", MachineKeys);
        var id = f.String("id", required: true);
        var typeName = f.String("type", required: true);
        MachineType type = default;
        if (typeName is not null && !MachineTypeNames.TryParse(typeName, out type))
        {
            f.Error(f.Value("type")!, $"unknown machine type '{typeName}'; known types: {string.Join(", ", MachineTypeNames.All)}");
        }

        var unitId = f.Integer("unitId", 1, 247, required: true);
        var baseAddress = f.Integer("baseAddress", 0, Modbus.Server.ModbusRegisterBank.DefaultSize - MachineRegisterMap.BlockSize) ?? 0;
        var makesParts = typeName is not null && type.MakesParts();
        var cycle = f.Number("cycleSeconds", 0, 86_400, required: makesParts, exclusiveMin: true);
        var jitter = f.Number("cycleJitter", 0, 0.9) ?? 0.05;
        var mtbf = f.Number("mtbfMinutes", 0, 1e7, exclusiveMin: true);
        var mttr = f.Number("mttrMinutes", 0, 1e7, exclusiveMin: true) ?? 10;
        var scrap = f.Number("scrapRate", 0, 1) ?? 0;
        if (!makesParts && typeName is not null && errors.Count == errorsBefore)
        {
            foreach (var key in new[] { "cycleSeconds", "scrapRate", "changeover" }.Where(f.Has))
            {
                f.Error(f.Value(key)!, $"'{key}' applies to part-making machines (injection_moulding, cnc), not {typeName}");
            }
        }

        if (cycle is { } c && c * (1 - jitter) < tickSeconds)
        {
            f.Error(f.Value("cycleSeconds")!, $"the shortest cycle ({c * (1 - jitter):0.###} s) is shorter than one tick ({tickSeconds:0.###} s)");
        }

        var idle = f.Mapping("idle", "idle", "everyMinutes", "minutes");
        var changeover = f.Mapping("changeover", "changeover", "everyParts", "minutes");
        var defaultsType = typeName is not null && errors.Count == errorsBefore ? type : MachineType.EnergyMeter;
        var power = ReadPower(f.Mapping("power", "power", "runningKw", "idleKw", "downKw", "changeoverKw"), MachineDefaults.Power(defaultsType));
        var temperature = ReadTemperature(f.Mapping("temperature", "temperature", "runningC", "idleC", "downC", "alarmC"), MachineDefaults.Temperature(defaultsType));
        var reasons = ReadReasons(source, errors, f, MachineDefaults.DownReasonWeights(defaultsType));
        var start = f.Mapping("start", "start", "goodCount", "scrapCount", "energyKwh");
        var measures = ReadMeasures(f, type, typeName);
        var spec = new MachineSpec
        {
            Id = id ?? "",
            Type = type,
            UnitId = (byte)(unitId ?? 1),
            BaseAddress = (int)baseAddress,
            CycleSeconds = cycle ?? 0,
            CycleJitter = jitter,
            MtbfMinutes = mtbf,
            MttrMinutes = mttr,
            ScrapRate = scrap,
            IdleEveryMinutes = idle?.Number("everyMinutes", 0, 1e7, required: true, exclusiveMin: true),
            IdleMinutes = idle?.Number("minutes", 0, 1e7, required: true, exclusiveMin: true) ?? 5,
            ChangeoverEveryParts = (int?)changeover?.Integer("everyParts", 1, int.MaxValue, required: true),
            ChangeoverMinutes = changeover?.Number("minutes", 0, 1e7, required: true, exclusiveMin: true) ?? 20,
            Power = power,
            Temperature = temperature,
            DownReasonWeights = reasons,
            Start = new StartValues(
                (uint)(start?.Integer("goodCount", 0, uint.MaxValue) ?? 0),
                (uint)(start?.Integer("scrapCount", 0, uint.MaxValue) ?? 0),
                start?.Number("energyKwh", 0, 1e12) ?? 0),
            Measures = measures,
        };
        return errors.Count == errorsBefore ? spec : null;
    }

    private static PowerProfile ReadPower(YamlFields? f, PowerProfile d)
    {
        if (f is null)
        {
            return d;
        }

        var running = f.Number("runningKw", 0, 1e6) ?? d.RunningKw;
        var idle = f.Number("idleKw", 0, 1e6) ?? d.IdleKw;
        return new PowerProfile(running, idle, f.Number("downKw", 0, 1e6) ?? d.DownKw, f.Number("changeoverKw", 0, 1e6) ?? idle);
    }

    private static TemperatureProfile ReadTemperature(YamlFields? f, TemperatureProfile d) => f is null ? d : new(
        f.Number("runningC", -50, 1000) ?? d.RunningC,
        f.Number("idleC", -50, 1000) ?? d.IdleC,
        f.Number("downC", -50, 1000) ?? d.DownC,
        f.Number("alarmC", -50, 3000) ?? d.AlarmC);

    private static IReadOnlyDictionary<ushort, double> ReadReasons(string source, List<ScenarioError> errors, YamlFields f, IReadOnlyDictionary<ushort, double> defaults)
    {
        if (f.Value("downReasons") is not { } node)
        {
            return defaults;
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            f.Error(node, "'downReasons' must map reason codes to weights, e.g. { 1: 0.2, 3: 0.8 }");
            return defaults;
        }

        var weights = new Dictionary<ushort, double>();
        foreach (var (key, value) in mapping.Children)
        {
            var code = (key as YamlScalarNode)?.Value;
            var weightText = (value as YamlScalarNode)?.Value;
            if (!ushort.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var reason) || reason == 0)
            {
                errors.Add(new ScenarioError(source, (int)key.Start.Line, (int)key.Start.Column, $"down reason '{code}' must be a code 1–65535"));
            }
            else if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight > 0) || !double.IsFinite(weight))
            {
                errors.Add(new ScenarioError(source, (int)value.Start.Line, (int)value.Start.Column, $"weight of down reason {reason} must be a positive number, not '{weightText}'"));
            }
            else if (!weights.TryAdd(reason, weight))
            {
                errors.Add(new ScenarioError(source, (int)key.Start.Line, (int)key.Start.Column, $"down reason {reason} appears twice"));
            }
        }

        return weights.Count > 0 ? weights : defaults;
    }

    private static IReadOnlyList<string> ReadMeasures(YamlFields f, MachineType type, string? typeName)
    {
        if (f.Sequence("measures") is not { } list)
        {
            return [];
        }

        if (typeName is not null && type != MachineType.EnergyMeter)
        {
            f.Error(list, $"'measures' applies to energy_meter machines, not {typeName}");
            return [];
        }

        var ids = new List<string>();
        foreach (var item in list.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } id })
            {
                ids.Add(id);
            }
            else
            {
                f.Error(item, "'measures' lists machine ids");
            }
        }

        return ids;
    }

    private static void CheckMachineSet(string source, List<ScenarioError> errors, List<(MachineSpec Spec, YamlNode Node)> machines)
    {
        void Error(YamlNode node, string message) =>
            errors.Add(new ScenarioError(source, (int)node.Start.Line, (int)node.Start.Column, message));

        var ids = new Dictionary<string, (MachineSpec Spec, YamlNode Node)>(StringComparer.Ordinal);
        var units = new Dictionary<byte, (MachineSpec Spec, YamlNode Node)>();
        foreach (var machine in machines)
        {
            if (!ids.TryAdd(machine.Spec.Id, machine))
            {
                Error(machine.Node, $"duplicate machine id '{machine.Spec.Id}' (first at line {ids[machine.Spec.Id].Node.Start.Line})");
            }

            if (!units.TryAdd(machine.Spec.UnitId, machine))
            {
                var first = units[machine.Spec.UnitId];
                Error(machine.Node, $"duplicate unit id {machine.Spec.UnitId}: '{first.Spec.Id}' (line {first.Node.Start.Line}) already uses it");
            }
        }

        foreach (var (meter, node) in machines.Where(m => m.Spec.Type == MachineType.EnergyMeter))
        {
            foreach (var id in meter.Measures)
            {
                if (!ids.TryGetValue(id, out var measured))
                {
                    Error(node, $"energy meter '{meter.Id}' measures unknown machine '{id}'");
                }
                else if (measured.Spec.Type == MachineType.EnergyMeter)
                {
                    Error(node, $"energy meter '{meter.Id}' cannot measure another meter ('{id}')");
                }
            }
        }
    }

    private static ScriptedEvent? ReadEvent(string source, List<ScenarioError> errors, YamlNode node, IReadOnlyList<string> machineIds)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new ScenarioError(source, (int)node.Start.Line, (int)node.Start.Column, "an event is a mapping with atMinutes, machine, state and durationMinutes"));
            return null;
        }

        var errorsBefore = errors.Count;
        var f = new YamlFields(source, errors, mapping, "an event", EventKeys);
        var at = f.Number("atMinutes", 0, 1e7, required: true);
        var machine = f.String("machine", required: true);
        if (machine is not null && !machineIds.Contains(machine))
        {
            f.Error(f.Value("machine")!, $"event for unknown machine '{machine}'");
        }

        var stateName = f.String("state", required: true);
        MachineState? state = stateName switch
        {
            null => null,
            "down" => MachineState.Down,
            "idle" => MachineState.Idle,
            "changeover" => MachineState.Changeover,
            _ => null,
        };
        if (stateName is not null && state is null)
        {
            f.Error(f.Value("state")!, $"event state must be down, idle or changeover, not '{stateName}'");
        }

        var reason = f.Integer("reason", 1, ushort.MaxValue, required: state == MachineState.Down);
        if (reason is not null && state != MachineState.Down)
        {
            f.Error(f.Value("reason")!, "'reason' applies to down events only");
        }

        var duration = f.Number("durationMinutes", 0, 1e7, required: true, exclusiveMin: true);
        return errors.Count == errorsBefore && at is { } a && duration is { } d && machine is not null && state is { } st
            ? new ScriptedEvent(TimeSpan.FromMinutes(a), machine, st, (ushort)(reason ?? 0), TimeSpan.FromMinutes(d))
            : null;
    }
}
