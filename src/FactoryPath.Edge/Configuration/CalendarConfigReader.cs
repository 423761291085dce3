using System.Globalization;
using System.Text.RegularExpressions;
using FactoryPath.Edge.Configuration.Yaml;
using FactoryPath.Edge.Kpi;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Configuration;

/// <summary>
/// Reads the <c>calendar</c> section of a gateway's file: the time zone (an IANA name such as Asia/Shanghai, or a fixed
/// offset such as +08:00), the shifts and the daily planned stops, times written HH:MM. Shifts may not overlap.
/// </summary>
internal static partial class CalendarConfigReader
{
    public static ShiftCalendar? Read(YamlConfigReader yaml, YamlMappingNode root)
    {
        if (yaml.Node(root, "calendar") is not { } node || yaml.Mapping(node, "calendar") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, "calendar", "timeZone", "shifts", "plannedStops");
        var zone = TimeZone(yaml, map);
        var shifts = new List<(ShiftDefinition Shift, YamlNode Node)>();
        foreach (var item in yaml.Sequence(map, "shifts", "calendar", required: true))
        {
            if (Period(yaml, item, "shift") is { } p)
            {
                if (shifts.FirstOrDefault(s => s.Shift.Name == p.Name) is { Node: { } first })
                {
                    yaml.Error(item, $"shift '{p.Name}' is defined twice (first at line {first.Start.Line})");
                    continue;
                }

                var shift = new ShiftDefinition(p.Name, p.Start, p.End);
                if (shifts.FirstOrDefault(s => Overlap(s.Shift, shift)) is { Node: { } other } overlapping)
                {
                    yaml.Error(item, $"shift '{p.Name}' overlaps shift '{overlapping.Shift.Name}' (line {other.Start.Line})");
                    continue;
                }

                shifts.Add((shift, item));
            }
        }

        var stops = new List<PlannedStopDefinition>();
        foreach (var item in yaml.Sequence(map, "plannedStops", "calendar"))
        {
            if (Period(yaml, item, "planned stop") is { } p)
            {
                stops.Add(new PlannedStopDefinition(p.Name, p.Start, p.End));
            }
        }

        return zone is null ? null : new ShiftCalendar(zone, shifts.Select(s => s.Shift).ToList(), stops);
    }

    private static TimeZoneInfo? TimeZone(YamlConfigReader yaml, YamlMappingNode map)
    {
        var text = yaml.String(map, "timeZone", "calendar");
        if (text is null)
        {
            return null;
        }

        var offset = OffsetPattern().Match(text);
        if (offset.Success)
        {
            var minutes = int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture);
            if (minutes > 59)
            {
                yaml.Error(yaml.Node(map, "timeZone")!, $"calendar: 'timeZone' {text} has {minutes} minutes; an offset's minutes are 00 to 59 (such as +05:30)");
                return null;
            }

            var span = new TimeSpan(int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture), minutes, 0);
            if (span > TimeSpan.FromHours(14))
            {
                yaml.Error(yaml.Node(map, "timeZone")!, $"calendar: 'timeZone' {text} is more than 14 hours from UTC");
                return null;
            }

            return TimeZoneInfo.CreateCustomTimeZone(text, offset.Groups[1].Value == "-" ? -span : span, text, text);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        // SecurityException: the name of a folder of the time zone database, such as Asia, cannot be read as a zone
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            yaml.Error(yaml.Node(map, "timeZone")!, $"calendar: 'timeZone' '{text}' is neither a time zone name (such as Asia/Shanghai) nor an offset (such as +08:00)");
            return null;
        }
    }

    private static (string Name, TimeOnly Start, TimeOnly End)? Period(YamlConfigReader yaml, YamlNode node, string what)
    {
        if (yaml.Mapping(node, $"a {what}") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, what, "name", "start", "end");
        var name = yaml.Name(map, "name", what);
        var label = name is null ? what : $"{what} '{name}'";
        var start = Time(yaml, map, "start", label);
        var end = Time(yaml, map, "end", label);
        if (start is not null && start == end)
        {
            yaml.Error(map, $"{label} starts and ends at {start:HH\\:mm}: it would last no time (or a whole day)");
            return null;
        }

        return name is null || start is null || end is null ? null : (name, start.Value, end.Value);
    }

    private static TimeOnly? Time(YamlConfigReader yaml, YamlMappingNode map, string key, string what)
    {
        var text = yaml.String(map, key, what);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        yaml.Error(yaml.Node(map, key)!, $"{what}: '{key}' '{text}' is not a time of day written HH:MM (such as 06:00 or 22:30)");
        return null;
    }

    /// <summary>Whether two daily periods share any minute, with either crossing midnight.</summary>
    private static bool Overlap(ShiftDefinition a, ShiftDefinition b)
    {
        static IEnumerable<(double From, double To)> Spans(ShiftDefinition s)
        {
            var start = s.Start.ToTimeSpan().TotalMinutes;
            var end = start + s.Length.TotalMinutes;
            yield return (start, end);
            yield return (start - 1440, end - 1440);
            yield return (start + 1440, end + 1440);
        }

        return Spans(a).Any(x => Spans(b).Any(y => x.From < y.To && y.From < x.To));
    }

    // [0-9], not \d: \d also matches other scripts' digits (٣, ５), which int.Parse does not read
    [GeneratedRegex(@"^(?:UTC)?([+-])([0-9]{2}):([0-9]{2})$")]
    private static partial Regex OffsetPattern();
}
