namespace FactoryPath.Core.Matching;

/// <summary>Terms that mean the same thing to a buyer, zh and en mixed; <see cref="Line"/> is where the group is in its file.</summary>
public sealed record SynonymGroup(int Line, IReadOnlyList<string> Terms)
{
    /// <summary>The first term, used to name the group in match explanations.</summary>
    public string Label => Terms[0];
}
