using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpasmCare.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ToxinAndSurgery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DueFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ResultId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MvdCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    ReferredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReferredBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Indication = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SmcGradeAtReferral = table.Column<int>(type: "integer", nullable: true),
                    Hfs7AtReferral = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ImagingStudyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ImagingFinding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RedoOfCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RedoCause = table.Column<int>(type: "integer", nullable: false),
                    ImagingShowsContact = table.Column<bool>(type: "boolean", nullable: false),
                    AudiogramOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AudiogramResult = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    BaepBaselineOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnaesthesiaFitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnaesthesiaNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentTakenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RisksDiscussed = table.Column<int>(type: "integer", nullable: false),
                    MedicationsToStop = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MedicationsReviewed = table.Column<bool>(type: "boolean", nullable: false),
                    ReadyOverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReadyOverriddenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HospitalSiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Theatre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ScheduledStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScheduledMinutes = table.Column<int>(type: "integer", nullable: true),
                    SurgeonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SurgeonName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AssistantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnaesthetistName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AdmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DischargedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DischargeSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DeclaredFailed = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredFailedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecurredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CancelledReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MvdCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MvdCases_MvdCases_RedoOfCaseId",
                        column: x => x.RedoOfCaseId,
                        principalTable: "MvdCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MvdCases_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MvdCases_Sites_HospitalSiteId",
                        column: x => x.HospitalSiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResistanceTests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PerformedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    Units = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    ReadOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResistanceTests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResistanceTests_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToxinProducts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Substance = table.Column<int>(type: "integer", nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VialSizes = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StorageRule = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UseWithinHours = table.Column<int>(type: "integer", nullable: false),
                    ReferenceRatioLow = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ReferenceRatioHigh = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    HasComplexingProteins = table.Column<bool>(type: "boolean", nullable: false),
                    LowStockVials = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToxinProducts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MvdComplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OtherDescription = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HouseBrackmannGrade = table.Column<int>(type: "integer", nullable: true),
                    OnsetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Course = table.Column<int>(type: "integer", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MvdComplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MvdComplications_MvdCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MvdCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MvdFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SpasmStatus = table.Column<int>(type: "integer", nullable: false),
                    Hfs7 = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    SmcGrade = table.Column<int>(type: "integer", nullable: true),
                    HouseBrackmannGrade = table.Column<int>(type: "integer", nullable: true),
                    Hearing = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MvdFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MvdFollowUps_MvdCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MvdCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MvdOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    Approach = table.Column<int>(type: "integer", nullable: false),
                    SurgeonName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Vessels = table.Column<int>(type: "integer", nullable: false),
                    CompressionSite = table.Column<int>(type: "integer", nullable: false),
                    CompressionSites = table.Column<int>(type: "integer", nullable: true),
                    Indentation = table.Column<bool>(type: "boolean", nullable: true),
                    Technique = table.Column<int>(type: "integer", nullable: false),
                    Implant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LsrBaselinePresent = table.Column<bool>(type: "boolean", nullable: true),
                    LsrBaselineAmplitudeUv = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    LsrBaselineLatencyMs = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    LsrFinal = table.Column<int>(type: "integer", nullable: false),
                    LsrDisappearedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BaepWaveVLatencyChangeMs = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    BaepWaveVAmplitudeChangePercent = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MvdOperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MvdOperations_MvdCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MvdCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InjectionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicianId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicianName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InjectedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Indication = table.Column<int>(type: "integer", nullable: false),
                    SpasmSide = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsBooster = table.Column<bool>(type: "boolean", nullable: false),
                    TotalUnits = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverriddenWarnings = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredInErrorReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InjectionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InjectionSessions_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InjectionSessions_ToxinProducts_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ToxinProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToxinLotRecalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecalledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToxinLotRecalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToxinLotRecalls_ToxinProducts_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ToxinProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToxinVials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UnitsPerVial = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SalineMl = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ReconstitutedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReconstitutedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReconstitutedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UseBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnitsDrawn = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    UnitsWasted = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    DiscardReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToxinVials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToxinVials_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ToxinVials_ToxinProducts_ProductId",
                        column: x => x.ProductId,
                        principalTable: "ToxinProducts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LsrReadings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    AmplitudeUv = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    LatencyMs = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LsrReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LsrReadings_MvdOperations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "MvdOperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InjectionReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: true),
                    ImprovementPercent = table.Column<int>(type: "integer", nullable: true),
                    OnsetDay = table.Column<int>(type: "integer", nullable: true),
                    WoreOffOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredInErrorReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InjectionReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InjectionReviews_InjectionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "InjectionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToxinAdverseEffects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OtherDescription = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    OnsetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EnteredInError = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToxinAdverseEffects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToxinAdverseEffects_InjectionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "InjectionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InjectionPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Muscle = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    VolumeMl = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    Technique = table.Column<int>(type: "integer", nullable: false),
                    VialId = table.Column<Guid>(type: "uuid", nullable: false),
                    MapX = table.Column<double>(type: "double precision", nullable: false),
                    MapY = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InjectionPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InjectionPoints_InjectionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "InjectionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InjectionPoints_ToxinVials_VialId",
                        column: x => x.VialId,
                        principalTable: "ToxinVials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToxinVialEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToxinVialEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToxinVialEntries_ToxinVials_VialId",
                        column: x => x.VialId,
                        principalTable: "ToxinVials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_PatientId_Status",
                table: "FollowUpTasks",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_SourceId_Kind",
                table: "FollowUpTasks",
                columns: new[] { "SourceId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_DueFrom_SiteId",
                table: "FollowUpTasks",
                columns: new[] { "Status", "DueFrom", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_InjectionPoints_SessionId_Order",
                table: "InjectionPoints",
                columns: new[] { "SessionId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InjectionPoints_VialId",
                table: "InjectionPoints",
                column: "VialId");

            migrationBuilder.CreateIndex(
                name: "IX_InjectionReviews_PatientId_SessionId",
                table: "InjectionReviews",
                columns: new[] { "PatientId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_InjectionReviews_SessionId",
                table: "InjectionReviews",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_InjectionSessions_PatientId_InjectedAtUtc",
                table: "InjectionSessions",
                columns: new[] { "PatientId", "InjectedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InjectionSessions_ProductId",
                table: "InjectionSessions",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_InjectionSessions_SiteId_InjectedAtUtc",
                table: "InjectionSessions",
                columns: new[] { "SiteId", "InjectedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LsrReadings_OperationId_Order",
                table: "LsrReadings",
                columns: new[] { "OperationId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_MvdCases_HospitalSiteId_ScheduledStartUtc",
                table: "MvdCases",
                columns: new[] { "HospitalSiteId", "ScheduledStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MvdCases_PatientId_ReferredAtUtc",
                table: "MvdCases",
                columns: new[] { "PatientId", "ReferredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MvdCases_RedoOfCaseId",
                table: "MvdCases",
                column: "RedoOfCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MvdCases_SurgeonId_ScheduledStartUtc",
                table: "MvdCases",
                columns: new[] { "SurgeonId", "ScheduledStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MvdComplications_CaseId",
                table: "MvdComplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MvdFollowUps_CaseId_SeenOn",
                table: "MvdFollowUps",
                columns: new[] { "CaseId", "SeenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MvdOperations_CaseId",
                table: "MvdOperations",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResistanceTests_PatientId_PerformedOn",
                table: "ResistanceTests",
                columns: new[] { "PatientId", "PerformedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ToxinAdverseEffects_PatientId_SessionId",
                table: "ToxinAdverseEffects",
                columns: new[] { "PatientId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ToxinAdverseEffects_SessionId",
                table: "ToxinAdverseEffects",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ToxinLotRecalls_ProductId_LotNumber",
                table: "ToxinLotRecalls",
                columns: new[] { "ProductId", "LotNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ToxinProducts_Name",
                table: "ToxinProducts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ToxinVialEntries_SessionId",
                table: "ToxinVialEntries",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ToxinVialEntries_VialId",
                table: "ToxinVialEntries",
                column: "VialId");

            migrationBuilder.CreateIndex(
                name: "IX_ToxinVials_ProductId_LotNumber",
                table: "ToxinVials",
                columns: new[] { "ProductId", "LotNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ToxinVials_SiteId_Status_ExpiryDate",
                table: "ToxinVials",
                columns: new[] { "SiteId", "Status", "ExpiryDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "InjectionPoints");

            migrationBuilder.DropTable(
                name: "InjectionReviews");

            migrationBuilder.DropTable(
                name: "LsrReadings");

            migrationBuilder.DropTable(
                name: "MvdComplications");

            migrationBuilder.DropTable(
                name: "MvdFollowUps");

            migrationBuilder.DropTable(
                name: "ResistanceTests");

            migrationBuilder.DropTable(
                name: "ToxinAdverseEffects");

            migrationBuilder.DropTable(
                name: "ToxinLotRecalls");

            migrationBuilder.DropTable(
                name: "ToxinVialEntries");

            migrationBuilder.DropTable(
                name: "MvdOperations");

            migrationBuilder.DropTable(
                name: "InjectionSessions");

            migrationBuilder.DropTable(
                name: "ToxinVials");

            migrationBuilder.DropTable(
                name: "MvdCases");

            migrationBuilder.DropTable(
                name: "ToxinProducts");
        }
    }
}
