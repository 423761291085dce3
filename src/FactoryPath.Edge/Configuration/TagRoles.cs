using System.Text;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Configuration;

/// <summary>Tag roles as written in configuration files: snake_case (good_count, energy_kwh …).</summary>
public static class TagRoles
{
    private static readonly Dictionary<string, TagRole> ByName = Enum.GetValues<TagRole>().ToDictionary(Name, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = ByName.Keys.ToList();

    public static string Name(TagRole role)
    {
        var text = role.ToString();
        var name = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(text[i]));
        }

        return name.ToString();
    }

    public static TagRole? Parse(string name) => ByName.TryGetValue(name, out var role) ? role : null;
}
