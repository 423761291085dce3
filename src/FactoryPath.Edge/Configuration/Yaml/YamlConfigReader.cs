using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Configuration.Yaml;

/// <summary>
/// Reads values out of a YAML document and collects every problem with its file, line and column, so one pass reports
/// all mistakes of a file instead of the first. Durations are written 500ms, 2s, 5m, 12h or 7d; sizes 64KB, 256MB, 2GB.
/// </summary>
public sealed partial class YamlConfigReader(string file)
{
    private readonly List<ConfigError> errors = [];

    /// <summary>What a file's error says when YamlDotNet gives up on text without saying where.</summary>
    public const string UnparsableYaml = "not valid YAML: the text ends inside a bracket, quote or key, or holds a character YAML does not allow";

    public string File { get; } = file;

    public IReadOnlyList<ConfigError> Errors => errors;

    /// <summary>Parses <paramref name="text"/>; the root mapping, or null with an error (syntax errors carry their position).</summary>
    public YamlMappingNode? Root(string text)
    {
        var stream = new YamlStream();
        if (YamlNesting.FlowDepth(text) > YamlNesting.MaxFlowDepth)
        {
            errors.Add(new ConfigError(File, 1, 1, YamlNesting.TooDeep));
            return null;
        }

        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new ConfigError(File, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on a few malformed texts (a NUL before a key, a flow mapping cut off by the end of the
            // file) with these instead of a YamlException, and without a position
            errors.Add(new ConfigError(File, 1, 1, UnparsableYaml));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(new ConfigError(File, 1, 1, "the file is empty"));
            return null;
        }

        return Mapping(stream.Documents[0].RootNode, "the file");
    }

    public void Error(YamlNode node, string message) =>
        errors.Add(new ConfigError(File, (int)node.Start.Line, (int)node.Start.Column, message));

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, $"{what} must be a mapping of keys to values");
        return null;
    }

    public YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Reports every key of <paramref name="map"/> that is not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"{what} has an unknown key '{name}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? String(YamlMappingNode map, string key, string what, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"{what} is missing '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return Environment(node, value.Trim());
        }

        Error(node, $"{what}: '{key}' must be a non-empty text");
        return null;
    }

    /// <summary>A slug-like name: letters, digits, '.', '-' or '_' (used for ids that become file names and topic levels).</summary>
    public string? Name(YamlMappingNode map, string key, string what, bool required = true)
    {
        var value = String(map, key, what, required);
        if (value is not null && !NamePattern().IsMatch(value))
        {
            Error(Node(map, key)!, $"{what}: '{key}' '{value}' may hold only letters, digits, '.', '-' and '_', and must start with a letter or digit");
            return null;
        }

        return value;
    }

    public long? Integer(YamlMappingNode map, string key, string what, long min, long max, bool required = false)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"{what} is missing '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Error(node, $"{what}: '{key}' is {value}, outside {min}–{max}");
                return null;
            }

            return value;
        }

        Error(node, $"{what}: '{key}' must be a whole number");
        return null;
    }

    public double? Number(YamlMappingNode map, string key, string what, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            if (value < min || value > max)
            {
                Error(node, $"{what}: '{key}' is {value.ToString(CultureInfo.InvariantCulture)}, outside {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return value;
        }

        Error(node, $"{what}: '{key}' must be a number");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key, string what)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"{what}: '{key}' must be true or false");
        return null;
    }

    /// <summary>One of <paramref name="allowed"/> (compared ignoring case); the allowed spelling is returned.</summary>
    public string? Choice(YamlMappingNode map, string key, string what, IReadOnlyList<string> allowed, bool required = false)
    {
        var value = String(map, key, what, required);
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Error(Node(map, key)!, $"{what}: '{key}' '{value}' is not one of {string.Join(", ", allowed)}");
        }

        return match;
    }

    public TimeSpan? Duration(YamlMappingNode map, string key, string what, TimeSpan min, TimeSpan max)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            Error(node, $"{what}: '{key}' '{text}' is not a duration such as 500ms, 2s, 5m, 12h or 7d");
            return null;
        }

        // checked in milliseconds before a TimeSpan is made: 5101010101010100s is past what a TimeSpan holds
        var milliseconds = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * match.Groups[2].Value switch
        {
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => 86_400_000.0,
        };
        if (milliseconds < min.TotalMilliseconds || milliseconds > max.TotalMilliseconds)
        {
            Error(node, $"{what}: '{key}' {text} is outside {Show(min)}–{Show(max)}");
            return null;
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    public long? Size(YamlMappingNode map, string key, string what, long min, long max)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            Error(node, $"{what}: '{key}' '{text}' is not a size such as 64KB, 256MB or 2GB");
            return null;
        }

        var value = (long)(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * match.Groups[2].Value.ToUpperInvariant() switch
        {
            "KB" => 1024L,
            "MB" => 1024L * 1024,
            "GB" => 1024L * 1024 * 1024,
            _ => 1L,
        });
        if (value < min || value > max)
        {
            Error(node, $"{what}: '{key}' {text} is outside {min:N0}–{max:N0} bytes");
            return null;
        }

        return value;
    }

    /// <summary>The items of a sequence under <paramref name="key"/>; empty (with an error when required) if absent.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, string what, bool required = false)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"{what} is missing '{key}'");
            }

            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Error(node, $"{what}: '{key}' must be a list");
        return [];
    }

    /// <summary>Replaces ${NAME} with the environment variable, so secrets stay out of the file; an unset variable is an error.</summary>
    private string? Environment(YamlNode node, string value)
    {
        var missing = new List<string>();
        var result = VariablePattern().Replace(value, m =>
        {
            var found = System.Environment.GetEnvironmentVariable(m.Groups[1].Value);
            if (found is null)
            {
                missing.Add(m.Groups[1].Value);
            }

            return found ?? string.Empty;
        });
        if (missing.Count > 0)
        {
            Error(node, $"environment variable {string.Join(", ", missing)} is not set");
            return null;
        }

        return result;
    }

    private static string Show(TimeSpan t) => t.TotalSeconds < 1 ? $"{t.TotalMilliseconds:0}ms" : t.TotalDays >= 1 ? $"{t.TotalDays:0.##}d" : $"{t.TotalSeconds:0.##}s";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    // [0-9], not \d: \d also matches other scripts' digits (٣, ５), which double.Parse does not read
    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariablePattern();
}
