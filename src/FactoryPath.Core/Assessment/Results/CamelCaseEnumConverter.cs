using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactoryPath.Core.Assessment;

/// <summary>Writes an enum as camelCase text with any serializer options, so stored results and API responses agree.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
