namespace FactoryPath.Core.Enterprises;

/// <summary>The bilingual errors <see cref="CreditCode.Validate"/> reports; codes are stable.</summary>
public static class CreditCodeErrors
{
    public const string EmptyCode = "creditCode.empty";
    public const string LengthCode = "creditCode.length";
    public const string CharacterCode = "creditCode.character";
    public const string CheckCharacterCode = "creditCode.checkCharacter";

    internal static EnterpriseMessage Empty() => new(
        EmptyCode,
        "请填写统一社会信用代码",
        "The unified social credit code is required");

    internal static EnterpriseMessage Length(int actual) => new(
        LengthCode,
        $"统一社会信用代码应为 {CreditCode.Length} 位，实际为 {actual} 位",
        $"The unified social credit code must be {CreditCode.Length} characters, got {actual}");

    internal static EnterpriseMessage Character(int position, char actual) => new(
        CharacterCode,
        $"第 {position} 位字符 '{actual}' 无效：只能是数字或除 I、O、S、V、Z 以外的大写字母",
        $"Invalid character '{actual}' at position {position}: only digits and the capital letters other than I, O, S, V and Z are allowed");

    internal static EnterpriseMessage CheckCharacter(char expected, char actual) => new(
        CheckCharacterCode,
        $"校验码错误：第 18 位应为 '{expected}'，实际为 '{actual}'",
        $"Wrong check character: the check character should be '{expected}', got '{actual}'");
}
