using System.Diagnostics.CodeAnalysis;

namespace FactoryPath.Fuzz.Engine;

/// <summary>What a decoder made of one input: a value, or the failure its API promises (an error result or its documented exception).</summary>
public enum Verdict
{
    Accepted,
    Rejected,
}

/// <summary>
/// One decoder under test. <see cref="Run"/> feeds it one input and checks its promise: it returns a value or reports
/// the error the way its API says. Any other exception, a hang or runaway memory is a finding; a broken promise that is
/// not an exception (an accepted frame pointing outside itself, a failure without a message) throws
/// <see cref="PropertyViolationException"/>.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name on the command line, and the folder of its corpus and regressions.</summary>
    public abstract string Name { get; }

    /// <summary>The corpus folder it starts from (its own name unless it shares another target's).</summary>
    public virtual string CorpusName => Name;

    /// <summary>What the target reads, for the campaign list.</summary>
    public abstract string Description { get; }

    /// <summary>File extension of kept inputs (".bin", ".yaml", ".csv", ".xlsx").</summary>
    public abstract string Extension { get; }

    /// <summary>Inputs of the short campaign that every test run does (count-bounded, so a run is reproducible).</summary>
    public abstract int ShortCampaignInputs { get; }

    public abstract Verdict Run(byte[] input);

    /// <summary>A new input made from <paramref name="parent"/> (one or more stacked mutations); <paramref name="corpus"/> feeds splices.</summary>
    public virtual byte[] Mutate(byte[] parent, Random random, IReadOnlyList<byte[]> corpus) =>
        ByteMutator.Mutate(parent, random, corpus);

    /// <summary>Called once with the corpus before a campaign (to learn a dictionary, for instance).</summary>
    public virtual void Prepare(IReadOnlyList<byte[]> corpus)
    {
    }

}

/// <summary>The decoder returned, but broke a promise of its API.</summary>
public sealed class PropertyViolationException(string message) : Exception(message);

/// <summary>Checks of a target's promise.</summary>
public static class Promise
{
    public static void Require([DoesNotReturnIf(false)] bool condition, string promise)
    {
        if (!condition)
        {
            throw new PropertyViolationException(promise);
        }
    }
}
