using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// Where a field sits in a JSON document: property names separated by dots, array positions in brackets
/// (<c>data.temperature</c>, <c>values[2]</c>, <c>readings[0].v</c>, <c>[1]</c> on a top-level array).
/// </summary>
public sealed class JsonFieldPath
{
    private readonly IReadOnlyList<object> segments;

    private JsonFieldPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    public override string ToString() => Text;

    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonFieldPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a JSON path must not be empty";
            return false;
        }

        var segments = new List<object>();
        var i = 0;
        var expectName = true;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"JSON path '{text}': '[' at position {i + 1} is not closed";
                    return false;
                }

                var number = text[(i + 1)..close];
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"JSON path '{text}': '[{number}]' is not an array index (0, 1, 2 …)";
                    return false;
                }

                segments.Add(index);
                i = close + 1;
                expectName = false;
                continue;
            }

            if (text[i] == '.')
            {
                if (segments.Count == 0 || expectName)
                {
                    error = $"JSON path '{text}': empty property name before the '.' at position {i + 1}";
                    return false;
                }

                i++;
                expectName = true;
                if (i == text.Length)
                {
                    error = $"JSON path '{text}' ends with '.'";
                    return false;
                }

                continue;
            }

            if (!expectName)
            {
                error = $"JSON path '{text}': expected '.' or '[' at position {i + 1}";
                return false;
            }

            var end = i;
            while (end < text.Length && text[end] is not ('.' or '[' or ']'))
            {
                end++;
            }

            if (end < text.Length && text[end] == ']')
            {
                error = $"JSON path '{text}': unexpected ']' at position {end + 1}";
                return false;
            }

            segments.Add(text[i..end]);
            i = end;
            expectName = false;
        }

        path = new JsonFieldPath(text, segments);
        error = null;
        return true;
    }

    /// <summary>The element the path leads to, or false when a property or index is missing.</summary>
    public bool TryFind(JsonElement root, out JsonElement found)
    {
        found = root;
        foreach (var segment in segments)
        {
            if (segment is string name)
            {
                if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
                {
                    return false;
                }
            }
            else
            {
                var index = (int)segment;
                if (found.ValueKind != JsonValueKind.Array || index >= found.GetArrayLength())
                {
                    return false;
                }

                found = found[index];
            }
        }

        return true;
    }
}
