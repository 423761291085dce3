namespace FactoryPath.Web.Gateways;

/// <summary>
/// An edge gateway issued to an enterprise. <see cref="Id"/> is also its MQTT user name and topic segment; the secret
/// is stored only as a hash and shown once when issued.
/// </summary>
public sealed class Gateway
{
    public string Id { get; set; } = "";
    public Guid EnterpriseId { get; set; }
    public string Name { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>When any uplink message last arrived.</summary>
    public DateTime? LastSeenAt { get; set; }
    /// <summary>When the last health report arrived; online is derived from it.</summary>
    public DateTime? LastHealthAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public string? Version { get; set; }
    public long MessagesStored { get; set; }
    public long Duplicates { get; set; }
    /// <summary>Messages that could not be read: bad JSON, missing fields, unknown kind, ids that disagree.</summary>
    public long Malformed { get; set; }
    /// <summary>Publications refused: another gateway's topic, or a topic outside the uplink scheme.</summary>
    public long Rejected { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsOnline(DateTime now, int onlineSeconds) =>
        RevokedAt is null && LastHealthAt is { } at && (now - at).TotalSeconds <= onlineSeconds;
}

/// <summary>One uplink message stored: its (gateway, sequence) key is what makes a replay count once.</summary>
public sealed class UplinkMessage
{
    public string GatewayId { get; set; } = "";
    public long Sequence { get; set; }
    public string Kind { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>One tag over one period as the gateway rolled it up (see the edge's RollupRecord).</summary>
public sealed class GatewayRollup
{
    public long Id { get; set; }
    public string GatewayId { get; set; } = "";
    public string TagId { get; set; } = "";
    public string AssetPath { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>"1m" or "1h".</summary>
    public string Resolution { get; set; } = "";
    public DateTime PeriodStart { get; set; }
    public long Count { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public double? Mean { get; set; }
    public double? Last { get; set; }
    public long BadCount { get; set; }
    public double? Increase { get; set; }
}

/// <summary>The latest report of one kind (register or health) from a gateway, as the JSON payload it arrived in.</summary>
public sealed class GatewaySnapshot
{
    public string GatewayId { get; set; } = "";
    public string Kind { get; set; } = "";
    public long Sequence { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string Json { get; set; } = "";
}
