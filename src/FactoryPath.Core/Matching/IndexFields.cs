namespace FactoryPath.Core.Matching;

/// <summary>Lucene field names and the weight of each text field in scoring.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string IdValues = "id.dv";
    public const string KindValues = "kind.dv";
    public const string FilterPrefix = "f.";

    public static readonly IReadOnlyList<(string Name, float Boost)> Text =
    [
        ("title_zh", 3f),
        ("title_en", 3f),
        ("body_zh", 1f),
        ("body_en", 1f),
    ];

    public static string Filter(string key) => FilterPrefix + key;
}
