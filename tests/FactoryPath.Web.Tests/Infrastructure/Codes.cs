using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Tests.Infrastructure;

/// <summary>Valid, distinct unified social credit codes for test enterprises.</summary>
public static class Codes
{
    private static int _next;

    public static string NewCreditCode(string region = "330200")
    {
        var n = Interlocked.Increment(ref _next) + Random.Shared.Next(0, 1_000_000) * 100;
        var first17 = $"91{region}MA{n % 10_000_000:0000000}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    public static string Email(string who) => $"{who}-{Guid.NewGuid():N}@test.factorypath.cn";
}
