using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Stock;

/// <summary>The admin product catalogue.</summary>
public abstract class ToxinProductPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Substance"] = "PrabotulinumtoxinA",
        ["Input.Manufacturer"] = "Synthetic Pharma",
        ["Input.VialSizes"] = "100, 50",
        ["Input.StorageRule"] = "2–8 °C",
        ["Input.UseWithinHours"] = "4",
        ["Input.ReferenceRatioLow"] = "1",
        ["Input.ReferenceRatioHigh"] = "1",
        ["Input.HasComplexingProteins"] = "true",
        ["Input.LowStockVials"] = "3",
        ["Input.IsActive"] = "true",
    };

    [Fact]
    public async Task Index_Admin_ListsTheProductsWithTheirReferenceRatio()
    {
        var response = await app.CreateClient(Roles.Admin).GetAsync("/Admin/ToxinProducts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        Assert.Contains(rows, r => r[0].StartsWith("Dysport", StringComparison.Ordinal) && r[4] == "1:2.5–3" && r[2] == "300, 500 U");
    }

    [Fact]
    public async Task New_Valid_AddsTheProductAndAuditsIt()
    {
        var name = TestData.UniqueWord("Toxin");

        var response = await app.CreateClient(Roles.Admin).PostFormAsync("/Admin/ToxinProducts/New", Fields(name));

        Assert.Equal("/Admin/ToxinProducts", Redirects.LocationOf(response));
        var product = await app.WithDbAsync(db => db.ToxinProducts.SingleAsync(p => p.Name == name));
        Assert.Equal(ToxinSubstance.PrabotulinumtoxinA, product.Substance);
        Assert.Equal("50,100", product.VialSizes);
        Assert.Equal(4, product.UseWithinHours);
        Assert.Equal(3, product.LowStockVials);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinProductCreated && e.SubjectId == product.Id.ToString())));
    }

    [Theory]
    [InlineData("VialSizes", "100, lots", "Enter whole numbers of units from 1 to 1000")]
    [InlineData("VialSizes", "0", "Enter whole numbers of units from 1 to 1000")]
    [InlineData("UseWithinHours", "0", "Enter a use-within time from 1 to 1344 hours.")]
    [InlineData("ReferenceRatioHigh", "", "Enter both ends of the reference ratio, or neither.")]
    [InlineData("ReferenceRatioLow", "3", "The high end of the ratio cannot be below the low end.")]
    [InlineData("Name", "", "Enter the product's name.")]
    [InlineData("Name", "Botox", "Another product already has this name.")]
    public async Task New_BadInput_ShowsTheMessageAndSavesNothing(string field, string value, string message)
    {
        var name = TestData.UniqueWord("Toxin");
        var fields = Fields(name);
        fields["Input." + field] = value;
        var before = await app.WithDbAsync(db => db.ToxinProducts.CountAsync());

        var response = await app.CreateClient(Roles.Admin).PostFormAsync("/Admin/ToxinProducts/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.ToxinProducts.CountAsync()));
    }

    [Fact]
    public async Task Edit_Valid_SavesAndAudits_AndShowsTheEquivalenceHint()
    {
        var client = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Toxin");
        (await client.PostFormAsync("/Admin/ToxinProducts/New", Fields(name))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ToxinProducts.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
        var fields = Fields(name);
        fields["Input.ReferenceRatioLow"] = "2.5";
        fields["Input.ReferenceRatioHigh"] = "3";
        fields["Input.IsActive"] = "false";

        var response = await client.PostWithVersionAsync($"/Admin/ToxinProducts/Edit/{id}", fields);

        response.EnsureRedirect();
        var product = await app.WithDbAsync(db => db.ToxinProducts.SingleAsync(p => p.Id == id));
        Assert.Equal(2.5m, product.ReferenceRatioLow);
        Assert.False(product.IsActive);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinProductUpdated && e.SubjectId == id.ToString())));
        var page = await client.GetStringAsync($"/Admin/ToxinProducts/Edit/{id}");
        Assert.Contains("100 U ≈ 33.3–40 onabotulinumtoxinA units at 1:2.5–3", PageHtml.TextOf(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersion_SavesNothing()
    {
        var client = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Toxin");
        (await client.PostFormAsync("/Admin/ToxinProducts/New", Fields(name))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ToxinProducts.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
        var fields = Fields(name);
        fields["Input.UseWithinHours"] = "48";
        fields["Input.Version"] = Guid.NewGuid().ToString();

        var response = await client.PostFormAsync($"/Admin/ToxinProducts/Edit/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this product", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await app.WithDbAsync(db => db.ToxinProducts.Where(p => p.Id == id).Select(p => p.UseWithinHours).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    public async Task Catalogue_NonAdmin_IsDenied(string role)
    {
        var id = await app.ProductIdAsync("Botox");
        var client = app.CreateClient(role);

        foreach (var url in new[] { "/Admin/ToxinProducts", "/Admin/ToxinProducts/New", $"/Admin/ToxinProducts/Edit/{id}" })
        {
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await client.GetAsync(url)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Edit_UnknownProduct_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(Roles.Admin).GetAsync($"/Admin/ToxinProducts/Edit/{Guid.NewGuid()}")).StatusCode);
}

public sealed class ToxinProductPagesTestsOnSqlite(SqliteAppFactory app) : ToxinProductPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ToxinProductPagesTestsOnPostgres(PostgresAppFactory app) : ToxinProductPagesTests<PostgresAppFactory>(app);
