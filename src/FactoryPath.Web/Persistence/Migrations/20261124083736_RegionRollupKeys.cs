using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegionRollupKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionAssessedCounts",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Division = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Enterprises = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionAssessedCounts", x => new { x.RegionCode, x.Division });
                });

            // the node and level rollups are now kept per county, prefecture and province (RollupKeys): emptied here,
            // they are rebuilt from the stored results at the next start (RegionStatsRebuild.EnsureAsync)
            migrationBuilder.Sql("DELETE FROM \"RegionNodeStats\";");
            migrationBuilder.Sql("DELETE FROM \"RegionLevelChanges\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionAssessedCounts");
        }
    }
}
