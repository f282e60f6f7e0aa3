using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Auditing;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>The inquiry pages (staff and public) declare how every handler is audited.</summary>
public sealed class InquiryPageAuditTests
{
    [Fact]
    public void InquiryAndContactPages_EveryHandlerDeclaresAuditing()
    {
        var models = typeof(SpasmCare.Web.Pages.IndexModel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .Where(t => t.Namespace is "SpasmCare.Web.Pages.Inquiries" or "SpasmCare.Web.Pages.Contact")
            .ToList();

        var undeclared = models
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.IsSpecialName)
            .Where(m => m.GetCustomAttribute<AuditedAttribute>() is null && m.GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Equal(5, models.Count);
        Assert.Empty(undeclared);
    }
}
