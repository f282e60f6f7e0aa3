namespace SpasmCare.Web.Security;

public static class Policies
{
    /// <summary>Any staff member who may work with the patient registry.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>
    /// Clinical records (visits, examinations, scales, imaging, diagnoses): doctors and nurses. The front desk sees
    /// demographics, not clinical notes; an admin account has no clinical access by itself (SECURITY AC-02, AC-04).
    /// </summary>
    public const string Clinical = nameof(Clinical);

    /// <summary>Clinical judgements: the examination, the differential and the diagnosis. Doctors only.</summary>
    public const string Doctor = nameof(Doctor);

    /// <summary>
    /// The inquiry inbox: the front desk and doctors. Inquiries are personal data of people who are not patients yet;
    /// nurses and administrators have no part in answering them.
    /// </summary>
    public const string Inquiries = nameof(Inquiries);

    /// <summary>
    /// Appointments, calendars and recall lists: the front desk, doctors and nurses. Administrators set up the
    /// schedule (resources, availability, types, templates) but see no patient's appointments.
    /// </summary>
    public const string Scheduling = nameof(Scheduling);

    /// <summary>Administration: users, sites, settings, API tokens, the audit log.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>The JSON API: bearer tokens only; the cookie is never accepted there.</summary>
    public const string Api = nameof(Api);
}
