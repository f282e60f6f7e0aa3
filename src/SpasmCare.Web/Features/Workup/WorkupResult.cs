namespace SpasmCare.Web.Features.Workup;

/// <summary>The outcome of an edit: the saved record, or a conflict (nothing saved), or neither (no such record).</summary>
public sealed record WorkupResult<T>(T? Record, EditConflict? Conflict)
    where T : class
{
    public bool NotFound => Record is null && Conflict is null;
}

/// <summary>Marking a record as entered in error: the reason, and the version the person looked at.</summary>
public sealed class EnteredInErrorRequest
{
    public const int ReasonMax = 500;

    [Required(ErrorMessage = "Give the reason, such as \"recorded for the wrong patient\".")]
    [StringLength(ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
    [Display(Name = "Reason")]
    public string Reason { get; set; } = "";

    public Guid Version { get; set; }
}

internal static class WorkupChecks
{
    /// <summary>The patient's date of birth, or null when there is no such patient.</summary>
    public static Task<DateOnly?> BirthDateAsync(SpasmCareDbContext db, Guid patientId, CancellationToken ct) =>
        db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => (DateOnly?)p.BirthDate).FirstOrDefaultAsync(ct);

    public static void NotBeforeBirth(DateOnly? date, DateOnly birthDate, string field, string what)
    {
        if (date < birthDate)
        {
            throw new Errors.RuleException("before-birth", $"The {what} is before the patient's date of birth.", field, 422);
        }
    }

    public static Errors.RuleException StaleVersion(string what) =>
        new("conflict", $"Someone else changed this {what} after you opened it. Nothing was changed. Check the record below and confirm again.");
}
