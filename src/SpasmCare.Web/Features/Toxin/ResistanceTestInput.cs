using System.Globalization;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The resistance-test form (DOMAIN §3.9): a frontalis (unilateral brow) or extensor digitorum brevis test with the
/// product and units injected, or a mouse protection assay sent out; when it was done, when it was read, and the result.
/// </summary>
public sealed class ResistanceTestInput : IValidatableObject
{
    public const int NoteMax = InjectionSession.NoteMax;
    public const decimal UnitsMax = 1000m;

    [Required(ErrorMessage = "Choose the kind of test.")]
    [EnumDataType(typeof(ResistanceTestKind), ErrorMessage = "Choose the kind of test from the list.")]
    [Display(Name = "Test")]
    public ResistanceTestKind? Kind { get; set; }

    [Display(Name = "Product")]
    public Guid? ProductId { get; set; }

    [Range(typeof(decimal), "0.01", "1000", ErrorMessage = "Enter units from {1} to {2}.")]
    [Display(Name = "Units injected")]
    public decimal? Units { get; set; }

    [Required(ErrorMessage = "Enter the date of the test.")]
    [Display(Name = "Done on")]
    public DateOnly? PerformedOn { get; set; }

    [Display(Name = "Read on")]
    public DateOnly? ReadOn { get; set; }

    [EnumDataType(typeof(ResistanceTestResult), ErrorMessage = "Choose the result from the list.")]
    [Display(Name = "Result")]
    public ResistanceTestResult Result { get; set; }

    [StringLength(NoteMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var today = (validationContext.GetService(typeof(ClinicTime)) as ClinicTime)?.Today;
        if (PerformedOn > today)
        {
            yield return new ValidationResult("The test cannot be in the future.", [nameof(PerformedOn)]);
        }

        if (ReadOn is { } read)
        {
            if (read > today)
            {
                yield return new ValidationResult("The reading cannot be in the future.", [nameof(ReadOn)]);
            }
            else if (read < PerformedOn)
            {
                yield return new ValidationResult("The test cannot be read before it was done.", [nameof(ReadOn)]);
            }
        }

        if (Result != ResistanceTestResult.Pending && ReadOn is null)
        {
            yield return new ValidationResult("Enter the date the result was read.", [nameof(ReadOn)]);
        }

        if (Kind is ResistanceTestKind.Frontalis or ResistanceTestKind.ExtensorDigitorumBrevis)
        {
            if (ProductId is null)
            {
                yield return new ValidationResult("Choose the product injected for the test.", [nameof(ProductId)]);
            }

            if (Units is null)
            {
                yield return new ValidationResult("Enter the units injected for the test.", [nameof(Units)]);
            }
        }
    }

    public static ResistanceTestInput From(ResistanceTest t) => new()
    {
        Kind = t.Kind,
        ProductId = t.ProductId,
        Units = t.Units,
        PerformedOn = t.PerformedOn,
        ReadOn = t.ReadOn,
        Result = t.Result,
        Note = t.Note,
    };

    public void ApplyTo(ResistanceTest t)
    {
        t.Kind = Kind!.Value;
        t.ProductId = ProductId;
        t.Units = Units;
        t.PerformedOn = PerformedOn!.Value;
        t.ReadOn = ReadOn;
        t.Result = Result;
        t.Note = ReviewInput.Clean(Note);
    }

    /// <summary>The form as people read it (for the conflict table); products by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(IReadOnlyDictionary<Guid, string> products) =>
    [
        new("Test", Kind is { } k ? ResistanceTestLabels.Of(k) : "—"),
        new("Product", ProductId is { } p ? products.GetValueOrDefault(p, "—") : "—"),
        new("Units injected", Units?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—"),
        new("Done on", ReviewLabels.Date(PerformedOn)),
        new("Read on", ReviewLabels.Date(ReadOn)),
        new("Result", ResistanceTestLabels.Of(Result)),
        new("Note", string.IsNullOrWhiteSpace(Note) ? "—" : Note.Trim()),
    ];
}

public static class ResistanceTestLabels
{
    public static IReadOnlyList<ResistanceTestKind> Kinds { get; } =
        [ResistanceTestKind.Frontalis, ResistanceTestKind.ExtensorDigitorumBrevis, ResistanceTestKind.MouseProtectionAssay];

    public static IReadOnlyList<ResistanceTestResult> Results { get; } =
        [ResistanceTestResult.Pending, ResistanceTestResult.ToxinEffective, ResistanceTestResult.NoEffect, ResistanceTestResult.Inconclusive];

    public static string Of(ResistanceTestKind kind) => kind switch
    {
        ResistanceTestKind.Frontalis => "Frontalis (unilateral brow) test",
        ResistanceTestKind.ExtensorDigitorumBrevis => "Extensor digitorum brevis (EDB) test",
        ResistanceTestKind.MouseProtectionAssay => "Mouse protection assay",
        _ => kind.ToString(),
    };

    public static string Of(ResistanceTestResult result) => result switch
    {
        ResistanceTestResult.Pending => "Pending",
        ResistanceTestResult.ToxinEffective => "Toxin effective: immunoresistance excluded",
        ResistanceTestResult.NoEffect => "No effect: consistent with neutralising antibodies",
        ResistanceTestResult.Inconclusive => "Inconclusive",
        _ => result.ToString(),
    };
}
