using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Matching;

/// <summary>
/// Reads a synonym file: one group a line, terms separated by ',' or '，', '#' starts a comment line, blank lines are
/// skipped. A group needs two or more terms, and a term (compared without case) belongs to one group only.
/// </summary>
public static class SynonymListLoader
{
    private static readonly char[] Separators = [',', '，'];

    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> is used in error messages. The list is null when there is any error.</summary>
    public static SynonymListLoadResult LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new List<ModelError>();
        var groups = new List<SynonymGroup>();
        var firstSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var terms = line.Split(Separators).Select(t => t.Trim()).ToList();
            if (terms.All(t => t.Length == 0))
            {
                errors.Add(new ModelError(fileName, lineNumber, 1, "empty group: the line has separators but no terms"));
                continue;
            }

            if (terms.Any(t => t.Length == 0))
            {
                errors.Add(new ModelError(fileName, lineNumber, 1, "empty term between separators"));
                terms.RemoveAll(t => t.Length == 0);
            }

            if (terms.Count < 2)
            {
                errors.Add(new ModelError(fileName, lineNumber, 1, $"group '{terms[0]}' has one term; a synonym group needs at least two"));
            }

            foreach (var term in terms)
            {
                var column = lines[i].IndexOf(term, StringComparison.Ordinal) + 1;
                if (firstSeen.TryGetValue(term, out var earlier))
                {
                    var where = earlier == lineNumber ? "earlier on this line" : $"in the group on line {earlier}";
                    errors.Add(new ModelError(fileName, lineNumber, column, $"term '{term}' is already {where}; a term belongs to one group"));
                }
                else
                {
                    firstSeen[term] = lineNumber;
                }
            }

            groups.Add(new SynonymGroup(lineNumber, terms));
        }

        return errors.Count == 0
            ? new SynonymListLoadResult(new SynonymList(groups), errors)
            : new SynonymListLoadResult(null, errors);
    }
}

/// <summary>A loaded list (null on errors) and every error found, in file order.</summary>
public sealed record SynonymListLoadResult(SynonymList? List, IReadOnlyList<ModelError> Errors)
{
    public bool Succeeded => List is not null && Errors.Count == 0;
}
