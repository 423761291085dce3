using System.Globalization;
using System.Text.Json;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// Turns the JSON payloads of one subscription into tag samples, following its mappings (a validated
/// <see cref="JsonSubscriptionOptions"/>). Pure: no I/O; every problem is reported as (kind, message).
/// </summary>
internal sealed class JsonSubscriptionMapper
{
    private readonly List<Compiled> tags = [];

    public JsonSubscriptionMapper(JsonSubscriptionOptions options)
    {
        Options = options;
        foreach (var tag in options.Tags)
        {
            tags.Add(new Compiled(
                Parse(TopicTagId.TryParse(tag.TagId, out var id, out var e1), id, e1),
                Parse(JsonFieldPath.TryParse(tag.ValuePath, out var value, out var e2), value, e2),
                tag.TimestampPath is null ? null : Parse(JsonFieldPath.TryParse(tag.TimestampPath, out var time, out var e3), time, e3),
                tag.QualityPath is null ? null : Parse(JsonFieldPath.TryParse(tag.QualityPath, out var quality, out var e4), quality, e4),
                tag.Scale,
                tag.Offset));
        }
    }

    public JsonSubscriptionOptions Options { get; }

    public bool Matches(string topic) => MqttTopicFilter.Matches(Options.TopicFilter, topic);

    /// <summary>Adds the payload's samples to <paramref name="samples"/> and its problems to <paramref name="errors"/>.</summary>
    public void Map(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, List<TagSample> samples, List<(string Kind, string Message)> errors)
    {
        // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8; the parser leaves bad bytes inside strings
        // to the moment a string is read, so they are refused here
        if (!System.Text.Unicode.Utf8.IsValid(payload.Span))
        {
            errors.Add((SourceErrorKind.NotJson, $"'{topic}': payload is not valid UTF-8"));
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            errors.Add((SourceErrorKind.NotJson, $"'{topic}': payload is not JSON ({e.Message})"));
            return;
        }

        using (document)
        {
            var levels = topic.Split('/');
            foreach (var tag in tags)
            {
                MapTag(tag, topic, levels, document.RootElement, receivedAt, samples, errors);
            }
        }
    }

    private static void MapTag(Compiled tag, string topic, string[] levels, JsonElement root, DateTimeOffset receivedAt, List<TagSample> samples, List<(string Kind, string Message)> errors)
    {
        var tagId = tag.Id.Render(levels, out var idError);
        if (tagId is null)
        {
            errors.Add((SourceErrorKind.BadTopic, $"'{topic}': {idError}"));
            return;
        }

        if (!tag.Value.TryFind(root, out var valueElement))
        {
            errors.Add((SourceErrorKind.MissingField, $"'{topic}': tag '{tagId}': no field '{tag.Value}' in the payload"));
            return;
        }

        double? raw;
        switch (valueElement.ValueKind)
        {
            case JsonValueKind.Number when valueElement.TryGetDouble(out var number):
                raw = number;
                break;
            case JsonValueKind.True:
                raw = 1;
                break;
            case JsonValueKind.False:
                raw = 0;
                break;
            case JsonValueKind.String when double.TryParse(valueElement.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                raw = parsed;
                break;
            case JsonValueKind.Null:
                raw = null;
                break;
            default:
                errors.Add((SourceErrorKind.NonNumeric, $"'{topic}': tag '{tagId}': field '{tag.Value}' is {Describe(valueElement)}, not a number"));
                return;
        }

        var value = raw * tag.Scale + tag.Offset;
        if (value is { } v && !double.IsFinite(v))
        {
            errors.Add((SourceErrorKind.NonNumeric, $"'{topic}': tag '{tagId}': field '{tag.Value}' scales to {v}"));
            return;
        }

        var timestamp = receivedAt;
        if (tag.Timestamp is { } timePath && ReadTimestamp(timePath, root, topic, tagId, errors) is { } read)
        {
            timestamp = read;
        }

        var quality = value is null ? TagQuality.Bad : TagQuality.Good;
        if (tag.Quality is { } qualityPath && value is not null)
        {
            quality = ReadQuality(qualityPath, root, topic, tagId, errors);
        }

        samples.Add(new TagSample(tagId, timestamp, quality == TagQuality.Bad ? null : value, quality));
    }

    private static DateTimeOffset? ReadTimestamp(JsonFieldPath path, JsonElement root, string topic, string tagId, List<(string Kind, string Message)> errors)
    {
        if (!path.TryFind(root, out var element))
        {
            errors.Add((SourceErrorKind.MissingField, $"'{topic}': tag '{tagId}': no timestamp field '{path}'; the receive time is used"));
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var ms)
            && ms >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors.Add((SourceErrorKind.BadTimestamp, $"'{topic}': tag '{tagId}': timestamp field '{path}' is {Describe(element)}, not ISO 8601 or epoch milliseconds; the receive time is used"));
        return null;
    }

    private static TagQuality ReadQuality(JsonFieldPath path, JsonElement root, string topic, string tagId, List<(string Kind, string Message)> errors)
    {
        if (!path.TryFind(root, out var element))
        {
            errors.Add((SourceErrorKind.MissingField, $"'{topic}': tag '{tagId}': no quality field '{path}'; the value is marked uncertain"));
            return TagQuality.Uncertain;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return TagQuality.Good;
            case JsonValueKind.False:
                return TagQuality.Bad;
            case JsonValueKind.String:
                var text = element.GetString();
                if (string.Equals(text, "good", StringComparison.OrdinalIgnoreCase))
                {
                    return TagQuality.Good;
                }

                if (string.Equals(text, "uncertain", StringComparison.OrdinalIgnoreCase))
                {
                    return TagQuality.Uncertain;
                }

                if (string.Equals(text, "bad", StringComparison.OrdinalIgnoreCase))
                {
                    return TagQuality.Bad;
                }

                break;
        }

        errors.Add((SourceErrorKind.BadQuality, $"'{topic}': tag '{tagId}': quality field '{path}' is {Describe(element)}, not good/uncertain/bad or a boolean; the value is marked uncertain"));
        return TagQuality.Uncertain;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(element.GetString() ?? string.Empty)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static T Parse<T>(bool ok, T? value, string? error)
        where T : class => ok && value is not null ? value : throw new ArgumentException($"mapping not validated: {error}");

    private sealed record Compiled(TopicTagId Id, JsonFieldPath Value, JsonFieldPath? Timestamp, JsonFieldPath? Quality, double Scale, double Offset);
}
