using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Reads typed values out of YAML nodes and collects an error, with line and column, for every problem.</summary>
internal sealed partial class YamlReader(string file)
{
    private readonly List<ModelError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<ModelError> Errors => _errors;

    /// <summary>What the file's errors say when YamlDotNet gives up on text without saying where.</summary>
    internal const string Unparsable = "not valid YAML: the text ends inside a bracket, quote or key, or holds a character YAML does not allow";

    /// <summary>
    /// Parses YAML text; null and an error when it is not YAML. YamlDotNet reports syntax errors as a YamlException with
    /// their position, but a few malformed texts (a NUL before a key, a flow mapping cut off by the end of the file) as an
    /// InvalidOperationException or ArgumentException from its scanner or node builder: those are refused the same way.
    /// </summary>
    public static YamlStream? Load(string text, string file, out ModelError? error)
    {
        var stream = new YamlStream();
        error = null;
        if (YamlNesting.FlowDepth(text) > YamlNesting.MaxFlowDepth)
        {
            error = new ModelError(file, 1, 1, YamlNesting.TooDeep);
            return null;
        }

        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            error = new ModelError(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            error = new ModelError(file, 1, 1, Unparsable);
        }

        return null;
    }

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public void Error(SourceLocation at, string message) => _errors.Add(new ModelError(at.File, at.Line, at.Column, message));

    /// <summary>The node as a mapping, or null (and an error) when it is something else.</summary>
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

        if (node is YamlScalarNode { Value: { Length: > 0 } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error(node, $"{what}: '{key}' must be a non-empty text");
        return null;
    }

    public string? Id(YamlMappingNode map, string what)
    {
        var id = String(map, "id", what);
        if (id is not null && !SlugPattern().IsMatch(id))
        {
            Error(Node(map, "id")!, $"{what}: id '{id}' must be an ASCII slug (letters, digits, '-' or '_', starting with a letter or digit)");
            return null;
        }

        return id;
    }

    public decimal? Decimal(YamlMappingNode map, string key, string what, bool required = false)
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

        if (node is YamlScalarNode { Value: { } text } && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{what}: '{key}' must be a number");
        return null;
    }

    public int? Int(YamlMappingNode map, string key, string what, bool required = false)
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

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{what}: '{key}' must be a whole number");
        return null;
    }

    public bool Bool(YamlMappingNode map, string key, string what)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, $"{what}: '{key}' must be true or false");
        return false;
    }

    /// <summary>Reads <c>key: {zh: ..., en: ...}</c>; both languages are required.</summary>
    public LocalizedText? Text(YamlMappingNode map, string key, string what, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"{what} is missing '{key}' (with zh and en texts)");
            }

            return null;
        }

        return Text(node, $"{what} {key}");
    }

    public LocalizedText? Text(YamlNode node, string what)
    {
        if (Mapping(node, $"{what} (zh and en texts)") is not { } texts)
        {
            return null;
        }

        OnlyKeys(texts, what, "zh", "en");
        var zh = Language(texts, "zh", what);
        var en = Language(texts, "en", what);
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    private string? Language(YamlMappingNode texts, string language, string what)
    {
        var node = Node(texts, language);
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        var name = language == "zh" ? "Chinese (zh)" : "English (en)";
        Error(node ?? texts, $"{what} is missing its {name} translation");
        return null;
    }

    /// <summary>The items of a sequence under <paramref name="key"/>; empty (with an error when required) if absent.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, string what, bool required = true)
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

        if (node is YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            return sequence.Children.ToList();
        }

        Error(node, $"{what}: '{key}' must be a non-empty list");
        return [];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex SlugPattern();
}
