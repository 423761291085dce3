using System.Security.Cryptography;

namespace FactoryPath.Fuzz.Engine;

/// <summary>An input that broke a target's promise: an undocumented exception, a broken property, a hang or runaway memory.</summary>
public sealed record Finding(string Target, string Kind, string Message, string Where, byte[] Input)
{
    /// <summary>Same kind thrown from the same place: counted as one finding.</summary>
    public string Signature => $"{Kind} at {Where}";

    public static Finding FromException(string target, Exception e, byte[] input) =>
        new(target, e.GetType().Name, e.Message, FirstFrame(e), input);

    /// <summary>The file name an input is kept under: its kind and a hash of its bytes.</summary>
    public string FileName(string extension) =>
        $"{Kind.ToLowerInvariant()}-{Convert.ToHexStringLower(SHA256.HashData(Input))[..12]}{extension}";

    public override string ToString() => $"{Target}: {Signature}: {Message}";

    private static string FirstFrame(Exception e)
    {
        var line = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no stack)";
        var inIndex = line.IndexOf(" in ", StringComparison.Ordinal);
        return inIndex < 0 ? line : line[..inIndex];
    }
}
