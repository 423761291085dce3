namespace FactoryPath.Edge.Configuration.Yaml;

/// <summary>
/// How deeply YAML text nests flow collections. YamlDotNet's scanner recurses once per open [ or {: about 100,000 of
/// them (a 100 KB file) overflow the stack and end the process, which no catch can stop, so the gateway and simulator loaders refuse text
/// nested deeper than <see cref="MaxFlowDepth"/> before parsing it.
/// </summary>
internal static class YamlNesting
{
    /// <summary>Far deeper than any real file, far below what overflows a 1.5 MB thread stack.</summary>
    public const int MaxFlowDepth = 100;

    public static string TooDeep => $"not valid YAML: brackets ([ ] or {{ }}) nested more than {MaxFlowDepth} deep";

    /// <summary>The deepest nesting of [ and { outside quoted scalars and comments (unbalanced closers are ignored).</summary>
    public static int FlowDepth(string text)
    {
        int depth = 0, deepest = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = '\0';
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ']' or '}' when depth > 0:
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
