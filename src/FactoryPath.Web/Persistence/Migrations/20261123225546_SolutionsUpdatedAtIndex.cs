using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SolutionsUpdatedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Solutions_UpdatedAt",
                table: "Solutions",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Solutions_UpdatedAt",
                table: "Solutions");
        }
    }
}
