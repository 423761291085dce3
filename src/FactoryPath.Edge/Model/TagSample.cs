namespace FactoryPath.Edge.Model;

/// <summary>
/// One reading of one tag: a number (booleans as 0/1, state codes as their number), when it was taken, and how good it
/// is. A bad-quality sample carries no value.
/// </summary>
public readonly record struct TagSample(string TagId, DateTimeOffset Timestamp, double? Value, TagQuality Quality)
{
    public static TagSample Good(string tagId, DateTimeOffset at, double value) => new(tagId, at, value, TagQuality.Good);

    public static TagSample Bad(string tagId, DateTimeOffset at) => new(tagId, at, null, TagQuality.Bad);
}
