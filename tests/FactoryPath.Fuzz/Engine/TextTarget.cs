using System.Text;

namespace FactoryPath.Fuzz.Engine;

/// <summary>A target that reads text: mutations are mostly token-level, sometimes byte-level (broken UTF-8, stray BOMs).</summary>
public abstract class TextTarget : FuzzTarget
{
    private TextMutator? mutator;
    private List<string> texts = [];

    /// <summary>The format's own tokens; words of the corpus are added to them.</summary>
    protected abstract IReadOnlyList<string> Tokens { get; }

    public override void Prepare(IReadOnlyList<byte[]> corpus)
    {
        texts = corpus.Select(DecodeForMutation).ToList();
        mutator = new TextMutator(Tokens);
        mutator.Learn(texts);
    }

    public override byte[] Mutate(byte[] parent, Random random, IReadOnlyList<byte[]> corpus)
    {
        if (mutator is null) Prepare(corpus);
        if (random.Next(5) == 0) return ByteMutator.Mutate(parent, random, corpus);
        return Encode(mutator!.Mutate(DecodeForMutation(parent), random, texts), random);
    }

    /// <summary>The text a parent input is mutated as; what <see cref="Decode"/> makes of it unless a target decodes otherwise.</summary>
    protected virtual string DecodeForMutation(byte[] input) => Decode(input);

    /// <summary>How the text goes back to bytes; UTF-8 unless a target varies it.</summary>
    protected virtual byte[] Encode(string text, Random random) => Encoding.UTF8.GetBytes(text);

    /// <summary>Bytes to text the way File.ReadAllText does it: a byte order mark picks the encoding, UTF-8 otherwise.</summary>
    protected static string Decode(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    protected static readonly string[] YamlTokens =
    [
        ":", ": ", "- ", "-", "? ", "\t", "  ", "\n", "\n  ", "# c", "&a ", "*a", "&b [*a, *a, *a, *a]", "<<: *a\n", "*unknown",
        "!!str ", "!!int ", "!!float ", "!!bool ", "!!binary ", "!!map ", "!!seq ", "!!timestamp ", "!<tag:yaml.org,2002:str> ", "!custom ",
        "|", "|-", "|+", ">", ">-", "|9", "---\n", "...\n", "--- ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "{", "}", "[", "]", ",",
        "{}", "[]", "'", "\"", "\\", "\"\\u0000\"", "\"\\uD800\"", "\"\\x\"", "''", "\"\"", "~", "null", "Null", "true", "no", "yes",
        "0x1F", "0o17", "-0", ".inf", "-.inf", ".nan", "1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809",
        "18446744073709551616", "9223372036854775807", "2147483648", "-2147483649", "0.0000001", "1_000", "0", "-1", "65536",
        "500ms", "0s", "-5m", "99999999999d", "9223372036854775807ms", "1.5h", "7d", "64KB", "99999999GB", "-1MB",
        "${HOME}", "${", "${NOT_SET_ANYWHERE}", "${}", "$", "\u00A0", "\uFEFF", "\u2028", "\0", "\r", "\r\n", "a/b/c", "../", "/",
        "2026-02-30", "24:00", "25:61", "-", "?", "@", "`", "٣", "５", "৪s", "+08:٣0", "[٣%, 5%)",
    ];
}
