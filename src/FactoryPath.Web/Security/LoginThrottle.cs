using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Security;

/// <summary>
/// Sign-in attempts counted per account name, whichever address they come from (the per-address limit is the
/// "login" rate-limiting policy on the endpoints). A caller that is refused learns how long to wait.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts;

    public LoginThrottle(IOptions<SecurityOptions> options)
    {
        var o = options.Value;
        _accounts = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.LoginPermitsPerAccount, Window = o.LoginWindow, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one attempt for the account; false (with the seconds to wait) when its window is used up.</summary>
    public bool TryAttempt(string? account, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (string.IsNullOrWhiteSpace(account)) return true; // refused by validation before any password is checked
        using var lease = _accounts.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return true;
        retryAfterSeconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        return false;
    }

    public void Dispose() => _accounts.Dispose();
}
