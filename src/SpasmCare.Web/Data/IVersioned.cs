namespace SpasmCare.Web.Data;

/// <summary>
/// A mutable aggregate with an app-managed concurrency token and row stamps. The <see cref="StampInterceptor"/>
/// sets the stamps and a new <see cref="Version"/> on every save, so SQLite and PostgreSQL behave the same.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
    DateTime CreatedAtUtc { get; set; }
    Guid? CreatedBy { get; set; }
    DateTime UpdatedAtUtc { get; set; }
    Guid? UpdatedBy { get; set; }
}
