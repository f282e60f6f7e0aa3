using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Tests.Features.Toxin.Recalls;

public sealed class LotRecallCsvTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+91 98765", "\"'+91 98765\"")]
    [InlineData("-5", "\"'-5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("Ramesh \"Ram\" Kulkarni", "\"Ramesh \"\"Ram\"\" Kulkarni\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "\"\"")]
    [InlineData(null, "\"\"")]
    public void Cell_QuotesAndDefusesFormulae(string? value, string expected) =>
        Assert.Equal(expected, LotRecallPatients.Cell(value));
}
