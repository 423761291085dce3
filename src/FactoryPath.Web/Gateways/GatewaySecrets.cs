using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace FactoryPath.Web.Gateways;

/// <summary>
/// Gateway ids and secrets: the id is short, lower-case and topic-safe (it is the MQTT user name and a topic level);
/// the secret is 192 random bits, kept only as an Identity password hash (PBKDF2), and shown once.
/// </summary>
public static class GatewaySecrets
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private static readonly PasswordHasher<Gateway> Hasher = new();

    public static string NewId() => "gw-" + RandomNumberGenerator.GetString(IdAlphabet, 12);

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(Gateway gateway, string secret) => Hasher.HashPassword(gateway, secret);

    public static bool Verify(Gateway gateway, string? secret) =>
        !string.IsNullOrEmpty(secret) && Hasher.VerifyHashedPassword(gateway, gateway.SecretHash, secret) != PasswordVerificationResult.Failed;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
