using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpasmCare.Clinical.Scales;

/// <summary>The outcome of reading a definition: the definition when it is valid, otherwise the errors.</summary>
public sealed record InstrumentLoadResult(InstrumentDefinition? Definition, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Definition is not null;
}

/// <summary>
/// Reads and writes <see cref="InstrumentDefinition"/> as JSON (camelCase names, enums as names), so an admin can
/// export a built-in definition, add licensed item wording, and load it back as a new version. Unknown properties,
/// missing required properties and nulls where a value is required are refused, then the definition is validated.
/// </summary>
public static class InstrumentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(InstrumentDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Reads a definition; never throws for bad input, returning the problems instead.</summary>
    public static InstrumentLoadResult Read(string json)
    {
        InstrumentDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<InstrumentDefinition>(json, Options);
        }
        catch (JsonException ex)
        {
            return new(null, [new(ex.Path ?? "$", $"The text is not a valid instrument definition: {ex.Message}")]);
        }

        if (definition is null)
        {
            return new(null, [new("$", "The text is empty: expected an instrument definition.")]);
        }

        var errors = definition.Validate();
        return errors.Count == 0 ? new(definition, []) : new(null, errors);
    }
}
