namespace FactoryPath.Core.Enterprises;

/// <summary>
/// A bilingual message about enterprise data: a stable <paramref name="Code"/> for programs and
/// translations, and ready-made Chinese and English text for people.
/// </summary>
public sealed record EnterpriseMessage(string Code, string Zh, string En)
{
    public override string ToString() => $"{Code}: {En} / {Zh}";
}
