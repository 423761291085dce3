using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FactoryPath.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductionMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductionDownTimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    DownMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionDownTimes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionDownTimes_Gateways_GatewayId",
                        column: x => x.GatewayId,
                        principalTable: "Gateways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductionMinutes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GatewayId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PeriodStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Shift = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlannedBusyMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RunningMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DownMs = table.Column<long>(type: "INTEGER", nullable: false),
                    SetupMs = table.Column<long>(type: "INTEGER", nullable: false),
                    IdleMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UnknownMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DownStarts = table.Column<int>(type: "INTEGER", nullable: false),
                    DownCarriedIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Good = table.Column<long>(type: "INTEGER", nullable: false),
                    Scrap = table.Column<long>(type: "INTEGER", nullable: false),
                    EnergyKwh = table.Column<double>(type: "REAL", nullable: true),
                    IdealCycleSeconds = table.Column<double>(type: "REAL", nullable: false),
                    IdealProductionSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductionMinutes_Gateways_GatewayId",
                        column: x => x.GatewayId,
                        principalTable: "Gateways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionDownTimes_EnterpriseId_PeriodStart",
                table: "ProductionDownTimes",
                columns: new[] { "EnterpriseId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionDownTimes_GatewayId_AssetPath_PeriodStart_Reason",
                table: "ProductionDownTimes",
                columns: new[] { "GatewayId", "AssetPath", "PeriodStart", "Reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductionMinutes_EnterpriseId_PeriodStart",
                table: "ProductionMinutes",
                columns: new[] { "EnterpriseId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductionMinutes_GatewayId_AssetPath_PeriodStart",
                table: "ProductionMinutes",
                columns: new[] { "GatewayId", "AssetPath", "PeriodStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductionDownTimes");

            migrationBuilder.DropTable(
                name: "ProductionMinutes");
        }
    }
}
