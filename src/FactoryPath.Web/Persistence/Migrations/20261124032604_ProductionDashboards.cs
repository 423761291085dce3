using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductionDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductionDownHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HourStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    DownMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionDownHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionDownHours_Gateways_GatewayId",
                        column: x => x.GatewayId,
                        principalTable: "Gateways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductionHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HourStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Shift = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FirstMinute = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedBusyMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RunningMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DownMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SetupMs = table.Column<long>(type: "INTEGER", nullable: false),
                    IdleMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UnknownMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Good = table.Column<long>(type: "INTEGER", nullable: false),
                    Scrap = table.Column<long>(type: "INTEGER", nullable: false),
                    EnergyKwh = table.Column<double>(type: "REAL", nullable: true),
                    IdealProductionSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionHours_Gateways_GatewayId",
                        column: x => x.GatewayId,
                        principalTable: "Gateways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionDownHours_Dashboard",
                table: "ProductionDownHours",
                columns: new[] { "EnterpriseId", "HourStart", "Reason", "DownMs" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionDownHours_GatewayId_AssetPath_HourStart_Reason",
                table: "ProductionDownHours",
                columns: new[] { "GatewayId", "AssetPath", "HourStart", "Reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionHours_Dashboard",
                table: "ProductionHours",
                columns: new[] { "EnterpriseId", "HourStart", "AssetPath", "Shift", "FirstMinute", "PlannedBusyMs", "RunningMs", "DownMs", "SetupMs", "IdleMs", "UnknownMs", "Good", "Scrap", "EnergyKwh", "IdealProductionSeconds" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionHours_GatewayId_AssetPath_HourStart_Shift",
                table: "ProductionHours",
                columns: new[] { "GatewayId", "AssetPath", "HourStart", "Shift" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductionDownHours");

            migrationBuilder.DropTable(
                name: "ProductionHours");
        }
    }
}
