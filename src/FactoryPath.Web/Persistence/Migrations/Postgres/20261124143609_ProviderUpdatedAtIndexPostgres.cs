using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProviderUpdatedAtIndexPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Providers_UpdatedAt",
                table: "Providers",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_UpdatedAt",
                table: "Providers");
        }
    }
}
