using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace FactoryPath.Core.Matching;

/// <summary>
/// Keeps words of three letters or fewer away from the stemmer: they are mostly acronyms (MES, ERP, OEE, HR), and
/// Porter would turn MES into "me".
/// </summary>
internal sealed class ShortWordKeywordFilter : KeywordMarkerFilter
{
    private const int MaxLength = 3;
    private readonly ICharTermAttribute term;

    public ShortWordKeywordFilter(TokenStream input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool IsKeyword() => term.Length <= MaxLength;
}
