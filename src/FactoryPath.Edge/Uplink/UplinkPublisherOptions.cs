namespace FactoryPath.Edge.Uplink;

/// <summary>
/// How the gateway reaches the platform's broker. The MQTT user name is the gateway id and the password the secret
/// the platform issued for it. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record UplinkPublisherOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>TLS to the broker (port 8883 by convention); the certificate is checked unless <see cref="AllowUntrustedCertificates"/>.</summary>
    public bool UseTls { get; init; }

    /// <summary>Only for test brokers with self-signed certificates.</summary>
    public bool AllowUntrustedCertificates { get; init; }

    public required string GatewayId { get; init; }

    public required string Password { get; init; }

    /// <summary>MQTT client id; <c>factorypath-gw-{GatewayId}</c> when not set.</summary>
    public string? ClientId { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one publish may wait for its PUBACK before the connection is dropped and retried.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait after a failed connection; doubled (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Records read from the journal at a time; acknowledged in the journal after each batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Treats a PUBACK saying "no matching subscribers" (MQTT 5.0 section 3.4.2.1, reason code 0x10) as not delivered
    /// and retries the record after a backoff. For an external broker whose platform ingestion subscribes without a
    /// persistent session: the broker drops a message nobody subscribes to, so this keeps it in the journal until
    /// the ingestion is back. Off for the platform's embedded broker, which takes messages itself.
    /// </summary>
    public bool RequireSubscriber { get; init; }

    public string EffectiveClientId => ClientId ?? "factorypath-gw-" + GatewayId;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host) || Host.Any(char.IsWhiteSpace))
        {
            errors.Add("uplink.host is required and has no spaces");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"uplink.port must be between 1 and 65535 (was {Port})");
        }

        if (!IsValidGatewayId(GatewayId))
        {
            errors.Add($"gateway id '{GatewayId}' must be 1-64 characters of letters, digits, '-', '_' or '.'");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("uplink.password (the secret the platform issued for this gateway) is required");
        }

        if (ClientId is { } id && (id.Length is 0 or > 128 || id.Any(char.IsWhiteSpace)))
        {
            errors.Add("uplink.client_id must be 1-128 characters without spaces");
        }

        if (KeepAlive < TimeSpan.FromSeconds(1) || KeepAlive > TimeSpan.FromHours(18))
        {
            errors.Add($"uplink.keep_alive must be between 1 s and 18 h (was {KeepAlive})");
        }

        if (ConnectTimeout <= TimeSpan.Zero || PublishTimeout <= TimeSpan.Zero)
        {
            errors.Add("uplink.connect_timeout and uplink.publish_timeout must be above 0");
        }

        if (MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff)
        {
            errors.Add($"uplink backoff must satisfy 0 < min_backoff ({MinBackoff}) <= max_backoff ({MaxBackoff})");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            errors.Add($"uplink.batch_size must be between 1 and 10,000 (was {BatchSize})");
        }

        return errors;
    }

    public override string ToString() =>
        $"{(UseTls ? "mqtts" : "mqtt")}://{GatewayId}:***@{Host}:{Port} (client id {EffectiveClientId})";

    /// <summary>A gateway id is a single MQTT topic level and a user name: letters, digits, '-', '_', '.', 1-64 long.</summary>
    public static bool IsValidGatewayId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

/// <summary>The uplink as the gateway's health page shows it.</summary>
public sealed record UplinkPublisherHealth(
    bool Connected,
    long Backlog,
    long Published,
    long ConnectFailures,
    string? LastError,
    DateTimeOffset? LastPublishedAt);
