using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Modbus.Source;

/// <summary>
/// Decides, per tag, whether a reading becomes a sample: always when the quality changed, when a good value moved by
/// more than the deadband from the last published value, or when the refresh interval has passed since the last
/// published sample. A bad reading is published once, until the tag reads good again.
/// </summary>
internal sealed class DeadbandFilter(double deadband, TimeSpan? refresh)
{
    private TagQuality? lastQuality;
    private double? lastValue;
    private DateTimeOffset lastPublished;

    public TagQuality? LastQuality => lastQuality;

    public bool Accept(double? value, TagQuality quality, DateTimeOffset at)
    {
        var publish = quality != lastQuality
            || (quality == TagQuality.Good && value is { } v && lastValue is { } last && Math.Abs(v - last) > deadband)
            || (quality != TagQuality.Bad && refresh is { } every && at - lastPublished >= every);
        if (publish)
        {
            lastQuality = quality;
            lastValue = value;
            lastPublished = at;
        }

        return publish;
    }
}
