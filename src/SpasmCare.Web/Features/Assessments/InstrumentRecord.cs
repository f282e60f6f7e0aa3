namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// A version of a rating instrument as data (<c>SpasmCare.Clinical.Scales.InstrumentJson</c>): the built-in ones
/// are loaded on start; an admin may load a licensed version with real item wording. Scores name the version
/// they were scored with, so a new version never rewrites old scores. The newest active version of a code is
/// the one offered for new scores.
/// </summary>
public sealed class InstrumentRecord
{
    public const int CodeMax = 16;
    public const int VersionMax = 32;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    [StringLength(CodeMax)] public string Code { get; init; } = "";
    [StringLength(VersionMax)] public string Version { get; init; } = "";
    [StringLength(200)] public string Name { get; init; } = "";
    public string Definition { get; init; } = "";
    public bool IsBuiltIn { get; init; }
    public bool IsActive { get; set; } = true;
    public DateTime LoadedAtUtc { get; init; }
    public Guid? LoadedBy { get; init; }
}
