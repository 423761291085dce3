namespace FactoryPath.Core.Matching;

/// <summary>
/// A solution, provider or case as the text index sees it. <see cref="Filters"/> are exact-match keyword fields
/// (industry, region, …); <see cref="Kind"/> is also filterable under the key "kind". A field with several values
/// (a solution made for three industries) goes in <see cref="FilterSets"/>, a number to filter by range (a price) in
/// <see cref="Numbers"/>.
/// </summary>
public sealed record SearchDocument(
    string Id,
    string Kind,
    string TitleZh,
    string TitleEn,
    string BodyZh,
    string BodyEn,
    IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>Keyword fields with several values each; a filter on the key matches when any value does.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FilterSets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Numeric fields for range filters.</summary>
    public IReadOnlyDictionary<string, long> Numbers { get; init; } = new Dictionary<string, long>();
}

/// <summary>The kinds of document the matching index holds.</summary>
public static class SearchDocumentKinds
{
    public const string Solution = "solution";
    public const string Provider = "provider";
    public const string Case = "case";

    public static readonly IReadOnlyList<string> All = [Solution, Provider, Case];
}
