namespace FactoryPath.Edge.Mqtt;

/// <summary>The kinds of error MQTT and Sparkplug sources count (keys of the health report's error table).</summary>
public static class SourceErrorKind
{
    /// <summary>Connecting to the broker failed or the connection dropped.</summary>
    public const string Connection = "connection";

    /// <summary>The broker refused the subscription.</summary>
    public const string Subscribe = "subscribe";

    /// <summary>A payload that is not JSON.</summary>
    public const string NotJson = "not-json";

    /// <summary>A mapped field (value, timestamp or quality) is not in the payload.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A value that gives no number.</summary>
    public const string NonNumeric = "non-numeric";

    /// <summary>A timestamp that is neither ISO 8601 nor epoch milliseconds.</summary>
    public const string BadTimestamp = "bad-timestamp";

    /// <summary>A quality field that is not good/uncertain/bad or a boolean.</summary>
    public const string BadQuality = "bad-quality";

    /// <summary>The topic does not fit the mapping (too few levels for the tag id, not a Sparkplug topic).</summary>
    public const string BadTopic = "bad-topic";

    /// <summary>A Sparkplug payload that is not valid protobuf or not a valid Sparkplug B payload.</summary>
    public const string MalformedPayload = "malformed-payload";

    /// <summary>A Sparkplug sequence number other than the expected one.</summary>
    public const string SequenceGap = "sequence-gap";

    /// <summary>Sparkplug data from a node or device whose birth the host has not seen.</summary>
    public const string DataBeforeBirth = "data-before-birth";

    /// <summary>A Sparkplug metric alias (or name) that the birth did not declare.</summary>
    public const string UnknownAlias = "unknown-alias";

    /// <summary>Publishing a command or the host state failed.</summary>
    public const string Publish = "publish";

    /// <summary>The sample sink threw.</summary>
    public const string Sink = "sink";
}
