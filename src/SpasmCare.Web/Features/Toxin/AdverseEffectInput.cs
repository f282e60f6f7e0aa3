using System.Globalization;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// One row of the review's adverse-effect checklist. A new row counts when <see cref="Present"/> is ticked; a saved
/// effect (<see cref="Id"/> set) can be updated — typically its resolution date — or marked entered in error.
/// </summary>
public sealed class AdverseEffectInput
{
    public const int OtherMax = 200;

    public ToxinAdverseEffectKind Kind { get; set; }

    /// <summary>The saved effect this row edits, and the version the editor started from.</summary>
    public Guid? Id { get; set; }
    public Guid? Version { get; set; }

    [Display(Name = "Present")]
    public bool Present { get; set; }

    [EnumDataType(typeof(Severity), ErrorMessage = "Choose mild, moderate or severe.")]
    [Display(Name = "Severity")]
    public Severity? Severity { get; set; }

    [Display(Name = "Started on")]
    public DateOnly? OnsetOn { get; set; }

    [Display(Name = "Resolved on")]
    public DateOnly? ResolvedOn { get; set; }

    [StringLength(OtherMax, ErrorMessage = "The description can be at most {1} characters.")]
    [Display(Name = "Describe it")]
    public string? OtherDescription { get; set; }

    /// <summary>Only for a saved effect: it was recorded by mistake (kept, no longer counted).</summary>
    [Display(Name = "Entered in error")]
    public bool EnteredInError { get; set; }

    /// <summary>The row describes an effect: a ticked new one, or a saved one.</summary>
    public bool IsRecorded => Id is not null || Present;

    internal IEnumerable<ValidationResult> Validate(string prefix, DateOnly? today)
    {
        if (!IsRecorded || EnteredInError)
        {
            yield break;
        }

        var what = ReviewLabels.Of(Kind);
        if (Severity is null)
        {
            yield return new ValidationResult($"Choose the severity of the {what.ToLowerInvariant()}.", [prefix + nameof(Severity)]);
        }

        if (OnsetOn is null)
        {
            yield return new ValidationResult($"Enter when the {what.ToLowerInvariant()} started.", [prefix + nameof(OnsetOn)]);
        }
        else if (OnsetOn > today)
        {
            yield return new ValidationResult("The start cannot be in the future.", [prefix + nameof(OnsetOn)]);
        }

        if (ResolvedOn is { } resolved)
        {
            if (resolved > today)
            {
                yield return new ValidationResult("The resolution cannot be in the future.", [prefix + nameof(ResolvedOn)]);
            }
            else if (resolved < OnsetOn)
            {
                yield return new ValidationResult("It cannot resolve before it started.", [prefix + nameof(ResolvedOn)]);
            }
        }

        if (Kind == ToxinAdverseEffectKind.Other && string.IsNullOrWhiteSpace(OtherDescription))
        {
            yield return new ValidationResult("Describe the other adverse effect.", [prefix + nameof(OtherDescription)]);
        }
    }

    public static AdverseEffectInput From(ToxinAdverseEffect e) => new()
    {
        Kind = e.Kind,
        Id = e.Id,
        Version = e.Version,
        Present = true,
        Severity = e.Severity,
        OnsetOn = e.OnsetOn,
        ResolvedOn = e.ResolvedOn,
        OtherDescription = e.OtherDescription,
    };

    public void ApplyTo(ToxinAdverseEffect e)
    {
        e.Kind = Kind;
        e.Severity = Severity!.Value;
        e.OnsetOn = OnsetOn!.Value;
        e.ResolvedOn = ResolvedOn;
        e.OtherDescription = Kind == ToxinAdverseEffectKind.Other ? ReviewInput.Clean(OtherDescription) : null;
    }

    /// <summary>"Moderate, from 3 Oct 2026, resolved 20 Oct 2026".</summary>
    public string Describe() => Describe(Kind, Severity, OnsetOn, ResolvedOn, OtherDescription);

    public static string Describe(ToxinAdverseEffectKind kind, Severity? severity, DateOnly? onset, DateOnly? resolved, string? other)
    {
        var text = (kind == ToxinAdverseEffectKind.Other && !string.IsNullOrWhiteSpace(other) ? other.Trim() + ": " : "")
            + (severity is { } s ? ReviewLabels.Of(s) : "—")
            + (onset is { } o ? ", from " + o.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "")
            + (resolved is { } r ? ", resolved " + r.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : ", not resolved");
        return text;
    }
}
