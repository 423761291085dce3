using System.Text;

namespace FactoryPath.Core.Tabular;

/// <summary>The encoding a text file was read with, by its usual name (utf-8, utf-16le, utf-16be, gb18030).</summary>
public sealed record DetectedEncoding(Encoding Encoding, string Name, int BomLength);

/// <summary>
/// Finds the encoding of a text file the way Chinese spreadsheets are exchanged: a byte order mark (UTF-8, UTF-16)
/// wins; otherwise the bytes are UTF-8 if they decode as strict UTF-8, else GB18030, which also reads GBK and GB2312.
/// </summary>
public static class TextEncodings
{
    public const string Utf8Name = "utf-8";
    public const string Gb18030Name = "gb18030";

    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    });

    /// <summary>GB 18030 (code page 54936); a superset of GBK and GB2312.</summary>
    public static Encoding Gb18030 => Gb18030Lazy.Value;

    public static DetectedEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new DetectedEncoding(StrictUtf8, Utf8Name, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new DetectedEncoding(new UnicodeEncoding(false, false, true), "utf-16le", 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new DetectedEncoding(new UnicodeEncoding(true, false, true), "utf-16be", 2);
        return IsUtf8(bytes) ? new DetectedEncoding(StrictUtf8, Utf8Name, 0) : new DetectedEncoding(Gb18030, Gb18030Name, 0);
    }

    /// <summary>Decodes a whole file: the encoding is detected, the byte order mark dropped.</summary>
    public static (string Text, DetectedEncoding Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        var detected = Detect(bytes);
        var body = bytes[detected.BomLength..];
        try
        {
            return (detected.Encoding.GetString(body), detected);
        }
        catch (DecoderFallbackException)
        {
            // a UTF-16 file with a broken surrogate pair: read what can be read
            var lenient = detected.Name == Utf8Name ? Encoding.UTF8 : Encoding.GetEncoding(detected.Encoding.CodePage);
            return (lenient.GetString(body), detected);
        }
    }

    /// <summary>The encoding for a name given by a user (utf-8, utf8, gb18030, gbk); null when it is not one we write.</summary>
    public static Encoding? ForWriting(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "utf-8" or "utf8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "gb18030" or "gbk" or "gb2312" => Gb18030,
        _ => null,
    };

    /// <summary>
    /// Full-width forms, as typed with Chinese input methods, as ASCII (NFKC). Text that String.Normalize refuses with an
    /// ArgumentException — a lone surrogate, a noncharacter such as U+FFFE from a damaged UTF-16 file — is returned as it
    /// is, for validation to refuse.
    /// </summary>
    public static string HalfWidth(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
}
