namespace FactoryPath.Core.Catalog.Import;

/// <summary>What an import does with the rows once every row is validated.</summary>
public enum ImportMode
{
    /// <summary>A dry run: validate and report what would happen; nothing is written.</summary>
    Validate,

    /// <summary>Write every row, but only when no row has an error; otherwise nothing is written.</summary>
    All,

    /// <summary>The user chose to write the valid rows and leave out the rejected ones.</summary>
    ValidOnly,
}

public static class ImportModes
{
    public static ImportMode? Parse(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "validate" => ImportMode.Validate,
        "all" => ImportMode.All,
        "valid-only" or "validonly" => ImportMode.ValidOnly,
        _ => null,
    };

    public static string RouteName(this ImportMode mode) => mode switch
    {
        ImportMode.Validate => "validate",
        ImportMode.All => "all",
        ImportMode.ValidOnly => "valid-only",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
