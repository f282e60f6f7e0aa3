using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PatientNameTerms_PatientId",
                table: "PatientNameTerms");

            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "PatientNameTerms",
                type: "TEXT",
                maxLength: 201,
                nullable: false,
                defaultValue: "");

            // Existing rows get their patient's display order.
            migrationBuilder.Sql("""
                UPDATE "PatientNameTerms" SET "SortName" = (
                    SELECT lower(trim("FamilyName" || ' ' || "GivenName")) FROM "Patients"
                    WHERE "Patients"."Id" = "PatientNameTerms"."PatientId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameTerms_PatientId_Term",
                table: "PatientNameTerms",
                columns: new[] { "PatientId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId",
                table: "PatientNameTerms",
                columns: new[] { "Term", "SortName", "PatientId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PatientNameTerms_PatientId_Term",
                table: "PatientNameTerms");

            migrationBuilder.DropIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId",
                table: "PatientNameTerms");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "PatientNameTerms");

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameTerms_PatientId",
                table: "PatientNameTerms",
                column: "PatientId");
        }
    }
}
