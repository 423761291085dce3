using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>
/// One scored question or business scene of the latest results of the enterprises of one county (GB/T 2260 code) and
/// one industry division (GB/T 4754 first two digits) under one model: sums the dashboard groups by.
/// <para>
/// Why a rollup and not one row per result and question: the dashboard of a province (or of the whole country for the
/// operator) must sum over every latest result inside it. At 200,000 enterprises with two models of some thirty
/// questions each, one row per result and question is about ten million rows, and a province reads a thirtieth of them
/// on every page view. A region × division × model × question rollup holds at most one row per combination that
/// occurs, so a province reads its own few thousand rows through the primary key (which starts with the region key); every
/// measure is a sum, so a new latest result adds its rows and takes the superseded result's rows away with atomic
/// upserts in the submission's transaction (<see cref="RegionRollupWriter"/>), and <see cref="RegionStatsRebuild"/>
/// recomputes the same sums from the stored results.
/// </para>
/// Every row is kept three times (<see cref="RollupKeys"/>): under the county's code and under the prefixes of its
/// prefecture and province, so that a page reads the rows of one key.
/// Rows are attributed to the enterprise's current county and division (as the other dashboard parts, which join the
/// enterprise): a profile change that moves an enterprise moves its rows (<see cref="RegionRollupWriter.MoveAsync"/>).
/// </summary>
public sealed class RegionNodeStat
{
    public const string QuestionKind = "question";
    public const string SceneKind = "scene";

    /// <summary>A six-digit county code, or the four- or two-digit prefix of a prefecture or province (<see cref="RollupKeys"/>).</summary>
    public string RegionCode { get; set; } = "";
    public string Division { get; set; } = "";
    public string ModelId { get; set; } = "";
    /// <summary><see cref="QuestionKind"/> (a scored node of the result) or <see cref="SceneKind"/> (a business scene rated by level).</summary>
    public string NodeKind { get; set; } = "";
    public string NodeId { get; set; } = "";
    /// <summary>The name as the first result seen showed it (results copy the names they were scored with).</summary>
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>Latest results that score the node (applicable, with a maximum above zero).</summary>
    public int Answered { get; set; }
    /// <summary>Of those, at full marks (score ≥ maximum; for a scene, at its highest level).</summary>
    public int AtFull { get; set; }
    /// <summary>Of those, at or above three quarters, a half and a quarter of the maximum.</summary>
    public int AtThreeQuarters { get; set; }
    public int AtHalf { get; set; }
    public int AtQuarter { get; set; }
    /// <summary>Σ score ÷ maximum over the answering results (mean share = this ÷ <see cref="Answered"/>).</summary>
    public double ShareSum { get; set; }
    /// <summary>Latest answers of a band question with a rate that give a usable numerator and denominator.</summary>
    public int RateEnterprises { get; set; }
    public double RateNumerator { get; set; }
    public double RateDenominator { get; set; }
}

/// <summary>
/// Change of the number of latest results of one model at one level among the enterprises of one county, in one
/// calendar month (UTC, <c>yyyy·100 + mm</c>): a result adds one at its level in its month and takes one away at the
/// level of the result it supersedes. The enterprises at each level at the end of a month are the sum of the changes
/// of that month and every month before; the sum over every month is the current level distribution. Kept under the
/// same three keys as <see cref="RegionNodeStat"/>.
/// </summary>
public sealed class RegionLevelChange
{
    /// <summary>A six-digit county code, or the four- or two-digit prefix of a prefecture or province (<see cref="RollupKeys"/>).</summary>
    public string RegionCode { get; set; } = "";
    public string ModelId { get; set; } = "";
    public int Month { get; set; }
    public int Level { get; set; }
    public int Delta { get; set; }
}

/// <summary>
/// Enterprises of one county (six-digit code, no prefixes) and industry division with at least one latest result: the
/// "assessed" counts of the dashboard, which would otherwise be an existence test on the results per enterprise. Kept
/// at submission (an enterprise's first latest result adds one) and when an assessed enterprise moves.
/// </summary>
public sealed class RegionAssessedCount
{
    public string RegionCode { get; set; } = "";
    public string Division { get; set; } = "";
    public int Enterprises { get; set; }
}

/// <summary>Tables of the regional statistics rollups.</summary>
public static class RegionRollupModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RegionNodeStat>(s =>
        {
            s.ToTable("RegionNodeStats");
            // the region comes first: a province or city is a range of county codes, read through this key
            s.HasKey(x => new { x.RegionCode, x.Division, x.ModelId, x.NodeKind, x.NodeId });
            s.Property(x => x.RegionCode).HasMaxLength(6);
            s.Property(x => x.Division).HasMaxLength(2);
            s.Property(x => x.ModelId).HasMaxLength(80);
            s.Property(x => x.NodeKind).HasMaxLength(8);
            s.Property(x => x.NodeId).HasMaxLength(80);
            s.Property(x => x.NameZh).HasMaxLength(400);
            s.Property(x => x.NameEn).HasMaxLength(400);
        });

        builder.Entity<RegionLevelChange>(c =>
        {
            c.ToTable("RegionLevelChanges");
            c.HasKey(x => new { x.RegionCode, x.ModelId, x.Month, x.Level });
            c.Property(x => x.RegionCode).HasMaxLength(6);
            c.Property(x => x.ModelId).HasMaxLength(80);
        });

        builder.Entity<RegionAssessedCount>(c =>
        {
            c.ToTable("RegionAssessedCounts");
            c.HasKey(x => new { x.RegionCode, x.Division });
            c.Property(x => x.RegionCode).HasMaxLength(6);
            c.Property(x => x.Division).HasMaxLength(2);
        });
    }
}
