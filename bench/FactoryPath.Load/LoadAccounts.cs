namespace FactoryPath.Load;

/// <summary>
/// The account each role signs in with, and their password. A database the platform seeded itself holds the demo accounts;
/// one written by <c>factorypath gen</c> holds generated accounts instead (the demo accounts are seeded only into a
/// database without accounts), named as gen names them: owner-000001@gen.factorypath.test …, provider-000001@…,
/// admin-{province}@…, operator@gen.factorypath.test.
/// </summary>
public sealed record LoadAccounts(string Kind, IReadOnlyDictionary<LoadRole, string> Emails, string Password)
{
    public const string GeneratedDomain = "gen.factorypath.test";

    /// <summary>The password gen gives its accounts unless told otherwise (<c>factorypath gen --password</c>).</summary>
    public const string GeneratedPassword = "Gen#2026pass";

    public static LoadAccounts Demo { get; } = new("demo accounts", new Dictionary<LoadRole, string>
    {
        [LoadRole.Owner] = "owner@demo.factorypath.cn",
        [LoadRole.Provider] = "provider@demo.factorypath.cn",
        [LoadRole.RegionalAdmin] = "zhejiang-admin@demo.factorypath.cn",
        [LoadRole.Operator] = "operator@demo.factorypath.cn",
    }, "Demo#2026pass");

    public static string GeneratedOperator => $"operator@{GeneratedDomain}";

    public static string GeneratedOwner(int n) => $"owner-{n:000000}@{GeneratedDomain}";

    public static string GeneratedProvider(int n) => $"provider-{n:000000}@{GeneratedDomain}";

    /// <summary>The generated regional administrator of the province that holds <paramref name="regionCode"/> (GB/T 2260: its first two digits).</summary>
    public static string GeneratedProvinceAdmin(string regionCode) =>
        regionCode.Length == 6 && regionCode.All(char.IsAsciiDigit)
            ? $"admin-{regionCode[..2]}0000@{GeneratedDomain}"
            : throw new ArgumentException($"'{regionCode}' is not a six-digit region code", nameof(regionCode));

    /// <summary>How many generated owners (and providers) are tried, in order, for one with a result and a demand (an inbox).</summary>
    public const int Candidates = 40;
}
