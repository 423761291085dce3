using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Localization;

namespace FactoryPath.Web.Assessment.Evidence;

/// <summary>The words the pages and the API use for evidence, in one culture.</summary>
public static class EvidenceText
{
    /// <summary>Why there is no live evidence, or null when there is.</summary>
    public static string? Missing(UiText text, EvidenceStatus status, CultureInfo? culture = null) => status switch
    {
        EvidenceStatus.NoGateway => text.Get("evidence.none.noGateway", culture ?? CultureInfo.CurrentUICulture),
        EvidenceStatus.NoRegister => text.Get("evidence.none.noRegister", culture ?? CultureInfo.CurrentUICulture),
        _ => null,
    };

    /// <summary>Times are shown in UTC with the zone written out, the same in every language.</summary>
    public static string Time(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"from live data (measured at …)", "overridden: reason (live value …)" or "entered by hand".</summary>
    public static string Source(UiText text, AnswerEvidence evidence, Question? question, CultureInfo culture)
    {
        var liveValue = evidence.LiveValue is { } v && question is not null ? Pick(v.Describe(question), culture) : "";
        var at = evidence.MeasuredAt is { } m ? Time(m) : "";
        return evidence.Source switch
        {
            EvidenceSource.Live => string.Format(culture, text.Get("evidence.source.live", culture), at),
            EvidenceSource.Override => string.Format(culture, text.Get("evidence.source.override", culture), evidence.Reason, liveValue, at),
            _ => text.Get("evidence.source.manual", culture),
        };
    }

    public static string Pick(LocalizedText t, CultureInfo culture) => UiText.IsChinese(culture) ? t.Zh : t.En;
}
