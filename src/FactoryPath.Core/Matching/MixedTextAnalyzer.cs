using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace FactoryPath.Core.Matching;

/// <summary>
/// Analysis for text that mixes Chinese and English, used both when indexing and for queries. Han runs become
/// overlapping bigrams (设备能耗 → 设备, 备能, 能耗; a lone character stays a unigram), full-width Latin is folded to
/// half width, Latin words are lower-cased, English possessives and stop words dropped, and words longer than three letters Porter-stemmed
/// (scheduling → schedul; acronyms such as MES are left alone).
/// No synonyms here: they are expanded when the query is built, so the index does not change when the list does.
/// </summary>
public sealed class MixedTextAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new ShortWordKeywordFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The tokens of <paramref name="text"/> with positions and character offsets.</summary>
    public IReadOnlyList<AnalyzedToken> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}

/// <summary>One analysed token: its text, position, and the character range of the source it came from.</summary>
public sealed record AnalyzedToken(string Term, int Position, int Start, int End);
