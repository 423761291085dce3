using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EnterpriseNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Name_Id",
                table: "Enterprises",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_ProvinceCode_Name_Id",
                table: "Enterprises",
                columns: new[] { "ProvinceCode", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_Name_Id",
                table: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_ProvinceCode_Name_Id",
                table: "Enterprises");
        }
    }
}
