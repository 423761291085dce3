namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// How a source connects to its MQTT broker (MQTT 3.1.1, clean session). The YAML configuration maps onto this; call
/// <see cref="Validate"/> before use.
/// </summary>
public sealed record MqttBrokerOptions
{
    /// <summary>Host name or IP address of the broker.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>TCP port; 1883 plain, 8883 for TLS by convention.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Client id, unique on the broker (1-65535 UTF-8 bytes; brokers may limit it to 23 characters).</summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>User name, or null for anonymous access.</summary>
    public string? UserName { get; init; }

    /// <summary>Password; only with a <see cref="UserName"/>.</summary>
    public string? Password { get; init; }

    /// <summary>Connect with TLS (the server certificate is checked against the system's trusted roots).</summary>
    public bool UseTls { get; init; }

    /// <summary>MQTT keep-alive; the broker drops the client after 1.5 times this without traffic. 1 s to 18 h 12 min 15 s.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting after a failure; doubles on every failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, each naming its field; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("broker.host is required");
        }
        else if (Host.Trim() != Host || Host.Contains(' '))
        {
            errors.Add($"broker.host '{Host}' contains spaces");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"broker.port {Port} is outside 1-65535");
        }

        if (string.IsNullOrEmpty(ClientId))
        {
            errors.Add("broker.client_id is required");
        }
        else if (ClientId.Contains('+') || ClientId.Contains('#') || ClientId.Contains('/'))
        {
            errors.Add($"broker.client_id '{ClientId}' contains '+', '#' or '/'");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(ClientId) > 65535)
        {
            errors.Add("broker.client_id is longer than 65535 bytes");
        }

        if (Password is not null && UserName is null)
        {
            errors.Add("broker.password is given without broker.user_name");
        }

        if (UserName is { Length: 0 })
        {
            errors.Add("broker.user_name is empty; leave it out for anonymous access");
        }

        if (KeepAlive < TimeSpan.FromSeconds(1) || KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            errors.Add($"broker.keep_alive {KeepAlive} is outside 1 s to 65535 s");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"broker.connect_timeout {ConnectTimeout} must be positive");
        }

        if (ReconnectMinDelay <= TimeSpan.Zero)
        {
            errors.Add($"broker.reconnect_min_delay {ReconnectMinDelay} must be positive");
        }

        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            errors.Add($"broker.reconnect_max_delay {ReconnectMaxDelay} is shorter than reconnect_min_delay {ReconnectMinDelay}");
        }

        return errors;
    }
}
