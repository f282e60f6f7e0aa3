using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// The words of one kind of patient message, in one language and for one channel, editable by an admin. Placeholders
/// in braces ({patient}, {date}, {time}, {site}, {practitioner} …) are filled when the message is written; see
/// <c>MessageTemplates</c> for the list each key supports.
/// </summary>
public sealed class MessageTemplate : IVersioned
{
    public const int KeyMax = 40;
    public const int SubjectMax = 200;
    public const int BodyMax = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the message is, e.g. <c>appointment-reminder</c>, <c>toxin-response-check</c>.</summary>
    [StringLength(KeyMax)] public string Key { get; init; } = "";
    public MessageChannel Channel { get; init; }
    public Language Language { get; init; }

    /// <summary>The email subject; empty for SMS.</summary>
    [StringLength(SubjectMax)] public string Subject { get; set; } = "";
    [StringLength(BodyMax)] public string Body { get; set; } = "";

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>How an opt-in or opt-out was recorded.</summary>
public enum ContactPreferenceSource
{
    /// <summary>Staff recorded what the patient said (at the desk, on the phone).</summary>
    Staff = 0,

    /// <summary>The patient replied STOP (or START) to an SMS.</summary>
    PatientReply = 1,
}

/// <summary>
/// A patient's current choice for one channel (SMS or email): opted in or out, when, and how it was recorded. Nothing
/// is sent on a channel without an opt-in row, nor to a patient without contact consent. Each change is audited.
/// </summary>
public sealed class ContactPreference : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public MessageChannel Channel { get; init; }
    public bool OptedIn { get; set; }
    public ContactPreferenceSource Source { get; set; }
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>The staff member who recorded it; null for a patient's own reply.</summary>
    public Guid? ChangedBy { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
