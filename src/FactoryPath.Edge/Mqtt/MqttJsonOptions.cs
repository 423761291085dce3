namespace FactoryPath.Edge.Mqtt;

/// <summary>A plain-JSON MQTT source: one broker, any number of subscriptions, each with its tag mappings.</summary>
public sealed record MqttJsonOptions
{
    public MqttBrokerOptions Broker { get; init; } = new();

    public IReadOnlyList<JsonSubscriptionOptions> Subscriptions { get; init; } = [];

    /// <summary>Every problem, each naming its place (<c>subscriptions[1].tags[0].value</c>); empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Broker?.Validate() ?? ["broker is required"]);
        if (Subscriptions is not { Count: > 0 })
        {
            errors.Add("subscriptions: at least one subscription is required");
            return errors;
        }

        var fixedIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < Subscriptions.Count; s++)
        {
            errors.AddRange(Subscriptions[s].Validate($"subscriptions[{s}]", fixedIds));
        }

        return errors;
    }
}

/// <summary>One topic filter and how to read tags out of the JSON payloads that arrive on it.</summary>
public sealed record JsonSubscriptionOptions
{
    /// <summary>MQTT topic filter, wildcards allowed (<c>factory/+/+/telemetry</c>).</summary>
    public string TopicFilter { get; init; } = string.Empty;

    /// <summary>Subscription QoS: 0 (at most once) or 1 (at least once).</summary>
    public int Qos { get; init; } = 1;

    public IReadOnlyList<JsonTagMapping> Tags { get; init; } = [];

    internal IReadOnlyList<string> Validate(string where, Dictionary<string, string> fixedIds)
    {
        var errors = new List<string>();
        if (MqttTopicFilter.Check(TopicFilter) is { } filterError)
        {
            errors.Add($"{where}.topic: {filterError}");
        }

        if (Qos is not (0 or 1))
        {
            errors.Add($"{where}.qos {Qos}: only 0 and 1 are supported");
        }

        if (Tags is not { Count: > 0 })
        {
            errors.Add($"{where}.tags: at least one tag mapping is required");
            return errors;
        }

        var levels = string.IsNullOrEmpty(TopicFilter) ? 0 : TopicFilter.Split('/').Length;
        var open = TopicFilter.EndsWith('#');
        for (var t = 0; t < Tags.Count; t++)
        {
            var at = $"{where}.tags[{t}]";
            var tag = Tags[t];
            if (!TopicTagId.TryParse(tag.TagId, out var id, out var idError))
            {
                errors.Add($"{at}.tag: {idError}");
            }
            else if (!open && id.HighestLevel > levels)
            {
                errors.Add($"{at}.tag '{tag.TagId}' uses level {{{id.HighestLevel}}} but topic filter '{TopicFilter}' has {levels} levels");
            }
            else if (id.HighestLevel == 0 && !fixedIds.TryAdd(tag.TagId, at))
            {
                errors.Add($"{at}.tag '{tag.TagId}' is already mapped at {fixedIds[tag.TagId]}");
            }

            if (!JsonFieldPath.TryParse(tag.ValuePath, out _, out var valueError))
            {
                errors.Add($"{at}.value: {valueError}");
            }

            if (tag.TimestampPath is not null && !JsonFieldPath.TryParse(tag.TimestampPath, out _, out var timeError))
            {
                errors.Add($"{at}.timestamp: {timeError}");
            }

            if (tag.QualityPath is not null && !JsonFieldPath.TryParse(tag.QualityPath, out _, out var qualityError))
            {
                errors.Add($"{at}.quality: {qualityError}");
            }

            if (!double.IsFinite(tag.Scale) || tag.Scale == 0)
            {
                errors.Add($"{at}.scale {tag.Scale} must be a finite non-zero number");
            }

            if (!double.IsFinite(tag.Offset))
            {
                errors.Add($"{at}.offset {tag.Offset} must be a finite number");
            }
        }

        return errors;
    }
}

/// <summary>
/// One tag read from a JSON payload: value = raw × <see cref="Scale"/> + <see cref="Offset"/>.
/// </summary>
/// <param name="TagId">Fixed id, or a template with topic levels (<c>{2}/{3}/temperature</c>, see <see cref="TopicTagId"/>).</param>
/// <param name="ValuePath">Path of the value (<c>data.temp</c>, <c>values[0]</c>): a number, a numeric string, or a boolean (0/1); null gives a bad sample.</param>
/// <param name="TimestampPath">Optional path of the reading's time: ISO 8601 text or a number of milliseconds since the Unix epoch; the receive time when not given.</param>
/// <param name="QualityPath">Optional path of a quality: "good", "uncertain", "bad" (any case) or a boolean (true good, false bad).</param>
public sealed record JsonTagMapping(
    string TagId,
    string ValuePath,
    string? TimestampPath = null,
    string? QualityPath = null,
    double Scale = 1,
    double Offset = 0);
