using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace FactoryPath.Core.Matching;

/// <summary>
/// A Lucene full-text index of solutions, providers and cases. Filters are hard (exact keyword match), text is
/// scored with titles weighted above bodies, and queries are expanded through a <see cref="SynonymList"/>. Every
/// change is committed and the searcher refreshed before the call returns, so the next search sees it.
/// </summary>
public sealed class TextIndex : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly bool ownsDirectory;
    private readonly MixedTextAnalyzer analyzer = new();
    private readonly QueryExpander expander;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;

    /// <summary>An index in memory, or in <paramref name="directory"/> when given (the caller then owns it).</summary>
    public TextIndex(SynonymList synonyms, LuceneDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        ownsDirectory = directory is null;
        this.directory = directory ?? new RAMDirectory();
        expander = new QueryExpander(analyzer, synonyms);
        writer = new IndexWriter(this.directory, new IndexWriterConfig(MixedTextAnalyzer.Version, analyzer));
        writer.Commit();
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Adds a document whose id is not yet in the index.</summary>
    public void Add(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Contains(document.Id))
        {
            throw new InvalidOperationException($"a document with id '{document.Id}' is already indexed; use Update");
        }

        writer.AddDocument(ToLucene(document));
        Publish();
    }

    /// <summary>Replaces the document with the same id, or adds it when there is none.</summary>
    public void Update(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLucene(document));
        Publish();
    }

    public void Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        writer.DeleteDocuments(new Term(IndexFields.Id, id));
        Publish();
    }

    /// <summary>Replaces the whole index with <paramref name="documents"/>.</summary>
    public void Rebuild(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        writer.DeleteAll();
        foreach (var document in documents)
        {
            writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLucene(document));
        }

        Publish();
    }

    /// <summary>
    /// The best <paramref name="top"/> documents for <paramref name="query"/> that carry every filter value exactly.
    /// A blank query returns the filtered documents unscored.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, IReadOnlyDictionary<string, string>? filters, int top)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var concepts = expander.Expand(query);
        Query text;
        if (concepts.Count == 0)
        {
            text = new MatchAllDocsQuery();
        }
        else
        {
            var any = new BooleanQuery();
            foreach (var concept in concepts)
            {
                any.Add(concept.ToQuery(), Occur.SHOULD);
            }

            text = any;
        }

        var searcher = searchers.Acquire();
        try
        {
            var found = searcher.Search(text, FilterFor(filters), top);
            return found.ScoreDocs.Select(hit => ToHit(searcher, hit, concepts)).ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        analyzer.Dispose();
        if (ownsDirectory)
        {
            directory.Dispose();
        }
    }

    private static Filter? FilterFor(IReadOnlyDictionary<string, string>? filters)
    {
        if (filters is null || filters.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        foreach (var (key, value) in filters)
        {
            all.Add(new TermQuery(new Term(IndexFields.Filter(key), value)), Occur.MUST);
        }

        return new QueryWrapperFilter(all);
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc hit, IReadOnlyList<QueryConcept> concepts)
    {
        var stored = searcher.Doc(hit.Doc);
        var matched = new List<MatchedConcept>();
        foreach (var concept in concepts)
        {
            var forms = concept.Forms.Where(f => searcher.Explain(f.Query, hit.Doc).IsMatch).Select(f => f.Text).ToList();
            if (forms.Count > 0)
            {
                matched.Add(new MatchedConcept(concept.QueryText, concept.Group, forms));
            }
        }

        return new SearchHit(stored.Get(IndexFields.Id), stored.Get(IndexFields.Kind), hit.Score, matched);
    }

    private static Document ToLucene(SearchDocument source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Kind);
        var document = new Document
        {
            new StringField(IndexFields.Id, source.Id, Field.Store.YES),
            new StringField(IndexFields.Kind, source.Kind, Field.Store.YES),
            new StringField(IndexFields.Filter(IndexFields.Kind), source.Kind, Field.Store.NO),
        };
        string[] texts = [source.TitleZh, source.TitleEn, source.BodyZh, source.BodyEn];
        for (var i = 0; i < texts.Length; i++)
        {
            document.Add(new TextField(IndexFields.Text[i].Name, texts[i] ?? string.Empty, Field.Store.NO));
        }

        foreach (var (key, value) in source.Filters)
        {
            if (key == IndexFields.Kind)
            {
                if (value != source.Kind)
                {
                    throw new ArgumentException($"filter 'kind' is '{value}' but the document's kind is '{source.Kind}'", nameof(source));
                }

                continue;
            }

            document.Add(new StringField(IndexFields.Filter(key), value, Field.Store.NO));
        }

        return document;
    }

    private bool Contains(string id)
    {
        var searcher = searchers.Acquire();
        try
        {
            return searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1).TotalHits > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Publish()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }
}
