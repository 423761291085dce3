using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Simulation.Scenario;

/// <summary>Reads the keys of one YAML mapping with their line numbers, collecting errors instead of throwing.</summary>
internal sealed class YamlFields
{
    private readonly string _file;
    private readonly List<ScenarioError> _errors;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public YamlFields(string file, List<ScenarioError> errors, YamlMappingNode mapping, string what, params string[] known)
    {
        _file = file;
        _errors = errors;
        Node = mapping;
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {what}; known keys: {string.Join(", ", known)}");
            }
            else if (!_fields.TryAdd(name, (key, value)))
            {
                Error(key, $"key '{name}' appears twice in {what}");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public bool Has(string key) => _fields.ContainsKey(key);

    public YamlNode? Value(string key) => _fields.TryGetValue(key, out var f) ? f.Value : null;

    public void Error(YamlNode node, string message) =>
        _errors.Add(new ScenarioError(_file, (int)node.Start.Line, (int)node.Start.Column, message));

    public string? String(string key, bool required = false)
    {
        if (!_fields.TryGetValue(key, out var f))
        {
            if (required)
            {
                Error(Node, $"missing key '{key}'");
            }

            return null;
        }

        if (f.Value is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Error(f.Value, $"'{key}' must be a non-empty text");
        return null;
    }

    /// <summary>A number within [min, max]; null (with an error when required or malformed) otherwise.</summary>
    public double? Number(string key, double min, double max, bool required = false, bool exclusiveMin = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        var node = _fields[key].Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(node, $"'{key}' must be a number, not '{text}'");
            return null;
        }

        if (value < min || (exclusiveMin && value <= min) || value > max)
        {
            var lower = exclusiveMin ? $"greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            Error(node, $"'{key}' is {text}; it must be {lower} and at most {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number within [min, max].</summary>
    public long? Integer(string key, long min, long max, bool required = false)
    {
        var number = Number(key, min, max, required);
        if (number is { } n && n != Math.Floor(n))
        {
            Error(_fields[key].Value, $"'{key}' must be a whole number, not {n.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return (long?)number;
    }

    public YamlFields? Mapping(string key, string what, params string[] known)
    {
        if (!_fields.TryGetValue(key, out var f))
        {
            return null;
        }

        if (f.Value is YamlMappingNode mapping)
        {
            return new YamlFields(_file, _errors, mapping, what, known);
        }

        Error(f.Value, $"'{key}' must be a mapping of {string.Join(", ", known)}");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required = false)
    {
        if (!_fields.TryGetValue(key, out var f))
        {
            if (required)
            {
                Error(Node, $"missing key '{key}'");
            }

            return null;
        }

        if (f.Value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(f.Value, $"'{key}' must be a list");
        return null;
    }
}
