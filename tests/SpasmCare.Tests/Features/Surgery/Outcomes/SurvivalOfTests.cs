using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Tests.Features.Surgery.Outcomes;

/// <summary>How one case enters the spasm-free survival curve of the outcome report.</summary>
public sealed class SurvivalOfTests
{
    private static readonly DateOnly Operated = new(2025, 1, 1);

    private static SurvivalObservation Of(DateOnly today, bool declared = false, DateOnly? recurred = null, params (int Day, SpasmState State)[] seen)
    {
        var course = new PostOperativeCourse(Operated,
            seen.Select(s => new SpasmObservation(Operated.AddDays(s.Day), s.State)).ToList(), declared, recurred);
        return MvdOutcomes.SurvivalOf(course, DelayedCure.Assess(course, today));
    }

    [Fact]
    public void SurvivalOf_CuredCase_IsCensoredAtTheLastFollowUp() =>
        Assert.Equal(new SurvivalObservation(182, false), Of(new DateOnly(2026, 1, 1), false, null, (7, SpasmState.Gone), (182, SpasmState.Gone)));

    [Fact]
    public void SurvivalOf_Recurrence_IsAnEventOnItsDate() =>
        Assert.Equal(new SurvivalObservation(300, true),
            Of(new DateOnly(2026, 1, 1), false, Operated.AddDays(300), (7, SpasmState.Gone), (182, SpasmState.Gone)));

    [Fact]
    public void SurvivalOf_FailedByTheWindow_IsAnEventAtTheLastFollowUp() =>
        Assert.Equal(new SurvivalObservation(182, true), Of(new DateOnly(2026, 3, 1), false, null, (7, SpasmState.Unchanged), (182, SpasmState.AboutHalf)));

    [Fact]
    public void SurvivalOf_DeclaredFailed_IsAnEventAtTheLastFollowUp() =>
        Assert.Equal(new SurvivalObservation(91, true), Of(new DateOnly(2025, 5, 1), true, null, (7, SpasmState.Unchanged), (91, SpasmState.Unchanged)));

    [Fact]
    public void SurvivalOf_NotYetCuredOrNoFollowUp_IsCensored()
    {
        Assert.Equal(new SurvivalObservation(91, false), Of(new DateOnly(2025, 5, 1), false, null, (91, SpasmState.AboutHalf)));
        Assert.Equal(new SurvivalObservation(0, false), Of(new DateOnly(2025, 5, 1)));
    }
}
