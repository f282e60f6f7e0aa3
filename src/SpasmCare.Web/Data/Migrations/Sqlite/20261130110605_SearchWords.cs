using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId",
                table: "PatientNameTerms");

            migrationBuilder.AddColumn<string>(
                name: "Words",
                table: "PatientNameTerms",
                type: "TEXT",
                maxLength: 203,
                nullable: false,
                defaultValue: "");

            // Existing patients: each term row gets all of its patient's terms (their order does not matter).
            migrationBuilder.Sql("""
                UPDATE "PatientNameTerms" SET "Words" = ' ' || (SELECT group_concat(o."Term", ' ') FROM "PatientNameTerms" AS o WHERE o."PatientId" = "PatientNameTerms"."PatientId") || ' ';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId_Words",
                table: "PatientNameTerms",
                columns: new[] { "Term", "SortName", "PatientId", "Words" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId_Words",
                table: "PatientNameTerms");

            migrationBuilder.DropColumn(
                name: "Words",
                table: "PatientNameTerms");

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameTerms_Term_SortName_PatientId",
                table: "PatientNameTerms",
                columns: new[] { "Term", "SortName", "PatientId" });
        }
    }
}
