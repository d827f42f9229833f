using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sessions.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredLanguage = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SymbolPrefix = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ObserverQuotaPerOrganisation = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name_ar = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_en = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name_ru = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_zh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoticeTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NormalisedAcronym = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NormalisedWebsite = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RelativePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StoredByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NominationDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RegistrationDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StatementDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InscriptionOpensAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InscriptionClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisaRequestDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkingLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ObserverQuotaOverride = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberQuota = table.Column<int>(type: "INTEGER", nullable: true),
                    ObserverCapacity = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    AsksForPhoto = table.Column<bool>(type: "INTEGER", nullable: false),
                    AsksForIdentityDocument = table.Column<bool>(type: "INTEGER", nullable: false),
                    DocumentsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title_ar = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_en = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_es = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_fr = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title_ru = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Title_zh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Venue_ar = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Venue_en = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Venue_es = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Venue_fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VenueLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Venue_ru = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Venue_zh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Accreditations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    GrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accreditations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Accreditations_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accreditations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BodyMemberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyMemberships_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BodyMemberships_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FocalPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocalPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FocalPoints_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FocalPoints_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationNames_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Title_ar = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_es = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_fr = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TitleLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title_ru = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_zh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceReportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    RowsExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsWritten = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgressAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceReportRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceReportRuns_AspNetUsers_RequestedByUserId",
                        column: x => x.RequestedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendanceReportRuns_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    LetterFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Delegations_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Delegations_StoredFiles_LetterFileId",
                        column: x => x.LetterFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DistributedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdvanceUnedited = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReissuedForTechnicalReasons = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title_ar = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_es = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_fr = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TitleLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title_ru = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Title_zh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentsAvailableNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentsAvailableNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentsAvailableNotices_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentZipRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FilesExpected = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesMissing = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProgressAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentZipRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentZipRuns_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SelfCheckInOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Name_ar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Name_ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Occasion = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementRules",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    StateWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    UnSystemWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    IntergovernmentalWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    EcosocGeneralWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    EcosocSpecialWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    EcosocRosterWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherAccreditationWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    JointWordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    LateStatements = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedLanguages = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Submitters = table.Column<int>(type: "INTEGER", nullable: false),
                    StateSeries = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntergovernmentalSeries = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StakeholderSeries = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementRules", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_StatementRules_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccreditationApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccreditationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LetterFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoverningBodyListFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccreditationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccreditationApplications_Accreditations_AccreditationId",
                        column: x => x.AccreditationId,
                        principalTable: "Accreditations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccreditationApplications_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccreditationApplications_StoredFiles_GoverningBodyListFileId",
                        column: x => x.GoverningBodyListFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccreditationApplications_StoredFiles_LetterFileId",
                        column: x => x.LetterFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccreditationChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccreditationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccreditationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccreditationChanges_Accreditations_AccreditationId",
                        column: x => x.AccreditationId,
                        principalTable: "Accreditations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccreditationChanges_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DelegationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Function = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConsentToPublicList = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    NominatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmationToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BadgeToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BadgeRevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    AccountLinkUndone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    PhotoFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    IdentityDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IdentityDocumentExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GroundsPassErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Participants_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Participants_StoredFiles_PhotoFileId",
                        column: x => x.PhotoFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WrittenStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    WordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WordLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    IsJoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CoSponsorsOverriddenByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DuplicateOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Series = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WrittenStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WrittenStatements_WrittenStatements_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "WrittenStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentAgendaItems_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentAgendaItems_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentFiles_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DocumentFiles_StoredFiles_StoredFileId",
                        column: x => x.StoredFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Capacities = table.Column<string>(type: "TEXT", nullable: false),
                    DelegationStatuses = table.Column<string>(type: "TEXT", nullable: false),
                    ParticipantStatuses = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationCategories = table.Column<string>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeCampaigns_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NoticeCampaigns_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpeakersLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    InscriptionOpensAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InscriptionClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MemberStatementSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ObserverStatementSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstReplySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondReplySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifyWhenSpeakersAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakersLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakersLists_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakersLists_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakersLists_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReminderId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadHours = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Skipped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledReminders_Reminders_ReminderId",
                        column: x => x.ReminderId,
                        principalTable: "Reminders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Mode = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendance_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Attendance_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attendance_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OnlineLinkNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnlineLinkNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnlineLinkNotices_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OnlineLinkNotices_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpecialRequirements",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    WheelchairAccess = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignLanguageInterpretation = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupportPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherAccessibility = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Dietary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecialRequirements", x => x.ParticipantId);
                    table.ForeignKey(
                        name: "FK_SpecialRequirements_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisaLetterRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PassportNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PassportIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PassportExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsulateCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsulateCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferenceNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LetterLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    LetterTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LetterHtml = table.Column<string>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisaLetterRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisaLetterRequests_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisaLetterRequests_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementCoSponsors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WrittenStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementCoSponsors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementCoSponsors_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StatementCoSponsors_WrittenStatements_WrittenStatementId",
                        column: x => x.WrittenStatementId,
                        principalTable: "WrittenStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementSupporter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WrittenStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementSupporter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementSupporter_WrittenStatements_WrittenStatementId",
                        column: x => x.WrittenStatementId,
                        principalTable: "WrittenStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeCampaignTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeCampaignTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeCampaignTexts_NoticeCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "NoticeCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboundEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    Calendar = table.Column<string>(type: "TEXT", nullable: true),
                    Attachment = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundEmails_NoticeCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "NoticeCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerInscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpeakersListId = table.Column<int>(type: "INTEGER", nullable: false),
                    DelegationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReplyRound = table.Column<int>(type: "INTEGER", nullable: true),
                    SpeakerParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    StatementFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InscribedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    InscribedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CalledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ManualPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    MovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SpokeForSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    AllottedSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtendedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TimerRunningSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TimerElapsedMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    AboutToBeCalledNoticeAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerInscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerInscriptions_AspNetUsers_InscribedByUserId",
                        column: x => x.InscribedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpeakerInscriptions_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpeakerInscriptions_Participants_SpeakerParticipantId",
                        column: x => x.SpeakerParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpeakerInscriptions_SpeakersLists_SpeakersListId",
                        column: x => x.SpeakersListId,
                        principalTable: "SpeakersLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpeakerInscriptions_StoredFiles_StatementFileId",
                        column: x => x.StatementFileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationApplications_AccreditationId",
                table: "AccreditationApplications",
                column: "AccreditationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationApplications_GoverningBodyListFileId",
                table: "AccreditationApplications",
                column: "GoverningBodyListFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationApplications_LetterFileId",
                table: "AccreditationApplications",
                column: "LetterFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationApplications_SubmittedByUserId",
                table: "AccreditationApplications",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationChanges_AccreditationId_At",
                table: "AccreditationChanges",
                columns: new[] { "AccreditationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AccreditationChanges_ByUserId",
                table: "AccreditationChanges",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_Basis",
                table: "Accreditations",
                column: "Basis");

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_BodyId",
                table: "Accreditations",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_OrganisationId_Basis",
                table: "Accreditations",
                columns: new[] { "OrganisationId", "Basis" });

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_PendingAdHocApplication",
                table: "Accreditations",
                columns: new[] { "OrganisationId", "BodyId" },
                unique: true,
                filter: "\"Basis\" = 6 AND \"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_Status_UpdatedAt",
                table: "Accreditations",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId_Number",
                table: "AgendaItems",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_MeetingId_Status_ParticipantId_Mode",
                table: "Attendance",
                columns: new[] { "MeetingId", "Status", "ParticipantId", "Mode" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_ParticipantId_MeetingId",
                table: "Attendance",
                columns: new[] { "ParticipantId", "MeetingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_RecordedByUserId",
                table: "Attendance",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceReportRuns_OneActive",
                table: "AttendanceReportRuns",
                columns: new[] { "SessionId", "Language" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceReportRuns_RequestedByUserId",
                table: "AttendanceReportRuns",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceReportRuns_SessionId_Language_Id",
                table: "AttendanceReportRuns",
                columns: new[] { "SessionId", "Language", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bodies_SymbolPrefix",
                table: "Bodies",
                column: "SymbolPrefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BodyMemberships_BodyId_OrganisationId",
                table: "BodyMemberships",
                columns: new[] { "BodyId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyMemberships_OrganisationId",
                table: "BodyMemberships",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_LetterFileId",
                table: "Delegations",
                column: "LetterFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_OrganisationId",
                table: "Delegations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_SessionId_OrganisationId",
                table: "Delegations",
                columns: new[] { "SessionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_SessionId_Status_Capacity",
                table: "Delegations",
                columns: new[] { "SessionId", "Status", "Capacity" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_SessionId_Status_SubmittedAt_Id",
                table: "Delegations",
                columns: new[] { "SessionId", "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAgendaItems_AgendaItemId",
                table: "DocumentAgendaItems",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAgendaItems_DocumentId_AgendaItemId",
                table: "DocumentAgendaItems",
                columns: new[] { "DocumentId", "AgendaItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFiles_AnnouncedAt",
                table: "DocumentFiles",
                column: "AnnouncedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFiles_DocumentId_Language_Revision",
                table: "DocumentFiles",
                columns: new[] { "DocumentId", "Language", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFiles_StoredFileId",
                table: "DocumentFiles",
                column: "StoredFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SessionId_DistributedOn",
                table: "Documents",
                columns: new[] { "SessionId", "DistributedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Symbol",
                table: "Documents",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentsAvailableNotices_SessionId_Day",
                table: "DocumentsAvailableNotices",
                columns: new[] { "SessionId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentZipRuns_OneActive",
                table: "DocumentZipRuns",
                columns: new[] { "SessionId", "Language" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentZipRuns_SessionId_Language_Id",
                table: "DocumentZipRuns",
                columns: new[] { "SessionId", "Language", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_OrganisationId_UserId",
                table: "FocalPoints",
                columns: new[] { "OrganisationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_Status",
                table: "FocalPoints",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_UserId",
                table: "FocalPoints",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SessionId_Number",
                table: "Meetings",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCampaigns_MeetingId",
                table: "NoticeCampaigns",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCampaigns_SessionId",
                table: "NoticeCampaigns",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCampaigns_Status_ScheduledAt",
                table: "NoticeCampaigns",
                columns: new[] { "Status", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeCampaignTexts_CampaignId_Language",
                table: "NoticeCampaignTexts",
                columns: new[] { "CampaignId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeTemplates_Kind_Language",
                table: "NoticeTemplates",
                columns: new[] { "Kind", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnlineLinkNotices_MeetingId",
                table: "OnlineLinkNotices",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_OnlineLinkNotices_ParticipantId_MeetingId",
                table: "OnlineLinkNotices",
                columns: new[] { "ParticipantId", "MeetingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNames_NormalisedName",
                table: "OrganisationNames",
                column: "NormalisedName");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNames_OrganisationId_Language",
                table: "OrganisationNames",
                columns: new[] { "OrganisationId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Category",
                table: "Organisations",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_CountryCode",
                table: "Organisations",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NormalisedAcronym",
                table: "Organisations",
                column: "NormalisedAcronym");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NormalisedName",
                table: "Organisations",
                column: "NormalisedName");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NormalisedWebsite",
                table: "Organisations",
                column: "NormalisedWebsite");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_CampaignId_Status",
                table: "OutboundEmails",
                columns: new[] { "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_Kind",
                table: "OutboundEmails",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_Status_NextAttemptAt",
                table: "OutboundEmails",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_BadgeToken",
                table: "Participants",
                column: "BadgeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ConfirmationToken",
                table: "Participants",
                column: "ConfirmationToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_DelegationId_Status",
                table: "Participants",
                columns: new[] { "DelegationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_DelegationId_Status_ConsentToPublicList",
                table: "Participants",
                columns: new[] { "DelegationId", "Status", "ConsentToPublicList" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_Email",
                table: "Participants",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_PhotoFileId",
                table: "Participants",
                column: "PhotoFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId",
                table: "Participants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_SessionId_Occasion",
                table: "Reminders",
                columns: new[] { "SessionId", "Occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_DueAt",
                table: "ScheduledReminders",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledReminders_ReminderId_LeadHours",
                table: "ScheduledReminders",
                columns: new[] { "ReminderId", "LeadHours" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_BodyId",
                table: "Sessions",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_OpensOn",
                table: "Sessions",
                column: "OpensOn");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Symbol",
                table: "Sessions",
                column: "Symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_DelegationId_SpeakersListId",
                table: "SpeakerInscriptions",
                columns: new[] { "DelegationId", "SpeakersListId" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_InscribedByUserId",
                table: "SpeakerInscriptions",
                column: "InscribedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_OneStatementPerDelegation",
                table: "SpeakerInscriptions",
                columns: new[] { "SpeakersListId", "DelegationId" },
                unique: true,
                filter: "\"Kind\" = 1 AND \"Status\" <> 5");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_SpeakerParticipantId",
                table: "SpeakerInscriptions",
                column: "SpeakerParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_SpeakersListId_Status",
                table: "SpeakerInscriptions",
                columns: new[] { "SpeakersListId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerInscriptions_StatementFileId",
                table: "SpeakerInscriptions",
                column: "StatementFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakersLists_AgendaItemId_MeetingId",
                table: "SpeakersLists",
                columns: new[] { "AgendaItemId", "MeetingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakersLists_MeetingId",
                table: "SpeakersLists",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakersLists_OnePerAgendaItem",
                table: "SpeakersLists",
                column: "AgendaItemId",
                unique: true,
                filter: "\"MeetingId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakersLists_SessionId",
                table: "SpeakersLists",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementCoSponsors_OrganisationId_Answer",
                table: "StatementCoSponsors",
                columns: new[] { "OrganisationId", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementCoSponsors_WrittenStatementId_OrganisationId",
                table: "StatementCoSponsors",
                columns: new[] { "WrittenStatementId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementSupporter_WrittenStatementId",
                table: "StatementSupporter",
                column: "WrittenStatementId");

            migrationBuilder.CreateIndex(
                name: "IX_VisaLetterRequests_OneNumberPerSession",
                table: "VisaLetterRequests",
                columns: new[] { "SessionId", "ReferenceNumber" },
                unique: true,
                filter: "\"ReferenceNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VisaLetterRequests_OneOpenPerParticipant",
                table: "VisaLetterRequests",
                column: "ParticipantId",
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_VisaLetterRequests_SessionId_Status_RequestedAt",
                table: "VisaLetterRequests",
                columns: new[] { "SessionId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_AgendaItemId",
                table: "WrittenStatements",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_DelegationId",
                table: "WrittenStatements",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_DuplicateOfId",
                table: "WrittenStatements",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_FileId",
                table: "WrittenStatements",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_OneNumberPerSeries",
                table: "WrittenStatements",
                columns: new[] { "SessionId", "Series", "Number" },
                unique: true,
                filter: "\"Number\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_OrganisationId",
                table: "WrittenStatements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenStatements_SessionId_Status",
                table: "WrittenStatements",
                columns: new[] { "SessionId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccreditationApplications");

            migrationBuilder.DropTable(
                name: "AccreditationChanges");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attendance");

            migrationBuilder.DropTable(
                name: "AttendanceReportRuns");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BodyMemberships");

            migrationBuilder.DropTable(
                name: "DocumentAgendaItems");

            migrationBuilder.DropTable(
                name: "DocumentFiles");

            migrationBuilder.DropTable(
                name: "DocumentsAvailableNotices");

            migrationBuilder.DropTable(
                name: "DocumentZipRuns");

            migrationBuilder.DropTable(
                name: "FocalPoints");

            migrationBuilder.DropTable(
                name: "NoticeCampaignTexts");

            migrationBuilder.DropTable(
                name: "NoticeTemplates");

            migrationBuilder.DropTable(
                name: "OnlineLinkNotices");

            migrationBuilder.DropTable(
                name: "OrganisationNames");

            migrationBuilder.DropTable(
                name: "OutboundEmails");

            migrationBuilder.DropTable(
                name: "ScheduledReminders");

            migrationBuilder.DropTable(
                name: "SpeakerInscriptions");

            migrationBuilder.DropTable(
                name: "SpecialRequirements");

            migrationBuilder.DropTable(
                name: "StatementCoSponsors");

            migrationBuilder.DropTable(
                name: "StatementRules");

            migrationBuilder.DropTable(
                name: "StatementSupporter");

            migrationBuilder.DropTable(
                name: "VisaLetterRequests");

            migrationBuilder.DropTable(
                name: "Accreditations");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "NoticeCampaigns");

            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropTable(
                name: "SpeakersLists");

            migrationBuilder.DropTable(
                name: "WrittenStatements");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "Bodies");
        }
    }
}
