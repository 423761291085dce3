using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// A tag id that may take levels of the received topic: <c>{1}</c> is the first level, <c>{2}</c> the second …
/// (<c>plant/{2}/{3}/temperature</c> on topic <c>acme/line-1/press-3/telemetry</c> gives
/// <c>plant/line-1/press-3/temperature</c>). Without placeholders it is a fixed id. <c>{{</c> and <c>}}</c> are
/// literal braces.
/// </summary>
public sealed class TopicTagId
{
    private readonly IReadOnlyList<object> parts;

    private TopicTagId(string template, IReadOnlyList<object> parts, int highestLevel)
    {
        Template = template;
        this.parts = parts;
        HighestLevel = highestLevel;
    }

    public string Template { get; }

    /// <summary>The largest level number used (0 for a fixed id).</summary>
    public int HighestLevel { get; }

    public static bool TryParse(string? template, [NotNullWhen(true)] out TopicTagId? tagId, [NotNullWhen(false)] out string? error)
    {
        tagId = null;
        if (string.IsNullOrWhiteSpace(template))
        {
            error = "a tag id must not be empty";
            return false;
        }

        var parts = new List<object>();
        var literal = new StringBuilder();
        var highest = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i);
                var inner = close < 0 ? null : template[(i + 1)..close];
                if (inner is null || !int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1)
                {
                    error = $"tag id '{template}': placeholders are {{1}}, {{2}} … (topic levels counted from 1); write '{{{{' for a literal brace";
                    return false;
                }

                if (literal.Length > 0)
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                }

                parts.Add(level);
                highest = Math.Max(highest, level);
                i = close;
            }
            else if (c == '}')
            {
                error = $"tag id '{template}': unmatched '}}' at position {i + 1}; write '}}}}' for a literal brace";
                return false;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        tagId = new TopicTagId(template, parts, highest);
        error = null;
        return true;
    }

    /// <summary>The id for a received topic; null with a reason when the topic has fewer levels than the template uses.</summary>
    public string? Render(IReadOnlyList<string> topicLevels, out string? error)
    {
        if (HighestLevel > topicLevels.Count)
        {
            error = $"tag id '{Template}' uses level {{{HighestLevel}}} but the topic has {topicLevels.Count} levels";
            return null;
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part is int level ? topicLevels[level - 1] : (string)part);
        }

        error = null;
        return text.ToString();
    }
}
