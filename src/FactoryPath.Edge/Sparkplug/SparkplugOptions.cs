using FactoryPath.Edge.Mqtt;

namespace FactoryPath.Edge.Sparkplug;

/// <summary>
/// A Sparkplug B source (Sparkplug Specification 3.0.0, spBv1.0 namespace): the gateway subscribes to the groups'
/// topics as a host application, follows births, deaths and sequence numbers, and maps metrics to tags.
/// </summary>
public sealed record SparkplugOptions
{
    public MqttBrokerOptions Broker { get; init; } = new();

    /// <summary>Sparkplug group ids to follow (at least one); each is subscribed as <c>spBv1.0/{group}/#</c>.</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    /// <summary>Only these edge node ids, or every node when empty.</summary>
    public IReadOnlyList<string> EdgeNodeIds { get; init; } = [];

    /// <summary>Only these device ids, or every device when empty (node-level metrics are always read).</summary>
    public IReadOnlyList<string> DeviceIds { get; init; } = [];

    /// <summary>
    /// When set, the gateway is this primary host application: it publishes its STATE (retained, QoS 1) as online after
    /// connecting and leaves an offline STATE as its will (Sparkplug 3.0.0, chapter 5, host application session).
    /// </summary>
    public string? PrimaryHostId { get; init; }

    /// <summary>Explicit metric → tag mappings; they win over the default rules.</summary>
    public IReadOnlyList<SparkplugTagMapping> Mappings { get; init; } = [];

    /// <summary>
    /// Tag id of a node-level metric without an explicit mapping; placeholders {group}, {node}, {metric}. Null: such
    /// metrics are ignored.
    /// </summary>
    public string? NodeTagRule { get; init; } = "{node}/{metric}";

    /// <summary>
    /// Tag id of a device metric without an explicit mapping; placeholders {group}, {node}, {device}, {metric}. Null:
    /// such metrics are ignored.
    /// </summary>
    public string? DeviceTagRule { get; init; } = "{node}/{device}/{metric}";

    /// <summary>At most one rebirth request per edge node within this time.</summary>
    public TimeSpan RebirthMinInterval { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Broker?.Validate() ?? ["broker is required"]);
        if (GroupIds is not { Count: > 0 })
        {
            errors.Add("sparkplug.group_ids: at least one group id is required");
        }
        else
        {
            for (var i = 0; i < GroupIds.Count; i++)
            {
                if (CheckId(GroupIds[i]) is { } why)
                {
                    errors.Add($"sparkplug.group_ids[{i}] {why}");
                }
                else if (GroupIds[i] == "STATE")
                {
                    errors.Add($"sparkplug.group_ids[{i}] 'STATE' is reserved for host application state");
                }
            }

            if (GroupIds.Distinct(StringComparer.Ordinal).Count() != GroupIds.Count)
            {
                errors.Add("sparkplug.group_ids contains a group twice");
            }
        }

        for (var i = 0; i < EdgeNodeIds.Count; i++)
        {
            if (CheckId(EdgeNodeIds[i]) is { } why)
            {
                errors.Add($"sparkplug.edge_node_ids[{i}] {why}");
            }
        }

        for (var i = 0; i < DeviceIds.Count; i++)
        {
            if (CheckId(DeviceIds[i]) is { } why)
            {
                errors.Add($"sparkplug.device_ids[{i}] {why}");
            }
        }

        if (PrimaryHostId is not null && CheckId(PrimaryHostId) is { } hostWhy)
        {
            errors.Add($"sparkplug.primary_host_id {hostWhy}");
        }

        CheckRule(NodeTagRule, "sparkplug.node_tag_rule", ["group", "node", "metric"], errors);
        CheckRule(DeviceTagRule, "sparkplug.device_tag_rule", ["group", "node", "device", "metric"], errors);
        var seen = new Dictionary<(string, string, string?, string), int>();
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Mappings.Count; i++)
        {
            var m = Mappings[i];
            var at = $"sparkplug.mappings[{i}]";
            if (CheckId(m.GroupId) is { } g)
            {
                errors.Add($"{at}.group {g}");
            }
            else if (GroupIds is { Count: > 0 } && !GroupIds.Contains(m.GroupId))
            {
                errors.Add($"{at}.group '{m.GroupId}' is not one of sparkplug.group_ids");
            }

            if (CheckId(m.EdgeNodeId) is { } n)
            {
                errors.Add($"{at}.node {n}");
            }

            if (m.DeviceId is not null && CheckId(m.DeviceId) is { } d)
            {
                errors.Add($"{at}.device {d}");
            }

            if (string.IsNullOrEmpty(m.MetricName))
            {
                errors.Add($"{at}.metric is required");
            }

            if (string.IsNullOrWhiteSpace(m.TagId))
            {
                errors.Add($"{at}.tag is required");
            }
            else if (!tagIds.TryAdd(m.TagId, i))
            {
                errors.Add($"{at}.tag '{m.TagId}' is already mapped by sparkplug.mappings[{tagIds[m.TagId]}]");
            }

            if (!seen.TryAdd((m.GroupId, m.EdgeNodeId, m.DeviceId, m.MetricName), i))
            {
                errors.Add($"{at} maps the same metric as sparkplug.mappings[{seen[(m.GroupId, m.EdgeNodeId, m.DeviceId, m.MetricName)]}]");
            }
        }

        if (RebirthMinInterval < TimeSpan.Zero)
        {
            errors.Add($"sparkplug.rebirth_min_interval {RebirthMinInterval} must not be negative");
        }

        return errors;
    }

    // Sparkplug 3.0.0, chapter 4: group, edge node, device and host ids are UTF-8 strings without the MQTT
    // separator and wildcards ('/', '+', '#').
    private static string? CheckId(string? id) =>
        string.IsNullOrEmpty(id) ? "must not be empty"
        : id.IndexOfAny(['/', '+', '#']) >= 0 ? $"'{id}' contains '/', '+' or '#'"
        : null;

    private static void CheckRule(string? rule, string where, string[] allowed, List<string> errors)
    {
        if (rule is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(rule))
        {
            errors.Add($"{where} is empty; leave it out to ignore unmapped metrics");
            return;
        }

        if (!rule.Contains("{metric}", StringComparison.Ordinal))
        {
            errors.Add($"{where} '{rule}' lacks {{metric}}, so every metric would get the same tag id");
        }

        var rest = rule;
        foreach (var name in allowed)
        {
            rest = rest.Replace("{" + name + "}", string.Empty, StringComparison.Ordinal);
        }

        if (rest.Contains('{') || rest.Contains('}'))
        {
            errors.Add($"{where} '{rule}': the placeholders here are {string.Join(", ", allowed.Select(a => "{" + a + "}"))}");
        }
    }
}

/// <summary>One metric of one edge node (or one of its devices when <see cref="DeviceId"/> is set) read as a tag.</summary>
public sealed record SparkplugTagMapping(string GroupId, string EdgeNodeId, string? DeviceId, string MetricName, string TagId);
