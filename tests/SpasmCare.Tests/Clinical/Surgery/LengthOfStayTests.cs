using System.Globalization;
using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class LengthOfStayTests
{
    private static DateTime At(string local) => DateTime.Parse(local, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-10 08:00", "2026-11-10 18:00", 0, 1, 10)]
    [InlineData("2026-11-10 08:00", "2026-11-11 10:00", 1, 1, 26)]
    [InlineData("2026-11-10 23:30", "2026-11-11 00:30", 1, 1, 1)]
    [InlineData("2026-11-09 18:00", "2026-11-11 11:00", 2, 2, 41)]
    [InlineData("2026-11-09 07:00", "2026-11-13 19:00", 4, 4, 108)]
    [InlineData("2026-12-31 10:00", "2027-01-02 10:00", 2, 2, 48)]
    [InlineData("2026-11-10 08:00", "2026-11-10 08:00", 0, 1, 0)]
    public void Compute_AdmissionAndDischarge_CountsNightsDaysAndHours(string admitted, string discharged, int nights, int days, int hours)
    {
        var (stay, error) = LengthOfStay.Compute(At(admitted), At(discharged));

        Assert.Null(error);
        Assert.Equal(new StayLength(nights, days, hours), stay);
    }

    [Fact]
    public void Compute_SameDay_IsASameDayStay()
    {
        var (stay, _) = LengthOfStay.Compute(At("2026-11-10 08:00"), At("2026-11-10 18:00"));

        Assert.True(stay!.SameDay);
    }

    [Fact]
    public void Compute_DischargeBeforeAdmission_IsAnErrorOnTheDischarge()
    {
        var (stay, error) = LengthOfStay.Compute(At("2026-11-10 08:00"), At("2026-11-10 07:59"));

        Assert.Null(stay);
        Assert.Equal(new SpasmCare.Clinical.FieldError("DischargedAt", "The discharge cannot be before the admission."), error);
    }

    [Theory]
    [InlineData(1, 2, 0)]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 2, 3)]
    [InlineData(1, 0, 1)]
    public void Against_Target_CountsDaysOver(int days, int target, int over)
    {
        var result = LengthOfStay.Against(new StayLength(days, days, days * 24), target);

        Assert.Equal(over, result.DaysOverTarget);
        Assert.Equal(over == 0, result.WithinTarget);
        Assert.Equal(target, result.TargetDays);
    }

    [Fact]
    public void Against_NegativeTarget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LengthOfStay.Against(new StayLength(1, 1, 24), -1));
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    [InlineData("365", 365)]
    [InlineData(null, LengthOfStay.DefaultTargetDays)]
    [InlineData("", LengthOfStay.DefaultTargetDays)]
    [InlineData("two", LengthOfStay.DefaultTargetDays)]
    [InlineData("-1", LengthOfStay.DefaultTargetDays)]
    [InlineData("2.5", LengthOfStay.DefaultTargetDays)]
    [InlineData("366", LengthOfStay.DefaultTargetDays)]
    public void ParseTarget_StoredValue_FallsBackToTheDefaultWhenUnusable(string? stored, int expected)
    {
        Assert.Equal(expected, LengthOfStay.ParseTarget(stored));
    }
}
