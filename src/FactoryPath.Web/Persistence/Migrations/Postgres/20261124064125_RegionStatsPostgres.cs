using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegionStatsPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode",
                table: "Enterprises");

            migrationBuilder.CreateTable(
                name: "RegionLevelChanges",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionLevelChanges", x => new { x.RegionCode, x.ModelId, x.Month, x.Level });
                });

            migrationBuilder.CreateTable(
                name: "RegionNodeStats",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Division = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ModelId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NodeKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NodeId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Answered = table.Column<int>(type: "integer", nullable: false),
                    AtFull = table.Column<int>(type: "integer", nullable: false),
                    AtThreeQuarters = table.Column<int>(type: "integer", nullable: false),
                    AtHalf = table.Column<int>(type: "integer", nullable: false),
                    AtQuarter = table.Column<int>(type: "integer", nullable: false),
                    ShareSum = table.Column<double>(type: "double precision", nullable: false),
                    RateEnterprises = table.Column<int>(type: "integer", nullable: false),
                    RateNumerator = table.Column<double>(type: "double precision", nullable: false),
                    RateDenominator = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionNodeStats", x => new { x.RegionCode, x.Division, x.ModelId, x.NodeKind, x.NodeId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Results_EnterpriseId_IsLatest_ModelId_Level",
                table: "Results",
                columns: new[] { "EnterpriseId", "IsLatest", "ModelId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode",
                table: "Enterprises",
                columns: new[] { "RegionCode", "IndustryCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionLevelChanges");

            migrationBuilder.DropTable(
                name: "RegionNodeStats");

            migrationBuilder.DropIndex(
                name: "IX_Results_EnterpriseId_IsLatest_ModelId_Level",
                table: "Results");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode",
                table: "Enterprises",
                column: "RegionCode");
        }
    }
}
