using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseRegionIndexId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode_Id",
                table: "Enterprises",
                columns: new[] { "RegionCode", "IndustryCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode_Id",
                table: "Enterprises");

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_RegionCode_IndustryCode",
                table: "Enterprises",
                columns: new[] { "RegionCode", "IndustryCode" });
        }
    }
}
