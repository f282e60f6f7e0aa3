using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class BaepAlarmTests
{
    [Theory]
    [InlineData(null, null, 0)]
    [InlineData("0.99", "-49.9", 0)]
    [InlineData("1.0", null, 1)]
    [InlineData(null, "-50", 1)]
    [InlineData("1.2", "-60", 2)]
    [InlineData("-1.5", "20", 0)]
    public void Evaluate_Changes_RaisesTheAlarmAtTheThresholds(string? latency, string? amplitude, int criteriaMet)
    {
        var met = BaepAlarm.Evaluate(
            latency is null ? null : decimal.Parse(latency, System.Globalization.CultureInfo.InvariantCulture),
            amplitude is null ? null : decimal.Parse(amplitude, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(criteriaMet, met.Count);
    }

    [Fact]
    public void Evaluate_BothMet_DescribesEach()
    {
        var met = BaepAlarm.Evaluate(1.2m, -60m);

        Assert.Equal(["wave V latency prolonged by 1.2 ms (alarm at +1 ms)", "wave V amplitude down 60 % (alarm at −50 %)"], met);
    }
}
