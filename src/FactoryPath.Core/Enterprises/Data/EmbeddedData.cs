namespace FactoryPath.Core.Enterprises.Data;

/// <summary>Reads the standards data shipped inside the assembly (see the sibling <c>*.source.md</c> files for their sources).</summary>
internal static class EmbeddedData
{
    public const string Industries = "FactoryPath.Core.Enterprises.Data.industries-gbt4754-2017.csv";
    public const string Regions = "FactoryPath.Core.Enterprises.Data.regions-gbt2260.csv";
    public const string SizeThresholds = "FactoryPath.Core.Enterprises.Data.size-thresholds.yaml";

    public static string ReadText(string resourceName)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from {typeof(EmbeddedData).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
