using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;

namespace FactoryPath.Edge.Sparkplug;

/// <summary>What handling one Sparkplug message produced.</summary>
internal sealed class SparkplugOutcome
{
    public List<TagSample> Samples { get; } = [];

    /// <summary>(kind, message, scope); scope is the edge node as <c>group/node</c>, or "topic" for unparseable topics.</summary>
    public List<(string Kind, string Message, string Scope)> Errors { get; } = [];

    /// <summary>Edge nodes to send a rebirth request (NCMD "Node Control/Rebirth") to.</summary>
    public List<(string GroupId, string EdgeNodeId)> Rebirths { get; } = [];

    public void Clear()
    {
        Samples.Clear();
        Errors.Clear();
        Rebirths.Clear();
    }
}

/// <summary>
/// The host application's view of the edge nodes (Sparkplug Specification 3.0.0, chapter 5 "Operational Behavior"):
/// births record each metric's name, alias and data type, data messages are resolved through them, sequence numbers
/// (0-255, wrapping, one counter per edge node over NBIRTH, NDATA, DBIRTH, DDATA and DDEATH) are checked, and deaths
/// mark tags bad. A gap, data before a birth or an unknown alias marks the node's tags uncertain and asks the node
/// for a rebirth; data is ignored until the new NBIRTH. Pure: no I/O, not thread-safe (messages are handled one at a
/// time in arrival order).
/// </summary>
internal sealed class SparkplugHost
{
    /// <summary>The node metric that carries the birth/death sequence number (Sparkplug 3.0.0, chapter 5).</summary>
    public const string BdSeqMetric = "bdSeq";

    /// <summary>The node control metric a host sets to true in an NCMD to ask for a rebirth.</summary>
    public const string RebirthMetric = "Node Control/Rebirth";

    private readonly SparkplugOptions options;
    private readonly Dictionary<(string Group, string Node, string? Device, string Metric), string> explicitTags;
    private readonly Dictionary<(string Group, string Node), NodeState> nodes = [];

    public SparkplugHost(SparkplugOptions options)
    {
        this.options = options;
        explicitTags = options.Mappings.ToDictionary(m => (m.GroupId, m.EdgeNodeId, m.DeviceId, m.MetricName), m => m.TagId);
    }

    /// <summary>Handles one message received on <paramref name="topic"/>.</summary>
    public void Handle(string topic, ReadOnlySpan<byte> payload, DateTimeOffset now, SparkplugOutcome outcome)
    {
        if (!SparkplugTopic.TryParse(topic, out var parsed, out var topicError))
        {
            outcome.Errors.Add((SourceErrorKind.BadTopic, topicError, "topic"));
            return;
        }

        if (parsed.Type is SparkplugMessageType.State or SparkplugMessageType.NCmd or SparkplugMessageType.DCmd
            || !options.GroupIds.Contains(parsed.GroupId)
            || (options.EdgeNodeIds.Count > 0 && !options.EdgeNodeIds.Contains(parsed.EdgeNodeId)))
        {
            return;
        }

        var scope = $"{parsed.GroupId}/{parsed.EdgeNodeId}";
        if (!SparkplugCodec.TryDecode(payload, out var decoded, out var decodeError))
        {
            outcome.Errors.Add((SourceErrorKind.MalformedPayload, $"{topic}: {decodeError}", scope));
            return;
        }

        var key = (parsed.GroupId, parsed.EdgeNodeId);
        if (!nodes.TryGetValue(key, out var node))
        {
            node = new NodeState();
            nodes[key] = node;
        }

        var at = Time(decoded.Timestamp, now);
        switch (parsed.Type)
        {
            case SparkplugMessageType.NBirth:
                NodeBirth(parsed, node, decoded, at, scope, outcome);
                return;
            case SparkplugMessageType.NDeath:
                NodeDeath(node, decoded, at, outcome);
                return;
        }

        if (!node.Born)
        {
            outcome.Errors.Add((SourceErrorKind.DataBeforeBirth, $"{topic}: {parsed.Type} from edge node '{scope}' before its NBIRTH", scope));
            RequestRebirth(parsed, node, now, outcome);
            return;
        }

        if (!CheckSequence(parsed, node, decoded, now, scope, outcome))
        {
            return;
        }

        if (node.AwaitingRebirth)
        {
            // still waiting for the NBIRTH asked for: ask again once the interval has passed (a lost request)
            RequestRebirth(parsed, node, now, outcome);
            return;
        }

        var device = parsed.DeviceId;
        if (device is not null && options.DeviceIds.Count > 0 && !options.DeviceIds.Contains(device))
        {
            return;
        }

        switch (parsed.Type)
        {
            case SparkplugMessageType.NData:
                Data(parsed, node, node.Metrics, decoded, at, now, scope, outcome);
                break;
            case SparkplugMessageType.DBirth:
                var born = new MetricScope();
                node.Devices[device!] = born;
                Birth(parsed, born, decoded, at, scope, outcome);
                break;
            case SparkplugMessageType.DData:
                if (!node.Devices.TryGetValue(device!, out var metrics))
                {
                    outcome.Errors.Add((SourceErrorKind.DataBeforeBirth, $"{topic}: DDATA from device '{device}' before its DBIRTH", scope));
                    MarkUncertain(node, now, outcome);
                    RequestRebirth(parsed, node, now, outcome);
                    return;
                }

                Data(parsed, node, metrics, decoded, at, now, scope, outcome);
                break;
            case SparkplugMessageType.DDeath:
                if (node.Devices.Remove(device!, out var dead))
                {
                    dead.MarkBad(at, outcome);
                }

                break;
        }
    }

    /// <summary>Marks every tag known so far bad (the connection to the broker was lost); the births stay known.</summary>
    public void MarkAllBad(DateTimeOffset now, SparkplugOutcome outcome)
    {
        foreach (var node in nodes.Values)
        {
            node.Metrics.MarkBad(now, outcome);
            foreach (var device in node.Devices.Values)
            {
                device.MarkBad(now, outcome);
            }
        }
    }

    /// <summary>The NCMD payload that asks an edge node to publish its births again.</summary>
    public static byte[] RebirthRequest(DateTimeOffset now)
    {
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        return SparkplugCodec.Encode(new SparkplugPayload(
            ms,
            [new SparkplugMetric(RebirthMetric, null, ms, SparkplugDataType.Boolean, false, SparkplugValue.FromBoolean(true))]));
    }

    private void NodeBirth(SparkplugTopic topic, NodeState node, SparkplugPayload payload, DateTimeOffset at, string scope, SparkplugOutcome outcome)
    {
        if (payload.Seq is not { } seq || seq > 255)
        {
            outcome.Errors.Add((SourceErrorKind.SequenceGap, $"NBIRTH from '{scope}' has {(payload.Seq is null ? "no seq" : $"seq {payload.Seq}")}; a birth needs 0-255", scope));
            node.Born = false;
            RequestRebirth(topic, node, at, outcome);
            return;
        }

        // a new NBIRTH starts the session again: the devices must be born again too (Sparkplug 3.0.0, chapter 5)
        node.Born = true;
        node.AwaitingRebirth = false;
        node.NextSeq = (seq + 1) % 256;
        node.BdSeq = payload.Metrics.FirstOrDefault(m => m.Name == BdSeqMetric) is { } bd
            ? bd.Value.ToDouble(bd.DataType ?? SparkplugDataType.Int64, out _) is { } b ? (long)b : null
            : null;
        foreach (var device in node.Devices.Values)
        {
            device.MarkBad(at, outcome);
        }

        node.Devices.Clear();
        node.Metrics = new MetricScope();
        Birth(topic, node.Metrics, payload, at, scope, outcome);
    }

    private static void NodeDeath(NodeState node, SparkplugPayload payload, DateTimeOffset at, SparkplugOutcome outcome)
    {
        // an NDEATH whose bdSeq differs from the current birth's belongs to an earlier session (the broker delivers
        // the will of a connection the node has since replaced) and is ignored (Sparkplug 3.0.0, chapter 5)
        var bd = payload.Metrics.FirstOrDefault(m => m.Name == BdSeqMetric);
        var bdSeq = bd?.Value.ToDouble(bd.DataType ?? SparkplugDataType.Int64, out _) is { } b ? (long?)b : null;
        if (node.Born && node.BdSeq is { } current && bdSeq is { } got && got != current)
        {
            return;
        }

        node.Born = false;
        node.AwaitingRebirth = false;
        node.Metrics.MarkBad(at, outcome);
        foreach (var device in node.Devices.Values)
        {
            device.MarkBad(at, outcome);
        }

        node.Devices.Clear();
    }

    private bool CheckSequence(SparkplugTopic topic, NodeState node, SparkplugPayload payload, DateTimeOffset now, string scope, SparkplugOutcome outcome)
    {
        var expected = node.NextSeq;
        if (payload.Seq is { } seq && seq <= 255)
        {
            node.NextSeq = (seq + 1) % 256;
            if (seq == expected)
            {
                return true;
            }
        }

        var got = payload.Seq is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        outcome.Errors.Add((SourceErrorKind.SequenceGap, $"{topic.Type} from '{scope}' has seq {got}, expected {expected}", scope));
        MarkUncertain(node, now, outcome);
        RequestRebirth(topic, node, now, outcome);
        return false;
    }

    private void Birth(SparkplugTopic topic, MetricScope scope, SparkplugPayload payload, DateTimeOffset at, string where, SparkplugOutcome outcome)
    {
        foreach (var metric in payload.Metrics)
        {
            if (string.IsNullOrEmpty(metric.Name) || metric.DataType is not { } type)
            {
                outcome.Errors.Add((SourceErrorKind.MalformedPayload, $"{topic.Type} from '{where}': a birth metric needs a name and a datatype (alias {metric.Alias?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})", where));
                continue;
            }

            var definition = new MetricDefinition(metric.Name, type, TagIdFor(topic, metric.Name), explicitTags.ContainsKey((topic.GroupId, topic.EdgeNodeId, topic.DeviceId, metric.Name)));
            scope.ByName[metric.Name] = definition;
            if (metric.Alias is { } alias && !scope.ByAlias.TryAdd(alias, definition))
            {
                outcome.Errors.Add((SourceErrorKind.MalformedPayload, $"{topic.Type} from '{where}': alias {alias} is used by '{scope.ByAlias[alias].Name}' and '{metric.Name}'", where));
            }

            Emit(scope, definition, metric, at, where, outcome);
        }
    }

    private void Data(SparkplugTopic topic, NodeState node, MetricScope scope, SparkplugPayload payload, DateTimeOffset at, DateTimeOffset now, string where, SparkplugOutcome outcome)
    {
        foreach (var metric in payload.Metrics)
        {
            MetricDefinition? definition = null;
            if (metric.Alias is { } alias)
            {
                scope.ByAlias.TryGetValue(alias, out definition);
            }
            else if (metric.Name is { } name)
            {
                scope.ByName.TryGetValue(name, out definition);
            }

            if (definition is null)
            {
                var what = metric.Alias is { } a ? $"alias {a}" : metric.Name is { } n ? $"metric '{n}'" : "a metric with neither name nor alias";
                outcome.Errors.Add((SourceErrorKind.UnknownAlias, $"{topic.Type} from '{where}{(topic.DeviceId is null ? string.Empty : "/" + topic.DeviceId)}': {what} was not in the birth", where));
                MarkUncertain(node, now, outcome);
                RequestRebirth(topic, node, now, outcome);
                return;
            }

            Emit(scope, definition, metric, at, where, outcome);
        }
    }

    private static void Emit(MetricScope scope, MetricDefinition definition, SparkplugMetric metric, DateTimeOffset payloadTime, string where, SparkplugOutcome outcome)
    {
        if (definition.TagId is not { } tagId)
        {
            return;
        }

        var at = metric.Timestamp is { } ms ? Time(ms, payloadTime) : payloadTime;
        if (metric.IsNull)
        {
            scope.Last[tagId] = null;
            outcome.Samples.Add(TagSample.Bad(tagId, at));
            return;
        }

        var value = metric.Value.ToDouble(metric.DataType ?? definition.Type, out var error);
        if (value is null)
        {
            // strings, bytes, data sets and templates are not tags unless the configuration maps them explicitly
            if (definition.Explicit || IsNumeric(definition.Type))
            {
                outcome.Errors.Add((SourceErrorKind.NonNumeric, $"'{where}' metric '{definition.Name}': {error}", where));
            }

            return;
        }

        scope.Last[tagId] = value;
        outcome.Samples.Add(TagSample.Good(tagId, at, value.Value));
    }

    private static bool IsNumeric(SparkplugDataType type) => type is >= SparkplugDataType.Int8 and <= SparkplugDataType.Boolean;

    private string? TagIdFor(SparkplugTopic topic, string metric)
    {
        if (explicitTags.TryGetValue((topic.GroupId, topic.EdgeNodeId, topic.DeviceId, metric), out var tagId))
        {
            return tagId;
        }

        if (metric == BdSeqMetric || metric.StartsWith("Node Control/", StringComparison.Ordinal) || metric.StartsWith("Device Control/", StringComparison.Ordinal))
        {
            return null;
        }

        var rule = topic.DeviceId is null ? options.NodeTagRule : options.DeviceTagRule;
        return rule?
            .Replace("{group}", topic.GroupId, StringComparison.Ordinal)
            .Replace("{node}", topic.EdgeNodeId, StringComparison.Ordinal)
            .Replace("{device}", topic.DeviceId ?? string.Empty, StringComparison.Ordinal)
            .Replace("{metric}", metric, StringComparison.Ordinal);
    }

    private static void MarkUncertain(NodeState node, DateTimeOffset now, SparkplugOutcome outcome)
    {
        if (node.AwaitingRebirth)
        {
            return;
        }

        node.AwaitingRebirth = true;
        node.Metrics.MarkUncertain(now, outcome);
        foreach (var device in node.Devices.Values)
        {
            device.MarkUncertain(now, outcome);
        }
    }

    private void RequestRebirth(SparkplugTopic topic, NodeState node, DateTimeOffset now, SparkplugOutcome outcome)
    {
        node.AwaitingRebirth = true;
        if (node.LastRebirthRequest is { } last && now - last < options.RebirthMinInterval)
        {
            return;
        }

        node.LastRebirthRequest = now;
        outcome.Rebirths.Add((topic.GroupId, topic.EdgeNodeId));
    }

    private static DateTimeOffset Time(ulong? ms, DateTimeOffset fallback) =>
        ms is { } value && value <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)value)
            : fallback;

    private sealed record MetricDefinition(string Name, SparkplugDataType Type, string? TagId, bool Explicit);

    private sealed class MetricScope
    {
        public Dictionary<ulong, MetricDefinition> ByAlias { get; } = [];

        public Dictionary<string, MetricDefinition> ByName { get; } = new(StringComparer.Ordinal);

        /// <summary>The last value written per tag (null after a null or bad sample).</summary>
        public Dictionary<string, double?> Last { get; } = new(StringComparer.Ordinal);

        public void MarkBad(DateTimeOffset at, SparkplugOutcome outcome)
        {
            foreach (var tag in Last.Where(p => p.Value is not null).Select(p => p.Key).ToList())
            {
                Last[tag] = null;
                outcome.Samples.Add(TagSample.Bad(tag, at));
            }
        }

        public void MarkUncertain(DateTimeOffset at, SparkplugOutcome outcome)
        {
            foreach (var (tag, value) in Last)
            {
                if (value is not null)
                {
                    outcome.Samples.Add(new TagSample(tag, at, value, TagQuality.Uncertain));
                }
            }
        }
    }

    private sealed class NodeState
    {
        public bool Born { get; set; }

        public bool AwaitingRebirth { get; set; }

        public ulong NextSeq { get; set; }

        public long? BdSeq { get; set; }

        public DateTimeOffset? LastRebirthRequest { get; set; }

        public MetricScope Metrics { get; set; } = new();

        public Dictionary<string, MetricScope> Devices { get; } = new(StringComparer.Ordinal);
    }
}
