using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Pages.Assessments.Examinations;

/// <summary>
/// The face diagram (<c>_FaceMap</c>). Interactive on the examination form, where face-map.js lets a click or a key
/// on a region tick the matching checkbox (the checkboxes stay the form's fields); a picture on the examination page.
/// </summary>
public sealed record FaceMapModel(IReadOnlyCollection<FacialRegion> Involved, AffectedSide Side, bool Interactive)
{
    /// <summary>Shapes of each region on the patient's right half (the viewer's left); the left half mirrors them.</summary>
    public static IReadOnlyList<(FacialRegion Region, string Shapes)> Shapes { get; } =
    [
        (FacialRegion.Brow, "<ellipse cx=\"115\" cy=\"85\" rx=\"38\" ry=\"20\"/>"),
        (FacialRegion.Corrugator, "<ellipse cx=\"146\" cy=\"118\" rx=\"11\" ry=\"7\"/>"),
        (FacialRegion.UpperLid, "<ellipse cx=\"115\" cy=\"140\" rx=\"24\" ry=\"9\"/>"),
        (FacialRegion.LowerLid, "<ellipse cx=\"115\" cy=\"161\" rx=\"24\" ry=\"8\"/>"),
        (FacialRegion.Cheek, "<ellipse cx=\"100\" cy=\"200\" rx=\"24\" ry=\"20\"/>"),
        (FacialRegion.NoseUpperLip, "<ellipse cx=\"140\" cy=\"212\" rx=\"11\" ry=\"20\"/>"),
        (FacialRegion.Mouth, "<ellipse cx=\"143\" cy=\"247\" rx=\"16\" ry=\"12\"/>"),
        (FacialRegion.Chin, "<ellipse cx=\"149\" cy=\"283\" rx=\"10\" ry=\"12\"/>"),
        (FacialRegion.Neck, "<rect x=\"124\" y=\"322\" width=\"32\" height=\"58\" rx=\"6\"/>"),
        (FacialRegion.Jaw, "<ellipse cx=\"74\" cy=\"115\" rx=\"9\" ry=\"24\"/><ellipse cx=\"92\" cy=\"246\" rx=\"12\" ry=\"24\"/>"),
    ];
}
