using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FactoryPath.Edge.Simulation;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>The README's register tables are what gateway configurations are written against: they must match the code.</summary>
public sealed partial class RegisterMapReadmeTests
{
    public static TheoryData<MachineType> Types() => [.. Enum.GetValues<MachineType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void Readme_ShowsTheRegisterTable_OfEveryMachineType(MachineType type)
    {
        var readme = File.ReadAllText(FindReadme()).ReplaceLineEndings("\n");

        Assert.Contains($"#### {type.Name()}\n\n{Render(type)}", readme);
    }

    /// <summary>The markdown table of one type, as the README prints it.</summary>
    internal static string Render(MachineType type)
    {
        var table = new StringBuilder();
        table.Append("| Register | Name | Type | Word order | Scale | Unit | Role | Meaning |\n");
        table.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var p in MachineRegisterMap.For(type))
        {
            var register = p.Count == 1 ? $"{p.Offset}" : $"{p.Offset}–{p.Offset + 1}";
            var order = p.Count == 2 ? p.Order.ToString() : "";
            // names as a gateway configuration writes them: uint16, float32 …; the alarm word is a uint16 read bit by bit
            var type16 = p.Type == RegisterDataType.Bits16 ? "uint16" : p.Type.ToString().ToLowerInvariant();
            var role = SnakeCase().Replace(p.Role.ToString(), "$1_$2").ToLowerInvariant();
            var meaning = p.Name == "type_code" ? $"{(ushort)type}" : p.Description;
            table.Append(CultureInfo.InvariantCulture, $"| {register} | {p.Name} | {type16} | {order} | {p.Scale} | {p.Unit} | {role} | {meaning} |\n");
        }

        return table.ToString();
    }

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCase();

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "FactoryPath.slnx")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md of the repository not found above " + AppContext.BaseDirectory);
    }
}
