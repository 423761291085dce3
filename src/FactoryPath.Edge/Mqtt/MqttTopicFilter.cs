namespace FactoryPath.Edge.Mqtt;

/// <summary>MQTT topic filters and topic names (MQTT 3.1.1, section 4.7 "Topic Names and Topic Filters").</summary>
public static class MqttTopicFilter
{
    /// <summary>Null when <paramref name="filter"/> is a valid filter, else why not.</summary>
    public static string? Check(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "a topic filter must not be empty";
        }

        if (filter.Contains('\0'))
        {
            return $"topic filter '{filter}' contains a NUL character";
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
            {
                return $"topic filter '{filter}': '#' must be a whole level and the last one";
            }

            if (level.Contains('+') && level != "+")
            {
                return $"topic filter '{filter}': '+' must be a whole level";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="topic"/> matches <paramref name="filter"/> (a valid filter).</summary>
    public static bool Matches(string filter, string topic)
    {
        // section 4.7.2: wildcards at the first level do not match topics starting with '$'
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length)
            {
                return false;
            }

            if (f[i] != "+" && f[i] != t[i])
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
