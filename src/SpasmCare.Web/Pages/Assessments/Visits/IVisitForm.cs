using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Assessments.Visits;

/// <summary>What the shared visit fields (<c>_VisitFields</c>) need from the New and Edit pages.</summary>
public interface IVisitForm
{
    VisitInput Input { get; }
    IReadOnlyList<Site> Sites { get; }
    IReadOnlyList<VisitClinician> Clinicians { get; }
}
