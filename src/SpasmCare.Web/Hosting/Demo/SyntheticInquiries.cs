using Microsoft.Extensions.Options;
using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// Synthetic inquiries for the demo inbox: every status, each triage suggestion, some overdue, some assigned, two
/// already registered as patients, names in Latin and Devanagari script. No real person's data. No mail is queued.
/// </summary>
public static class SyntheticInquiries
{
    private sealed record Demo(
        string Name, string Email, string? Mobile, Language Language, string Message, double HoursAgo,
        FaceSide? Side, OnsetArea? StartedAt, Answer? CheekOrMouth, SymptomDuration? Duration, int? AgeAtOnset,
        ToxinHistory? Toxin, Answer? Mri, Answer? Weakness = null, Answer? Hearing = null, Answer? Palsy = null,
        InquiryStatus Status = InquiryStatus.New, string? CloseReason = null, string? AssignTo = null,
        int? AgreedInDays = null, string? Note = null, int? PatientIndex = null, int SiteIndex = 0);

    private static readonly Demo[] Demos =
    [
        new("Sunita Deshmukh", "sunita.d@example.com", "9820012345", Language.Marathi,
            "माझा डावा डोळा दोन वर्षांपासून फडफडतो, आता गालही ओढला जातो. उपचाराबद्दल माहिती हवी आहे.", 3,
            FaceSide.Left, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.OneTo5Years, 52, ToxinHistory.Never, Answer.No,
            Answer.No, Answer.No, Answer.No),
        new("रमेश कुलकर्णी", "ramesh.k@example.com", "9822098765", Language.Marathi,
            "उजव्या बाजूला डोळा आणि तोंड उडते. बोटॉक्सचा परिणाम आता कमी झाला आहे.", 100,
            FaceSide.Right, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.MoreThan5Years, 58, ToxinHistory.ThreeTo12Months, Answer.Yes,
            Answer.No, Answer.No, Answer.No, SiteIndex: 1),
        new("Farida Shaikh", "farida.s@example.com", null, Language.Hindi,
            "दोनों आँखें बार-बार बंद हो जाती हैं, धूप में ज़्यादा। क्या यह इलाज हो सकता है?", 50,
            FaceSide.Both, OnsetArea.AroundEye, Answer.No, SymptomDuration.SixTo12Months, 61, ToxinHistory.Never, Answer.No, SiteIndex: -1),
        new("Arjun Nair", "arjun.nair@example.com", "9876501234", Language.English,
            "My left cheek has been twitching for a few months, and my left ear feels dull. Should I get an MRI?", 30,
            FaceSide.Left, OnsetArea.LowerFace, Answer.Yes, SymptomDuration.LessThan6Months, 34, ToxinHistory.Never, Answer.No,
            Answer.No, Answer.NotSure, Answer.No, InquiryStatus.Contacted, AssignTo: "desk.khan",
            Note: "Called back; asked him to bring any earlier reports. Doctor to review before booking."),
        new("अनीता शर्मा", "anita.sharma@example.com", "9811122233", Language.Hindi,
            "दाईं आँख के नीचे फड़कन, अब मुँह तक। पिछले महीने बोटॉक्स लगा था, दोबारा कब लगवाएँ?", 75,
            FaceSide.Right, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.OneTo5Years, 47, ToxinHistory.Within3Months, Answer.Yes,
            Answer.No, Answer.No, Answer.No, InquiryStatus.Contacted, AssignTo: "dr.mehta",
            Note: "Last injection 5 weeks ago elsewhere. Doctor to call about timing of the next cycle."),
        new("Prakash Jadhav", "prakash.j@example.com", "9890011122", Language.Marathi,
            "Right side twitching for eight years. MRI done in Pune. Want to discuss surgery.", 140,
            FaceSide.Right, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.MoreThan5Years, 63, ToxinHistory.MoreThan12Months, Answer.Yes,
            Answer.No, Answer.No, Answer.No, InquiryStatus.Booked, AssignTo: "desk.khan", AgreedInDays: 5,
            Note: "Agreed a first visit; bring the MRI films and report.", SiteIndex: 2),
        new("Meena Iyer", "meena.iyer@example.com", "9819988776", Language.English,
            "Twitching around my left eye that spreads to the corner of the mouth. How does the injection treatment work?", 190,
            FaceSide.Left, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.OneTo5Years, 55, ToxinHistory.Never, Answer.No,
            Answer.No, Answer.No, Answer.No, InquiryStatus.Booked, AssignTo: "desk.khan", AgreedInDays: 2, PatientIndex: 0),
        new("Vikas Thakur", "vikas.t@example.com", "9833344455", Language.Hindi,
            "चेहरे पर कुछ फड़कन है, जानकारी चाहिए।", 260,
            FaceSide.NotSure, OnsetArea.NotSure, null, SymptomDuration.NotSure, null, null, null,
            Status: InquiryStatus.Closed, CloseReason: "Could not be reached", AssignTo: "desk.khan",
            Note: "Three calls over a week, no answer. Email sent.", SiteIndex: -1),
        new("Kavita Pawar", "kavita.p@example.com", "9767012345", Language.Marathi,
            "डाव्या बाजूचा चेहरा कमकुवत वाटतो आणि डोळा उडतो. आधी लकवा झाला होता.", 300,
            FaceSide.Left, OnsetArea.AroundEye, Answer.Yes, SymptomDuration.OneTo5Years, 44, ToxinHistory.Never, Answer.NotSure,
            Answer.Yes, Answer.No, Answer.Yes, InquiryStatus.Closed, "Seen by a neurologist near home; advised to follow up there",
            AssignTo: "dr.mehta"),
        new("Deepak Rao", "deepak.rao@example.com", "9845012345", Language.English,
            "Right eye twitching for about a year. Would like an appointment at the Dadar clinic.", 120,
            FaceSide.Right, OnsetArea.AroundEye, Answer.No, SymptomDuration.SixTo12Months, 49, ToxinHistory.Never, Answer.No,
            Answer.No, Answer.No, Answer.No, InquiryStatus.Contacted, AssignTo: "desk.khan", PatientIndex: 1),
        new("सुरेश पाटील", "suresh.patil@example.com", "9921234567", Language.Marathi,
            "उजव्या डोळ्याभोवती फडफड, झोपेतही थांबत नाही असे घरचे सांगतात.", 20,
            FaceSide.Right, OnsetArea.AroundEye, Answer.NotSure, SymptomDuration.SixTo12Months, 57, ToxinHistory.Never, Answer.No),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SpasmCareDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        var time = services.GetRequiredService<TimeProvider>();
        var clock = services.GetRequiredService<ClinicTime>();
        var notice = services.GetRequiredService<IOptions<ConsentOptions>>().Value.NoticeVersion;
        // The clinic first, then the hospitals: the order the demo sites were made in.
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.UserName == "desk.khan" || u.UserName == "dr.mehta")
            .ToDictionaryAsync(u => u.UserName!, u => new Actor(u.Id, u.DisplayName), ct);
        var patients = await db.Patients.AsNoTracking().OrderBy(p => p.Mrn).Select(p => new { p.Id, p.Mrn }).Take(2).ToListAsync(ct);
        var now = Clock.UtcNow(time);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Oldest first, so that reference numbers follow the order of arrival.
        foreach (var d in Demos.OrderByDescending(d => d.HoursAgo))
        {
            var received = now.AddHours(-d.HoursAgo);
            var reference = await SubmitInquiry.NextReferenceAsync(db, clock.Local(received).Year, ct);
            var request = new SubmitInquiry.Request
            {
                Name = d.Name,
                Email = d.Email,
                Mobile = d.Mobile,
                Message = d.Message,
                Consent = true,
                Side = d.Side,
                StartedAt = d.StartedAt,
                CheekOrMouth = d.CheekOrMouth,
                Duration = d.Duration,
                AgeAtOnset = d.AgeAtOnset,
                EarlierToxin = d.Toxin,
                EarlierMri = d.Mri,
                FacialWeakness = d.Weakness,
                HearingLoss = d.Hearing,
                EarlierFacialPalsy = d.Palsy,
                PreferredSiteId = d.SiteIndex >= 0 && sites.Count > d.SiteIndex ? sites[d.SiteIndex] : null,
                PreferredLanguage = d.Language,
                IdempotencyKey = Guid.NewGuid(),
            };
            var inquiry = Inquiry.Receive(reference, request, request.Fingerprint(), notice, received);
            db.Inquiries.Add(inquiry);
            audit.Record(AuditAction.InquiryReceived, "Inquiry", inquiry.Id.ToString(), detail: "synthetic demo data");

            var actor = d.AssignTo is { } user && staff.TryGetValue(user, out var found) ? found : new Actor(null, "system");
            var worked = received.AddHours(2);
            if (d.AssignTo is not null && actor.UserId is { } assignee)
            {
                inquiry.AssignTo(assignee);
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Assigned, "Assigned to " + actor.Name, actor, worked));
            }

            if (d.AgreedInDays is { } days)
            {
                var date = clock.Today.AddDays(days);
                inquiry.AgreeAppointment(date);
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.AppointmentAgreed, "First appointment agreed for " + InquiryLabels.Date(date), actor, worked));
            }

            if (d.Status != InquiryStatus.New)
            {
                inquiry.ChangeStatus(d.Status, d.CloseReason, worked);
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.StatusChanged,
                    "Status: " + InquiryLabels.Of(d.Status) + (d.CloseReason is null ? "" : $" ({d.CloseReason})"), actor, worked));
            }

            if (d.Note is { } note)
            {
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Note, note, actor, worked));
            }

            if (d.PatientIndex is { } index && index < patients.Count)
            {
                inquiry.LinkPatient(patients[index].Id, worked);
                db.InquiryNotes.Add(inquiry.NewNote(InquiryNoteKind.Converted, "Registered as patient " + patients[index].Mrn, actor, worked));
                audit.Record(AuditAction.InquiryConverted, "Inquiry", inquiry.Id.ToString(), patients[index].Id, detail: "synthetic demo data");
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record Actor(Guid? UserId, string Name) : ICurrentUser;
}
