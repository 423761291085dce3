namespace FactoryPath.Core.Matching;

/// <summary>
/// A solution, provider or case as the text index sees it. <see cref="Filters"/> are exact-match keyword fields
/// (industry, region, …); <see cref="Kind"/> is also filterable under the key "kind".
/// </summary>
public sealed record SearchDocument(
    string Id,
    string Kind,
    string TitleZh,
    string TitleEn,
    string BodyZh,
    string BodyEn,
    IReadOnlyDictionary<string, string> Filters);

/// <summary>The kinds of document the matching index holds.</summary>
public static class SearchDocumentKinds
{
    public const string Solution = "solution";
    public const string Provider = "provider";
    public const string Case = "case";
}
