namespace FactoryPath.Edge.Model;

/// <summary>How far a tag value can be trusted (the OPC UA / Sparkplug notion, reduced to three states).</summary>
public enum TagQuality
{
    /// <summary>Read from the device just now.</summary>
    Good,

    /// <summary>The source answered but the value is doubtful (stale, out of range, substituted).</summary>
    Uncertain,

    /// <summary>No value: the device is unreachable, answered with an exception, or the frame was malformed.</summary>
    Bad,
}
