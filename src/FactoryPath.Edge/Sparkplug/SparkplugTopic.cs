using System.Diagnostics.CodeAnalysis;

namespace FactoryPath.Edge.Sparkplug;

/// <summary>Sparkplug message types (Sparkplug 3.0.0, chapter 4 "Topics and Messages").</summary>
public enum SparkplugMessageType
{
    NBirth,
    NDeath,
    DBirth,
    DDeath,
    NData,
    DData,
    NCmd,
    DCmd,
    State,
}

/// <summary>
/// A parsed Sparkplug topic: <c>spBv1.0/{group_id}/{message_type}/{edge_node_id}[/{device_id}]</c>, or the host
/// state topic <c>spBv1.0/STATE/{host_id}</c> (Sparkplug 3.0.0, chapter 4, "Topic Namespace Elements"). Device
/// message types need the device level; node message types must not have it.
/// </summary>
public sealed record SparkplugTopic(SparkplugMessageType Type, string GroupId, string EdgeNodeId, string? DeviceId, string? HostId = null)
{
    public const string Namespace = "spBv1.0";

    public static bool TryParse(string topic, [NotNullWhen(true)] out SparkplugTopic? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var levels = topic.Split('/');
        if (levels[0] != Namespace)
        {
            error = $"topic '{topic}' is not in the {Namespace} namespace";
            return false;
        }

        if (levels.Length == 3 && levels[1] == "STATE")
        {
            if (levels[2].Length == 0)
            {
                error = $"topic '{topic}': the STATE topic needs a host id";
                return false;
            }

            parsed = new SparkplugTopic(SparkplugMessageType.State, string.Empty, string.Empty, null, levels[2]);
            error = null;
            return true;
        }

        if (levels.Length is < 4 or > 5 || levels.Skip(1).Any(l => l.Length == 0))
        {
            error = $"topic '{topic}' is not {Namespace}/group/type/node[/device] with non-empty levels";
            return false;
        }

        SparkplugMessageType? type = levels[2] switch
        {
            "NBIRTH" => SparkplugMessageType.NBirth,
            "NDEATH" => SparkplugMessageType.NDeath,
            "DBIRTH" => SparkplugMessageType.DBirth,
            "DDEATH" => SparkplugMessageType.DDeath,
            "NDATA" => SparkplugMessageType.NData,
            "DDATA" => SparkplugMessageType.DData,
            "NCMD" => SparkplugMessageType.NCmd,
            "DCMD" => SparkplugMessageType.DCmd,
            _ => null,
        };
        if (type is null)
        {
            error = $"topic '{topic}': '{levels[2]}' is not a Sparkplug message type";
            return false;
        }

        var isDevice = type is SparkplugMessageType.DBirth or SparkplugMessageType.DDeath or SparkplugMessageType.DData or SparkplugMessageType.DCmd;
        if (isDevice != (levels.Length == 5))
        {
            error = isDevice
                ? $"topic '{topic}': a {levels[2]} message needs a device id level"
                : $"topic '{topic}': a {levels[2]} message has no device id level";
            return false;
        }

        parsed = new SparkplugTopic(type.Value, levels[1], levels[3], isDevice ? levels[4] : null);
        error = null;
        return true;
    }

    /// <summary>The topic of a node command to <paramref name="edgeNodeId"/> in <paramref name="groupId"/>.</summary>
    public static string NodeCommand(string groupId, string edgeNodeId) => $"{Namespace}/{groupId}/NCMD/{edgeNodeId}";

    /// <summary>The state topic of a host application.</summary>
    public static string State(string hostId) => $"{Namespace}/STATE/{hostId}";
}
