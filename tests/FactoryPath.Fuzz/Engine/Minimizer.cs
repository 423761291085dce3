namespace FactoryPath.Fuzz.Engine;

/// <summary>
/// Shrinks a crashing input by removing ever smaller chunks while the same exception still comes from the same place
/// (delta debugging, bounded in tries). Hangs and memory findings are kept as found.
/// </summary>
public static class Minimizer
{
    public static Finding Minimize(FuzzTarget target, Finding finding, int maxTries = 3000)
    {
        if (finding.Kind is "Hang" or "Memory") return finding;
        var best = finding;
        var tries = 0;
        for (var chunk = Math.Max(1, best.Input.Length / 2); chunk >= 1 && tries < maxTries; chunk /= 2)
        {
            for (var start = 0; start < best.Input.Length && tries < maxTries; tries++)
            {
                var candidate = best.Input[..start].Concat(best.Input[Math.Min(best.Input.Length, start + chunk)..]).ToArray();
                if (SameFailure(target, best, candidate) is { } smaller) best = smaller;
                else start += chunk;
            }
        }

        return best;
    }

    private static Finding? SameFailure(FuzzTarget target, Finding original, byte[] candidate)
    {
        try
        {
            target.Run(candidate);
            return null;
        }
        catch (Exception e)
        {
            var again = Finding.FromException(original.Target, e, candidate);
            return again.Signature == original.Signature ? again : null;
        }
    }
}
