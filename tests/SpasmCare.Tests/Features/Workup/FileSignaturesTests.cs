using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Tests.Features.Workup;

public sealed class FileSignaturesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    public void Detect_AllowedSignature_ReturnsItsType(byte[] header, string contentType)
    {
        var type = FileSignatures.Detect(header);

        Assert.Equal(contentType, type?.ContentType);
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 })]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62 })]
    public void Detect_Program_IsNotAllowedAndLooksExecutable(byte[] header)
    {
        Assert.Null(FileSignatures.Detect(header));
        Assert.True(FileSignatures.LooksExecutable(header));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    [InlineData(new byte[] { 0x20, 0x25, 0x50, 0x44, 0x46, 0x2D })]
    public void Detect_TruncatedOrOtherSignature_ReturnsNull(byte[] header)
    {
        Assert.Null(FileSignatures.Detect(header));
        Assert.False(FileSignatures.LooksExecutable(header));
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("C:\\Users\\clinic\\Desktop\\MRI report.PDF", "MRI report.PDF")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("scan", "scan.pdf")]
    [InlineData("a\"b;c\r\n.pdf", "a_b_c__.pdf")]
    [InlineData("...", "report.pdf")]
    [InlineData(null, "report.pdf")]
    public void SafeFileName_UserSuppliedName_KeepsOnlyASafeLastSegmentWithTheRightExtension(string? name, string expected)
    {
        Assert.Equal(expected, FileSignatures.SafeFileName(name, FileSignatures.Pdf));
    }

    [Fact]
    public void SafeFileName_VeryLongName_IsShortenedKeepingTheExtension()
    {
        var name = FileSignatures.SafeFileName(new string('x', 300) + ".png", FileSignatures.Png);

        Assert.Equal(120, name.Length);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
    }
}
