using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Features.Patients;

public sealed class PatientDiffTests
{
    [Fact]
    public void Between_ReportsOnlyChangedFieldsWithLabels()
    {
        var before = TestData.Patient("Asha", "Pawar", "9822012345");
        var after = TestData.Patient("Asha", "Pawar", "9822012346");
        after.City = "Thane";

        var changes = PatientDiff.Between(before, after);

        Assert.Equal(["Mobile", "City / town"], changes.Select(c => c.Label));
        Assert.Equal("+91 98220 12345", changes[0].Before);
    }

    [Fact]
    public void Merge_TakesTheirFieldsWhereYouChangedNothingAndKeepsYours()
    {
        var start = TestData.Patient("Asha", "Pawar", "9822012345");
        var theirs = TestData.Patient("Asha", "Pawar", "9822099999");
        theirs.City = "Thane";
        var yours = TestData.Patient("Asha", "Pawar", "9822012345");
        yours.City = "Nashik";
        yours.Email = "asha@example.com";

        var merged = PatientDiff.Merge(start, theirs, yours);

        Assert.Equal("9822099999", merged.Mobile);
        Assert.Equal("Nashik", merged.City);
        Assert.Equal("asha@example.com", merged.Email);
    }
}
