using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Tests.Store;

internal static class StoreFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static TagInfo Tag(string id, TagRole role) =>
        new(id, new AssetPath("acme", "ningbo", "moulding", "line-1", null, "press-3"), role, null);

    public static TagSample Good(string tag, double seconds, double value) => TagSample.Good(tag, T0.AddSeconds(seconds), value);

    public static TagSample Bad(string tag, double seconds) => TagSample.Bad(tag, T0.AddSeconds(seconds));
}

/// <summary>A temp folder removed at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fp-edge-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a killed child; the OS temp cleaner takes it
        }
    }
}
