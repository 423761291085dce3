using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Core.Eligibility;
using FactoryPath.Web.Enterprises;

namespace FactoryPath.Web.Demonstration;

/// <summary>A tier as one enterprise sees it: whether it is eligible now, its open application and whether it holds the tier.</summary>
public sealed record TierStanding(TierDefinition Definition, EligibilityReport Eligibility, DemonstrationApplication? Open, DemonstrationApplication? Approved);

/// <summary>An application with everything its detail page shows.</summary>
/// <param name="CanDecide">The viewer may approve, reject or return it now.</param>
/// <param name="ReviewNote">Why the viewer may not decide although it may read (e.g. reviewed at a higher level); null otherwise.</param>
public sealed record ApplicationDetail(
    DemonstrationApplication Application, Enterprise Enterprise, TierDefinition Definition, EvidenceSnapshot Evidence,
    EligibilityReport EligibilityNow, IReadOnlyList<ApplicationComment> Comments, bool IsOwner, bool CanDecide, string? ReviewNote);

/// <summary>One row of the review list.</summary>
public sealed record ApplicationRow(DemonstrationApplication Application, string EnterpriseName, string RegionCode);

/// <summary>Filters of the review list; null means any.</summary>
public sealed record ApplicationFilter(ApplicationStatus? Status, Core.Catalog.DemonstrationTier? Tier);

/// <summary>Who approved a recognition: an administrator of a region, the platform operator, or an account since removed.</summary>
public enum RecognitionReviewer { Region, Operator, Unknown }

/// <summary>A tier the enterprise holds: the approved application, the tier (null if the tier file no longer lists it) and who approved it.</summary>
/// <param name="ReviewerRegionCode">The GB/T 2260 code of the approving administrator's region when <see cref="Reviewer"/> is Region.</param>
public sealed record Recognition(DemonstrationApplication Application, TierDefinition? Definition, RecognitionReviewer Reviewer, string? ReviewerRegionCode);
