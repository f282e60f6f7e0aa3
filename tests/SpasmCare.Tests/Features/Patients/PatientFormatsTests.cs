using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Features.Patients;

public sealed class PatientFormatsTests
{
    [Theory]
    [InlineData("9876543210", "9876543210")]
    [InlineData("+91 98765 43210", "9876543210")]
    [InlineData("91-98765-43210", "9876543210")]
    [InlineData("098765 43210", "9876543210")]
    [InlineData("(+91) 6123456789", "6123456789")]
    public void NormalizeMobile_IndianFormats_GivesTenDigits(string input, string expected)
    {
        Assert.Equal(expected, PatientFormats.NormalizeMobile(input));
    }

    [Theory]
    [InlineData("5876543210")]
    [InlineData("987654321")]
    [InlineData("98765432101")]
    [InlineData("98765abc10")]
    [InlineData("")]
    [InlineData(null)]
    public void NormalizeMobile_NotAnIndianMobile_GivesNull(string? input)
    {
        Assert.Null(PatientFormats.NormalizeMobile(input));
    }

    [Fact]
    public void FormatAbhaNumber_FourteenDigits_IsGroupedTwoFourFourFour()
    {
        Assert.Equal("91-2345-6789-0123", PatientFormats.FormatAbhaNumber(PatientFormats.NormalizeAbhaNumber("91 2345 6789 0123")!));
    }

    [Theory]
    [InlineData("912345678901")]
    [InlineData("9123456789012a")]
    public void NormalizeAbhaNumber_NotFourteenDigits_GivesNull(string input)
    {
        Assert.Null(PatientFormats.NormalizeAbhaNumber(input));
    }

    [Theory]
    [InlineData("400012", true)]
    [InlineData("040012", false)]
    [InlineData("40001", false)]
    [InlineData("4000123", false)]
    public void IsPinCode_SixDigitsNotStartingWithZero(string input, bool expected)
    {
        Assert.Equal(expected, PatientFormats.IsPinCode(input));
    }

    [Theory]
    [InlineData("Asha.Patil@ABDM", "asha.patil@abdm")]
    [InlineData("asha_1990@sbx", "asha_1990@sbx")]
    [InlineData("as@abdm", null)]
    [InlineData("asha@gmail.com", null)]
    public void NormalizeAbhaAddress_AcceptsAbdmHandles(string input, string? expected)
    {
        Assert.Equal(expected, PatientFormats.NormalizeAbhaAddress(input));
    }

    [Fact]
    public void NameTerms_SplitsLowercasesAndDropsAccents()
    {
        var terms = PatientFormats.NameTerms("Anjali  Méhta-Shah", "D'Souza");

        Assert.Equal(["anjali", "mehta", "shah", "d", "souza"], terms);
    }

    [Fact]
    public void FormatMrn_PadsToSixDigits()
    {
        Assert.Equal("SC-000123", PatientFormats.FormatMrn(123));
    }
}
