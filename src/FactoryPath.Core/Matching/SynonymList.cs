namespace FactoryPath.Core.Matching;

/// <summary>The synonym groups query expansion uses; each term belongs to one group.</summary>
public sealed class SynonymList
{
    /// <summary>Resource name of the shipped list (Matching/Data/synonyms.txt).</summary>
    public const string EmbeddedResource = "FactoryPath.Core.Matching.Data.synonyms.txt";

    private static readonly Lazy<SynonymList> Shipped = new(ReadEmbedded);

    public SynonymList(IEnumerable<SynonymGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups.ToList();
    }

    /// <summary>A list with no groups: queries are matched as written.</summary>
    public static SynonymList Empty { get; } = new([]);

    public IReadOnlyList<SynonymGroup> Groups { get; }

    /// <summary>The shipped list, read and checked once.</summary>
    public static SynonymList LoadEmbedded() => Shipped.Value;

    internal static string ReadEmbeddedText()
    {
        using var stream = typeof(SynonymList).Assembly.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"embedded resource {EmbeddedResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SynonymList ReadEmbedded()
    {
        var result = SynonymListLoader.LoadText(ReadEmbeddedText(), "synonyms.txt");
        return result.List ?? throw new InvalidOperationException(
            "the shipped synonym list has errors: " + string.Join("; ", result.Errors));
    }
}
