namespace FactoryPath.Core.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character set;
/// positions 3–8 hold the GB/T 2260 division code and position 18 is a check character.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>The code's characters in value order: digits, then capital letters without I, O, S, V and Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Weights of positions 1–17: 3^(i−1) mod 31.</summary>
    private static readonly int[] Weights = BuildWeights();

    /// <summary>Normalises <paramref name="input"/> and checks length, characters and the check character, in that order.</summary>
    public static CreditCodeResult Validate(string? input)
    {
        var code = Normalize(input);
        if (code.Length == 0)
        {
            return new CreditCodeResult(input, code, CreditCodeErrors.Empty());
        }

        if (code.Length != Length)
        {
            return new CreditCodeResult(input, code, CreditCodeErrors.Length(code.Length));
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (ValueOf(code[i]) < 0)
            {
                return new CreditCodeResult(input, code, CreditCodeErrors.Character(i + 1, code[i]));
            }
        }

        var expected = ComputeCheckCharacter(code[..(Length - 1)]);
        return expected == code[Length - 1]
            ? new CreditCodeResult(input, code, null)
            : new CreditCodeResult(input, code, CreditCodeErrors.CheckCharacter(expected, code[Length - 1]));
    }

    /// <summary>Computes the check character (position 18) for the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 characters, or a character outside <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected {Length - 1} characters, got {first17.Length}.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = ValueOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"Invalid character '{first17[i]}' at position {i + 1}.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Positions 3–8 of an 18-character code: the GB/T 2260 division code of the registration authority.</summary>
    public static string RegionCodeOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} characters, got {code.Length}.", nameof(code));
        }

        return code.Substring(2, 6);
    }

    /// <summary>Trims, turns full-width forms (as typed with Chinese input methods) into ASCII and upper-cases.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        // text that cannot be normalised (a lone surrogate, U+FFFE) stays as it is: validation names the bad character
        return Tabular.TextEncodings.HalfWidth(input).Trim().ToUpperInvariant();
    }

    private static int ValueOf(char c) => Alphabet.IndexOf(c, StringComparison.Ordinal);

    private static int[] BuildWeights()
    {
        var weights = new int[Length - 1];
        var weight = 1;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = weight;
            weight = weight * 3 % 31;
        }

        return weights;
    }
}
