using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail is append-only in the database too, not only in the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'AuditEvents is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEvents_AppendOnly" BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEvents_AppendOnly\" ON \"AuditEvents\";");
            migrationBuilder.Sql("DROP FUNCTION audit_events_append_only();");
        }
    }
}
