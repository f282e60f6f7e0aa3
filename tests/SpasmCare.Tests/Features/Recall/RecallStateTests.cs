using SpasmCare.Web.Features.Recall;

namespace SpasmCare.Tests.Features.Recall;

/// <summary>Where a recall item stands: the pure rules of <see cref="RecallList.BookedFor"/> and <see cref="RecallList.StateOf"/>.</summary>
public sealed class RecallStateTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Ahead = new(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime ForItem = new(2026, 12, 3, 4, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(RecallReason.Reinjection, true)]
    [InlineData(RecallReason.Reassessment, true)]
    [InlineData(RecallReason.PostOperativeFollowUp, false)]
    [InlineData(RecallReason.MissedAppointment, false)]
    public void BookedFor_AnyAppointmentAheadCountsOnlyForReinjectionAndReassessment(RecallReason reason, bool satisfiedByAny)
    {
        Assert.Equal(satisfiedByAny ? Ahead : null, RecallList.BookedFor(reason, null, Ahead));
        Assert.Equal(ForItem, RecallList.BookedFor(reason, ForItem, Ahead));
        Assert.Null(RecallList.BookedFor(reason, null, null));
    }

    [Fact]
    public void StateOf_ABookingAheadWinsOverTheLatestAction()
    {
        var declined = Action(RecallOutcome.Declined);

        Assert.Equal(RecallItemState.Booked, RecallList.StateOf(declined, Ahead, Today));
        Assert.Equal(RecallItemState.Declined, RecallList.StateOf(declined, null, Today));
    }

    [Fact]
    public void StateOf_PostponedUntilTheDate_ThenDueAgainOnIt()
    {
        Assert.Equal(RecallItemState.Postponed, RecallList.StateOf(Action(RecallOutcome.Postponed, Today.AddDays(1)), null, Today));
        Assert.Equal(RecallItemState.Open, RecallList.StateOf(Action(RecallOutcome.Postponed, Today), null, Today));
        Assert.Equal(RecallItemState.Open, RecallList.StateOf(Action(RecallOutcome.Postponed, Today.AddDays(-3)), null, Today));
    }

    [Theory]
    [InlineData(RecallOutcome.NoAnswer)]
    [InlineData(RecallOutcome.LeftMessage)]
    [InlineData(RecallOutcome.WillCallBack)]
    [InlineData(RecallOutcome.WrongNumber)]
    [InlineData(RecallOutcome.Booked)]   // booked, but that appointment is no longer ahead (cancelled, missed)
    public void StateOf_CallsThatDoNotSettleIt_LeaveItDue(RecallOutcome outcome)
    {
        Assert.Equal(RecallItemState.Open, RecallList.StateOf(Action(outcome), null, Today));
        Assert.Equal(RecallItemState.Open, RecallList.StateOf(null, null, Today));
    }

    [Fact]
    public void TypeCode_InjectionVisitPostOperativeReviewOrFollowUp()
    {
        Assert.Equal("injection-visit", RecallList.TypeCode(RecallReason.Reinjection));
        Assert.Equal("post-operative-review", RecallList.TypeCode(RecallReason.PostOperativeFollowUp));
        Assert.Equal("follow-up", RecallList.TypeCode(RecallReason.Reassessment));
        Assert.Equal("follow-up", RecallList.TypeCode(RecallReason.MissedAppointment));
    }

    private static RecallList.LastAction Action(RecallOutcome outcome, DateOnly? until = null) =>
        new(outcome, new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc), "test", until, null);
}
