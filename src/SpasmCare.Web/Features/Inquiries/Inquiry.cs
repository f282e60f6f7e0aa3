using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>Where an inquiry stands. New → Contacted → Booked or Closed (closing needs a reason).</summary>
public enum InquiryStatus
{
    New = 0,
    Contacted = 1,
    Booked = 2,
    Closed = 3,
}

/// <summary>
/// A question sent through the public contact form. Personal data of someone who is not (yet) a patient: read and
/// changed only by the front desk and doctors, every touch audited, and deleted when it never led to a patient
/// (<see cref="PurgeInquiries"/>).
/// </summary>
public sealed class Inquiry : IVersioned
{
    public const int ReferenceMax = 20;
    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int MessageMax = 2000;
    public const int CloseReasonMax = 200;

    private Inquiry() { }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The number the visitor is given, such as INQ-2026-000123.</summary>
    public string Reference { get; private init; } = "";

    public DateTime ReceivedAtUtc { get; private init; }

    /// <summary>The hidden key of the form that sent it: the same form posted twice is one inquiry.</summary>
    public Guid IdempotencyKey { get; private init; }

    /// <summary>SHA-256 of what was sent, to tell a resubmission from different answers under the same key.</summary>
    public string PayloadHash { get; private init; } = "";

    public string Name { get; private init; } = "";
    public string Email { get; private init; } = "";

    /// <summary>10 digits, when given.</summary>
    public string? Mobile { get; private init; }

    public string Message { get; private init; } = "";
    public string ConsentNoticeVersion { get; private init; } = "";
    public DateTime ConsentedAtUtc { get; private init; }

    public FaceSide? Side { get; private init; }
    public OnsetArea? StartedAt { get; private init; }
    public Answer? CheekOrMouth { get; private init; }
    public SymptomDuration? Duration { get; private init; }
    public int? AgeAtOnset { get; private init; }
    public ToxinHistory? EarlierToxin { get; private init; }
    public Answer? EarlierMri { get; private init; }
    public Answer? FacialWeakness { get; private init; }
    public Answer? HearingLoss { get; private init; }
    public Answer? EarlierFacialPalsy { get; private init; }
    public Guid? PreferredSiteId { get; private init; }
    public Language PreferredLanguage { get; private init; }

    public InquiryStatus Status { get; private set; }
    public DateTime StatusChangedAtUtc { get; private set; }
    public string? CloseReason { get; private set; }
    public Guid? AssignedToUserId { get; private set; }

    /// <summary>The first appointment agreed with the visitor (until scheduling books it for real).</summary>
    public DateOnly? AgreedAppointmentDate { get; private set; }

    public Guid? PatientId { get; private set; }
    public DateTime? ConvertedAtUtc { get; private set; }

    public List<InquiryNote> Notes { get; private set; } = [];

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }

    public InquiryAnswers Answers => new()
    {
        Side = Side,
        StartedAt = StartedAt,
        CheekOrMouth = CheekOrMouth,
        Duration = Duration,
        AgeAtOnset = AgeAtOnset,
        EarlierToxin = EarlierToxin,
        EarlierMri = EarlierMri,
        FacialWeakness = FacialWeakness,
        HearingLoss = HearingLoss,
        EarlierFacialPalsy = EarlierFacialPalsy,
    };

    /// <summary>A new inquiry from validated form input.</summary>
    public static Inquiry Receive(string reference, SubmitInquiry.Request input, string payloadHash, string noticeVersion, DateTime nowUtc) => new()
    {
        Reference = reference,
        ReceivedAtUtc = nowUtc,
        IdempotencyKey = input.IdempotencyKey!.Value,
        PayloadHash = payloadHash,
        Name = input.Name.Trim(),
        Email = input.Email.Trim(),
        Mobile = PatientFormats.NormalizeMobile(input.Mobile),
        Message = input.Message.Trim(),
        ConsentNoticeVersion = noticeVersion,
        ConsentedAtUtc = nowUtc,
        Side = input.Side,
        StartedAt = input.StartedAt,
        CheekOrMouth = input.CheekOrMouth,
        Duration = input.Duration,
        AgeAtOnset = input.AgeAtOnset,
        EarlierToxin = input.EarlierToxin,
        EarlierMri = input.EarlierMri,
        FacialWeakness = input.FacialWeakness,
        HearingLoss = input.HearingLoss,
        EarlierFacialPalsy = input.EarlierFacialPalsy,
        PreferredSiteId = input.PreferredSiteId,
        PreferredLanguage = input.PreferredLanguage ?? Language.English,
        Status = InquiryStatus.New,
        StatusChangedAtUtc = nowUtc,
    };

    /// <summary>Moves to <paramref name="status"/>; closing needs a reason, which is cleared when the inquiry reopens.</summary>
    public bool ChangeStatus(InquiryStatus status, string? closeReason, DateTime nowUtc)
    {
        var reason = status == InquiryStatus.Closed ? closeReason?.Trim() : null;
        if (status == InquiryStatus.Closed && string.IsNullOrEmpty(reason))
        {
            throw new ArgumentException("Closing an inquiry needs a reason.", nameof(closeReason));
        }

        if (status == Status && reason == CloseReason)
        {
            return false;
        }

        Status = status;
        CloseReason = reason;
        StatusChangedAtUtc = nowUtc;
        return true;
    }

    public bool AssignTo(Guid? userId)
    {
        if (userId == AssignedToUserId)
        {
            return false;
        }

        AssignedToUserId = userId;
        return true;
    }

    public bool AgreeAppointment(DateOnly? date)
    {
        if (date == AgreedAppointmentDate)
        {
            return false;
        }

        AgreedAppointmentDate = date;
        return true;
    }

    /// <summary>A line of this inquiry's history, to be added to the context by the caller.</summary>
    public InquiryNote NewNote(InquiryNoteKind kind, string text, ICurrentUser user, DateTime nowUtc) => new()
    {
        InquiryId = Id,
        Kind = kind,
        Text = text.Length <= InquiryNote.TextMax ? text : text[..InquiryNote.TextMax],
        AuthorId = user.UserId,
        AuthorName = user.Name,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>Links the patient registered from this inquiry. An inquiry becomes a patient once.</summary>
    public void LinkPatient(Guid patientId, DateTime nowUtc)
    {
        if (PatientId is not null)
        {
            throw new InvalidOperationException("The inquiry is already linked to a patient.");
        }

        PatientId = patientId;
        ConvertedAtUtc = nowUtc;
        if (Status == InquiryStatus.New)
        {
            ChangeStatus(InquiryStatus.Contacted, null, nowUtc);
        }
    }
}

public enum InquiryNoteKind
{
    Note = 0,
    StatusChanged = 1,
    Assigned = 2,
    AppointmentAgreed = 3,
    Converted = 4,
}

/// <summary>A line in an inquiry's history: a staff note, or a change written by the system.</summary>
public sealed class InquiryNote
{
    public const int TextMax = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public InquiryNoteKind Kind { get; init; }
    public string Text { get; init; } = "";
    public Guid? AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
}
