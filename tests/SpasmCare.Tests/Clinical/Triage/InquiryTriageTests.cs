using SpasmCare.Clinical.Triage;

namespace SpasmCare.Tests.Clinical.Triage;

public sealed class InquiryTriageTests
{
    private static readonly InquiryAnswers TypicalLeft = new()
    {
        Side = FaceSide.Left,
        StartedAt = OnsetArea.AroundEye,
        CheekOrMouth = Answer.Yes,
        AgeAtOnset = 52,
        FacialWeakness = Answer.No,
        HearingLoss = Answer.No,
        EarlierFacialPalsy = Answer.No,
    };

    [Fact]
    public void Suggest_OneSideStartingAroundTheEyeAndSpreading_LikelyHemifacialSpasmWithItsReasons()
    {
        var result = InquiryTriage.Suggest(TypicalLeft);

        Assert.Equal(TriageOutcome.LikelyHemifacialSpasm, result.Outcome);
        Assert.Equal([InquiryTriage.OneSide, InquiryTriage.TypicalOnset, InquiryTriage.SpreadToLowerFace], result.Reasons.Select(r => r.Code));
        Assert.False(result.HasRedFlags);
        Assert.Equal("Likely hemifacial spasm", result.Label);
    }

    [Fact]
    public void Suggest_RightSideOnly_LikelyHemifacialSpasm()
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = FaceSide.Right });

        Assert.Equal(TriageOutcome.LikelyHemifacialSpasm, result.Outcome);
        Assert.Equal([InquiryTriage.OneSide], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Suggest_OneSideStartingInTheLowerFace_LikelyHemifacialSpasmNamingTheAtypicalForm()
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { StartedAt = OnsetArea.LowerFace });

        Assert.Equal(TriageOutcome.LikelyHemifacialSpasm, result.Outcome);
        var reason = Assert.Single(result.Reasons, r => r.Code == InquiryTriage.LowerFaceOnset);
        Assert.Contains("2–3%", reason.Text, StringComparison.Ordinal);
        Assert.Contains("tonic pulling", reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(39, true)]
    [InlineData(18, true)]
    [InlineData(40, false)]
    [InlineData(65, false)]
    public void Suggest_OnsetAge_Before40IsARedFlagForDoctorReview(int age, bool flagged)
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { AgeAtOnset = age });

        Assert.Equal(flagged ? TriageOutcome.NeedsDoctorReview : TriageOutcome.LikelyHemifacialSpasm, result.Outcome);
        Assert.Equal(flagged, result.Reasons.Any(r => r.Code == InquiryTriage.OnsetBefore40 && r.IsRedFlag && r.Section == "§1.2"));
    }

    [Fact]
    public void Suggest_FacialWeakness_NeedsDoctorReview()
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { FacialWeakness = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal(InquiryTriage.FacialWeakness, result.Reasons[0].Code);
        Assert.True(result.Reasons[0].IsRedFlag);
    }

    [Fact]
    public void Suggest_HearingLoss_NeedsDoctorReview()
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { HearingLoss = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal(InquiryTriage.HearingLoss, result.Reasons[0].Code);
    }

    [Fact]
    public void Suggest_EarlierFacialPalsy_NeedsDoctorReviewForSynkinesisOrSecondaryHfs()
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { EarlierFacialPalsy = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        var reason = result.Reasons[0];
        Assert.Equal(InquiryTriage.EarlierFacialPalsy, reason.Code);
        Assert.Contains("synkinesis", reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Answer.NotSure)]
    [InlineData(Answer.No)]
    public void Suggest_UnsureOrNoAboutARedFlag_RaisesNone(Answer answer)
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { FacialWeakness = answer, HearingLoss = answer, EarlierFacialPalsy = answer, AgeAtOnset = null });

        Assert.Equal(TriageOutcome.LikelyHemifacialSpasm, result.Outcome);
        Assert.False(result.HasRedFlags);
    }

    [Fact]
    public void Suggest_SeveralRedFlags_ListsEachBeforeThePicture()
    {
        var result = InquiryTriage.Suggest(TypicalLeft with { AgeAtOnset = 30, FacialWeakness = Answer.Yes, HearingLoss = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal(
            [InquiryTriage.OnsetBefore40, InquiryTriage.FacialWeakness, InquiryTriage.HearingLoss, InquiryTriage.OneSide, InquiryTriage.TypicalOnset, InquiryTriage.SpreadToLowerFace],
            result.Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData(Answer.No)]
    [InlineData(Answer.NotSure)]
    [InlineData(null)]
    public void Suggest_BothSidesAroundTheEyesWithoutCheekOrMouth_PossibleBlepharospasm(Answer? cheek)
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = FaceSide.Both, StartedAt = OnsetArea.AroundEye, CheekOrMouth = cheek, AgeAtOnset = 60 });

        Assert.Equal(TriageOutcome.PossibleBlepharospasm, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(InquiryTriage.BothSidesEyesOnly, reason.Code);
        Assert.Equal("§1.3, §1.4", reason.Section);
    }

    [Fact]
    public void Suggest_BothSidesWithCheekOrMouth_NeedsDoctorReview()
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = FaceSide.Both, StartedAt = OnsetArea.AroundEye, CheekOrMouth = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(InquiryTriage.BothSidesLowerFace, reason.Code);
        Assert.True(reason.IsRedFlag);
    }

    [Theory]
    [InlineData(OnsetArea.LowerFace)]
    [InlineData(OnsetArea.NotSure)]
    public void Suggest_BothSidesNotStartingAroundTheEyes_NeedsDoctorReview(OnsetArea started)
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = FaceSide.Both, StartedAt = started, CheekOrMouth = Answer.No });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal(InquiryTriage.BothSidesLowerFace, Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void Suggest_BothSidesEyesOnlyButARedFlag_NeedsDoctorReview()
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = FaceSide.Both, StartedAt = OnsetArea.AroundEye, CheekOrMouth = Answer.No, HearingLoss = Answer.Yes });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal([InquiryTriage.HearingLoss, InquiryTriage.BothSidesEyesOnly], result.Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData(FaceSide.NotSure)]
    [InlineData(null)]
    public void Suggest_SideNotKnown_NeedsDoctorReviewForLackOfInformation(FaceSide? side)
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers { Side = side, StartedAt = OnsetArea.AroundEye });

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(InquiryTriage.SideUnknown, reason.Code);
        Assert.False(reason.IsRedFlag);
    }

    [Fact]
    public void Suggest_NothingAnswered_NeedsDoctorReview()
    {
        var result = InquiryTriage.Suggest(new InquiryAnswers());

        Assert.Equal(TriageOutcome.NeedsDoctorReview, result.Outcome);
        Assert.Equal("Needs doctor review", result.Label);
    }

    [Fact]
    public void Suggest_EveryReason_NamesItsDomainSection()
    {
        var answers = new[]
        {
            TypicalLeft,
            TypicalLeft with { StartedAt = OnsetArea.LowerFace, AgeAtOnset = 20, FacialWeakness = Answer.Yes, HearingLoss = Answer.Yes, EarlierFacialPalsy = Answer.Yes },
            new InquiryAnswers { Side = FaceSide.Both, StartedAt = OnsetArea.AroundEye },
            new InquiryAnswers { Side = FaceSide.Both, CheekOrMouth = Answer.Yes },
            new InquiryAnswers(),
        };

        var reasons = answers.SelectMany(a => InquiryTriage.Suggest(a).Reasons).ToList();

        Assert.All(reasons, r => Assert.StartsWith("§1.", r.Section, StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }
}
