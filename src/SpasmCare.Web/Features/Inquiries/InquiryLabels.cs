using System.Globalization;
using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>How the staff pages (in English) name statuses, filters and the visitor's answers.</summary>
public static class InquiryLabels
{
    public static string Of(InquiryStatus status) => status switch
    {
        InquiryStatus.New => "New",
        InquiryStatus.Contacted => "Contacted",
        InquiryStatus.Booked => "Booked",
        InquiryStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(ListInquiries.StatusFilter status) => status switch
    {
        ListInquiries.StatusFilter.Open => "Open (new and contacted)",
        ListInquiries.StatusFilter.New => "New",
        ListInquiries.StatusFilter.Contacted => "Contacted",
        ListInquiries.StatusFilter.Booked => "Booked",
        ListInquiries.StatusFilter.Closed => "Closed",
        ListInquiries.StatusFilter.All => "All",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(ListInquiries.AgeFilter age) => age switch
    {
        ListInquiries.AgeFilter.Any => "Any age",
        ListInquiries.AgeFilter.UnderOneDay => "Under 1 day",
        ListInquiries.AgeFilter.OneToSevenDays => "1 to 7 days",
        ListInquiries.AgeFilter.OverSevenDays => "Over 7 days",
        ListInquiries.AgeFilter.OverThirtyDays => "Over 30 days",
        _ => throw new ArgumentOutOfRangeException(nameof(age), age, null),
    };

    public static string Of(ListInquiries.AssignmentFilter assigned) => assigned switch
    {
        ListInquiries.AssignmentFilter.Anyone => "Anyone or no one",
        ListInquiries.AssignmentFilter.Me => "Me",
        ListInquiries.AssignmentFilter.Nobody => "No one yet",
        _ => throw new ArgumentOutOfRangeException(nameof(assigned), assigned, null),
    };

    public static string Of(TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.LikelyHemifacialSpasm => "Likely HFS",
        TriageOutcome.PossibleBlepharospasm => "Possible blepharospasm",
        TriageOutcome.NeedsDoctorReview => "Doctor review",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The tag class for a suggestion: review and blepharospasm stand out.</summary>
    public static string TagClass(TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.LikelyHemifacialSpasm => "tag ok",
        TriageOutcome.PossibleBlepharospasm => "tag warn",
        TriageOutcome.NeedsDoctorReview => "tag danger",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Waiting to be sent",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Refused by the mail server",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string MailKind(string kind) => kind switch
    {
        InquiryEmails.AcknowledgementKind => "Acknowledgement to the visitor",
        InquiryEmails.FrontDeskKind => "Announcement to the front desk",
        _ => kind,
    };

    public static string Of(InquiryNoteKind kind) => kind switch
    {
        InquiryNoteKind.Note => "Note",
        InquiryNoteKind.StatusChanged => "Status",
        InquiryNoteKind.Assigned => "Assignment",
        InquiryNoteKind.AppointmentAgreed => "Appointment",
        InquiryNoteKind.Converted => "Patient",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>An answer in English, or "Not answered".</summary>
    public static string Answer(Phrase? phrase) => phrase?.English ?? "Not answered";

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
