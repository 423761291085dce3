using FactoryPath.Edge.Sparkplug;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Sparkplug B payloads through <see cref="SparkplugCodec.TryDecode"/>. Promise: never throws; a failure has a message;
/// every decoded metric's value can be asked for a number (what the host does next) without an exception; a payload whose
/// values the codec can write comes back the same after <see cref="SparkplugCodec.Encode"/> and decoding again.
/// </summary>
public sealed class SparkplugPayloadTarget : FuzzTarget
{
    public override string Name => "sparkplug-payload";

    public override string Description => "Sparkplug B payloads (SparkplugCodec)";

    public override string Extension => ".bin";

    public override int ShortCampaignInputs => 20_000;

    public override Verdict Run(byte[] input)
    {
        if (!SparkplugCodec.TryDecode(input, out var payload, out var error))
        {
            Promise.Require(!string.IsNullOrWhiteSpace(error), "a rejected payload has a message");
            return Verdict.Rejected;
        }

        foreach (var metric in payload.Metrics)
        {
            if (metric.DataType is { } type)
            {
                var number = metric.Value.ToDouble(type, out var why);
                Promise.Require(number is not null || why is not null, $"metric '{metric.Name}': no number and no reason");
            }
        }

        if (payload.Metrics.All(m => m.Value.Kind is not (SparkplugValueKind.Bytes or SparkplugValueKind.Other)))
        {
            Promise.Require(SparkplugCodec.TryDecode(SparkplugCodec.Encode(payload), out var again, out var message), $"a re-encoded payload decodes ({message})");
            Promise.Require(again.Timestamp == payload.Timestamp && again.Seq == payload.Seq && again.Uuid == payload.Uuid
                && again.Metrics.SequenceEqual(payload.Metrics), "a re-encoded payload decodes to the same payload");
        }

        return Verdict.Accepted;
    }
}
