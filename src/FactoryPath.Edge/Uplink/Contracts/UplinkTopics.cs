namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>
/// MQTT topics between a gateway and the platform: <c>factorypath/v1/gw/{gatewayId}/{kind}</c>, QoS 1. The gateway id
/// is also the MQTT user name the platform issued, so the broker can refuse a gateway that publishes for another.
/// </summary>
public static class UplinkTopics
{
    public const string Prefix = "factorypath/v1/gw/";

    /// <summary>Subscription for everything every gateway sends.</summary>
    public const string All = Prefix + "+/+";

    public static string For(string gatewayId, string kind) => $"{Prefix}{gatewayId}/{kind}";

    /// <summary>The gateway id and kind of a topic; null when the topic is not an uplink topic.</summary>
    public static (string GatewayId, string Kind)? Parse(string topic)
    {
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = topic[Prefix.Length..].Split('/');
        return rest.Length == 2 && rest[0].Length > 0 && rest[1].Length > 0 ? (rest[0], rest[1]) : null;
    }
}

/// <summary>The kinds of uplink message.</summary>
public static class UplinkKinds
{
    /// <summary>A <see cref="RollupBatch"/>.</summary>
    public const string Rollup = "rollup";

    /// <summary>An <see cref="EquipmentRegisterReport"/>.</summary>
    public const string Register = "register";

    /// <summary>A <see cref="GatewayHealthReport"/>.</summary>
    public const string Health = "health";

    /// <summary>A <see cref="KpiBatch"/>.</summary>
    public const string Kpi = "kpi";

    public static readonly IReadOnlyList<string> All = [Rollup, Register, Health, Kpi];
}
