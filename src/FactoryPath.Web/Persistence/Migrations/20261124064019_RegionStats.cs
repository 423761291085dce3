using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegionStats : Migration
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
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Delta = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionLevelChanges", x => new { x.RegionCode, x.ModelId, x.Month, x.Level });
                });

            migrationBuilder.CreateTable(
                name: "RegionNodeStats",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Division = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ModelId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NodeKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Answered = table.Column<int>(type: "INTEGER", nullable: false),
                    AtFull = table.Column<int>(type: "INTEGER", nullable: false),
                    AtThreeQuarters = table.Column<int>(type: "INTEGER", nullable: false),
                    AtHalf = table.Column<int>(type: "INTEGER", nullable: false),
                    AtQuarter = table.Column<int>(type: "INTEGER", nullable: false),
                    ShareSum = table.Column<double>(type: "REAL", nullable: false),
                    RateEnterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    RateNumerator = table.Column<double>(type: "REAL", nullable: false),
                    RateDenominator = table.Column<double>(type: "REAL", nullable: false)
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
