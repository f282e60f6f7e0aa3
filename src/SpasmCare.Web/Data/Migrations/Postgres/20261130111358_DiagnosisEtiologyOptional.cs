using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DiagnosisEtiologyOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Etiology",
                table: "Diagnoses",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Etiology",
                table: "Diagnoses",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
