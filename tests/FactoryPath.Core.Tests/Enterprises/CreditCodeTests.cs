using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class CreditCodeTests
{
    // Worked examples of GB 32100-2015 (the first is the standard's own).
    public static TheoryData<string> StandardExamples => new() { "91350100M000100Y43", "91110000600037341L" };

    [Theory]
    [MemberData(nameof(StandardExamples))]
    public void Validate_StandardExample_IsValid(string code)
    {
        var result = CreditCode.Validate(code);

        Assert.True(result.IsValid, result.Error?.En);
        Assert.Null(result.Error);
        Assert.Equal(code, result.NormalizedCode);
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91110000600037341", 'L')]
    public void ComputeCheckCharacter_StandardExample_GivesItsCheckCharacter(string first17, char expected)
    {
        Assert.Equal(expected, CreditCode.ComputeCheckCharacter(first17));
    }

    // The standard's weights 3^(i−1) mod 31. With a single '1' at position i, S = w_i, so C = 31 − w_i.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 9)]
    [InlineData(4, 27)]
    [InlineData(5, 19)]
    [InlineData(6, 26)]
    [InlineData(7, 16)]
    [InlineData(8, 17)]
    [InlineData(9, 20)]
    [InlineData(10, 29)]
    [InlineData(11, 25)]
    [InlineData(12, 13)]
    [InlineData(13, 8)]
    [InlineData(14, 24)]
    [InlineData(15, 10)]
    [InlineData(16, 30)]
    [InlineData(17, 28)]
    public void ComputeCheckCharacter_SingleOneAtPosition_UsesTheStandardsWeight(int position, int weight)
    {
        var first17 = new string('0', position - 1) + "1" + new string('0', 17 - position);

        Assert.Equal(CreditCode.Alphabet[31 - weight], CreditCode.ComputeCheckCharacter(first17));
    }

    [Fact]
    public void ComputeCheckCharacter_SumDivisibleBy31_GivesZero()
    {
        // S = 0, so C = 31 − 0 = 31, which the standard maps to 0.
        Assert.Equal('0', CreditCode.ComputeCheckCharacter(new string('0', 17)));
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91350100M000100I4")]
    public void ComputeCheckCharacter_BadInput_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => CreditCode.ComputeCheckCharacter(first17));
    }

    [Theory]
    [MemberData(nameof(StandardExamples))]
    public void Validate_AnySingleCharacterChanged_Fails(string code)
    {
        var accepted = new List<string>();
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in CreditCode.Alphabet + "IOSVZ*")
            {
                if (replacement == code[position])
                {
                    continue;
                }

                var mutated = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
                if (CreditCode.Validate(mutated).IsValid)
                {
                    accepted.Add(mutated);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData("91350100m000100y43", "91350100M000100Y43")]
    [InlineData("  91110000600037341l\t", "91110000600037341L")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")]
    [InlineData("\u300091110000600037341L\u3000", "91110000600037341L")]
    public void Validate_LowerCaseSpacesOrFullWidth_NormalisesAndAccepts(string input, string normalized)
    {
        var result = CreditCode.Validate(input);

        Assert.True(result.IsValid, result.Error?.En);
        Assert.Equal(normalized, result.NormalizedCode);
        Assert.Equal(input, result.Input);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Empty_ReportsEmpty(string? input)
    {
        var result = CreditCode.Validate(input);

        Assert.False(result.IsValid);
        Assert.Equal(CreditCodeErrors.EmptyCode, result.Error!.Code);
        Assert.Equal(string.Empty, result.NormalizedCode);
    }

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y430", 19)]
    [InlineData("9", 1)]
    public void Validate_WrongLength_SaysExpectedAndActualLength(string input, int actual)
    {
        var error = CreditCode.Validate(input).Error;

        Assert.NotNull(error);
        Assert.Equal(CreditCodeErrors.LengthCode, error.Code);
        Assert.Contains($"must be 18 characters, got {actual}", error.En);
        Assert.Contains($"应为 18 位，实际为 {actual} 位", error.Zh);
    }

    [Theory]
    [InlineData("I1350100M000100Y43", 1, 'I')]
    [InlineData("91350100M0O0100Y43", 11, 'O')]
    [InlineData("91350100M000100S43", 16, 'S')]
    [InlineData("91350100M000100Y4V", 18, 'V')]
    [InlineData("91350100Z000100Y43", 9, 'Z')]
    [InlineData("913501-0M000100Y43", 7, '-')]
    [InlineData("91350100M000100Y4中", 18, '中')]
    public void Validate_CharacterOutsideTheSet_NamesItsPosition(string input, int position, char character)
    {
        var error = CreditCode.Validate(input).Error;

        Assert.NotNull(error);
        Assert.Equal(CreditCodeErrors.CharacterCode, error.Code);
        Assert.Contains($"'{character}' at position {position}", error.En);
        Assert.Contains($"第 {position} 位字符 '{character}'", error.Zh);
    }

    [Theory]
    [InlineData("91350100M000100Y4X", '3', 'X')]
    [InlineData("91110000600037341M", 'L', 'M')]
    public void Validate_WrongCheckCharacter_SaysWhatItShouldBe(string input, char expected, char actual)
    {
        var error = CreditCode.Validate(input).Error;

        Assert.NotNull(error);
        Assert.Equal(CreditCodeErrors.CheckCharacterCode, error.Code);
        Assert.Contains($"the check character should be '{expected}', got '{actual}'", error.En);
        Assert.Contains($"应为 '{expected}'，实际为 '{actual}'", error.Zh);
    }

    [Fact]
    public void Validate_LoneSurrogate_IsAnInvalidCharacterNotACrash()
    {
        var error = CreditCode.Validate("91350100M000100Y4\uD800").Error;

        Assert.NotNull(error);
        Assert.Equal(CreditCodeErrors.CharacterCode, error.Code);
        Assert.Contains("position 18", error.En);
    }

    [Theory]
    [InlineData("91350100M000100Y43", "350100")]
    [InlineData("91110000600037341L", "110000")]
    public void RegionCode_ValidCode_IsPositionsThreeToEight(string code, string region)
    {
        Assert.Equal(region, CreditCode.RegionCodeOf(code));
        Assert.Equal(region, CreditCode.Validate(code).RegionCode);
    }

    [Fact]
    public void RegionCode_InvalidCode_IsNull()
    {
        Assert.Null(CreditCode.Validate("91350100M000100Y4X").RegionCode);
    }
}
