using System.Text;

namespace FactoryPath.Fuzz.Engine;

/// <summary>
/// Token-level mutations of text formats: tokens of the format's own dictionary (plus words learnt from the corpus) are
/// inserted or put in place of words (half the time a format token, half a learnt word); lines are duplicated, deleted, swapped, re-indented (spaces or tabs) or taken
/// from another corpus entry; brackets are nested deeply; odd characters (NUL, BOM, lone surrogates, U+2028, CJK) appear.
/// </summary>
public sealed class TextMutator(IReadOnlyList<string> tokens)
{
    /// <summary>Nesting depth of the deepest generated bracket run; deep enough to probe recursion, not the thread's stack.</summary>
    public const int MaxNesting = 300;

    private static readonly string[] OddCharacters =
        ["\0", "\uFEFF", "\uD800", "\uDC00", "\u2028", "\u0085", "\u00A0", "\t", "\r", "\u3000", "数", "𠀀", "\u202E", "\x1B", "\u00FF"];

    private readonly IReadOnlyList<string> formatTokens = tokens.Count > 0 ? tokens : [" "];
    private readonly List<string> learned = [];

    /// <summary>Adds the words and key names of the corpus entries to the dictionary (at most a few thousand, distinct).</summary>
    public void Learn(IEnumerable<string> corpus)
    {
        var words = new HashSet<string>(formatTokens, StringComparer.Ordinal);
        foreach (var text in corpus)
        {
            foreach (var word in text.Split([' ', '\n', '\r', '\t', ',', '"', '\'', '[', ']', '{', '}', '<', '>', '='], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length <= 40 && words.Count < 4000 && words.Add(word))
                {
                    learned.Add(word);
                }
            }
        }
    }

    public string Mutate(string parent, Random random, IReadOnlyList<string> corpus)
    {
        var text = new StringBuilder(parent);
        for (var stacked = 1 + random.Next(4); stacked > 0; stacked--)
        {
            MutateOnce(text, random, corpus);
        }

        return text.Length > ByteMutator.MaxInputLength / 2 ? text.ToString(0, ByteMutator.MaxInputLength / 2) : text.ToString();
    }

    private void MutateOnce(StringBuilder text, Random random, IReadOnlyList<string> corpus)
    {
        switch (random.Next(10))
        {
            case 0:
            case 1:
                text.Insert(random.Next(text.Length + 1), Token(random));
                break;
            case 2:
                ReplaceWord(text, random);
                break;
            case 3:
                Reindent(text, random);
                break;
            case 4:
                EditLines(text, random, corpus);
                break;
            case 5:
                EditLines(text, random, corpus);
                break;
            case 6:
            {
                var depth = 1 + random.Next(random.Next(4) == 0 ? MaxNesting : 20);
                var (open, close) = random.Next(3) switch { 0 => ("[", "]"), 1 => ("{a: ", "}"), _ => ("<a>", "</a>") };
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + (random.Next(2) == 0 ? string.Concat(Enumerable.Repeat(close, depth)) : "");
                text.Insert(random.Next(text.Length + 1), nested);
                break;
            }
            case 7:
                text.Insert(random.Next(text.Length + 1), OddCharacters[random.Next(OddCharacters.Length)]);
                break;
            case 8:
                if (text.Length > 0)
                {
                    var start = random.Next(text.Length);
                    text.Remove(start, 1 + random.Next(Math.Min(text.Length - start, 32)));
                }

                break;
            default:
            {
                // a long run of one token: huge scalars, long lines, many columns
                var token = Token(random);
                text.Insert(random.Next(text.Length + 1), string.Concat(Enumerable.Repeat(token, 1 + random.Next(random.Next(8) == 0 ? 2000 : 50))));
                break;
            }
        }
    }

    /// <summary>Half the time a token of the format, half the time a word of the corpus (so neither drowns the other).</summary>
    private string Token(Random random) =>
        learned.Count > 0 && random.Next(2) == 0 ? learned[random.Next(learned.Count)] : formatTokens[random.Next(formatTokens.Count)];

    private void ReplaceWord(StringBuilder text, Random random)
    {
        if (text.Length == 0) return;
        var at = random.Next(text.Length);
        var start = at;
        while (start > 0 && char.IsLetterOrDigit(text[start - 1])) start--;
        var end = at;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        text.Remove(start, end - start).Insert(start, Token(random));
    }

    private static void Reindent(StringBuilder text, Random random)
    {
        var lines = text.ToString().Split('\n');
        var i = random.Next(lines.Length);
        var line = lines[i];
        var indent = line.Length - line.TrimStart(' ').Length;
        lines[i] = random.Next(4) switch
        {
            0 => new string(' ', 1 + random.Next(4)) + line,
            1 => line[Math.Min(indent, 1 + random.Next(4))..],
            2 => "\t" + line.TrimStart(' '),
            _ => new string(' ', random.Next(40)) + line.TrimStart(' '),
        };
        text.Clear().Append(string.Join('\n', lines));
    }

    private static void EditLines(StringBuilder text, Random random, IReadOnlyList<string> corpus)
    {
        var lines = text.ToString().Split('\n').ToList();
        var i = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
            {
                var count = 1 + random.Next(Math.Min(lines.Count - i, 8));
                lines.InsertRange(i, lines.GetRange(i, count));
                break;
            }
            case 1:
                lines.RemoveAt(i);
                break;
            case 2:
            {
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            }
            case 3:
                lines.Insert(i, lines[random.Next(lines.Count)]);
                break;
            default:
                if (corpus.Count > 0)
                {
                    var other = corpus[random.Next(corpus.Count)].Split('\n');
                    var from = random.Next(other.Length);
                    lines.InsertRange(i, other.Skip(from).Take(1 + random.Next(8)));
                }

                break;
        }

        text.Clear().Append(string.Join('\n', lines));
    }
}
