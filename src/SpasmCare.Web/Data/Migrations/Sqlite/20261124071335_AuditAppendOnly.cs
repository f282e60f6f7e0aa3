using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail is append-only in the database too, not only in the application.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, 'AuditEvents is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_NoDelete\";");
        }
    }
}
