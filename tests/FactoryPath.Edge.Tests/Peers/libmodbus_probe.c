/*
 * libmodbus_probe: a Modbus TCP client built on libmodbus, used by the tests to check our server against a peer
 * that is not our code.
 *
 *   libmodbus_probe HOST PORT COMMAND...
 *
 * Each COMMAND is UNIT:OP:ADDRESS[:ARG] and prints one line, in order:
 *   UNIT:rc:A:N     read N coils             -> "OK b0 b1 ..."
 *   UNIT:rdi:A:N    read N discrete inputs   -> "OK b0 b1 ..."
 *   UNIT:rhr:A:N    read N holding registers -> "OK r0 r1 ..."
 *   UNIT:rir:A:N    read N input registers   -> "OK r0 r1 ..."
 *   UNIT:wc:A:V     write single coil (0/1)  -> "OK"
 *   UNIT:wr:A:V     write single register    -> "OK"
 *   UNIT:wmc:A:v,v  write multiple coils     -> "OK n"
 *   UNIT:wmr:A:v,v  write multiple registers -> "OK n"
 *   UNIT:fabcd:A    two holding registers as float, libmodbus ABCD order -> "OK %.6g"
 *   UNIT:fcdab:A    two holding registers as float, libmodbus CDAB order -> "OK %.6g"
 *   UNIT:raw:HEX    raw PDU (function code and data, hex bytes without spaces) -> "RAW" and the response PDU in hex
 * A Modbus exception prints "EXC code"; any other failure "ERR message".
 */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 2100

static void print_error(void)
{
    if (errno > MODBUS_ENOBASE && errno < MODBUS_ENOBASE + 64)
        printf("EXC %d\n", errno - MODBUS_ENOBASE);
    else
        printf("ERR %s\n", modbus_strerror(errno));
}

static int parse_list(const char *text, uint16_t *values, int max)
{
    int n = 0;
    char *copy = strdup(text);
    for (char *item = strtok(copy, ","); item != NULL && n < max; item = strtok(NULL, ","))
        values[n++] = (uint16_t)strtoul(item, NULL, 0);
    free(copy);
    return n;
}

static void run(modbus_t *ctx, char *command)
{
    static uint8_t bits[MAX_ITEMS];
    static uint16_t regs[MAX_ITEMS];
    char *unit_text = strtok(command, ":");
    char *op = strtok(NULL, ":");
    char *addr_text = strtok(NULL, ":");
    char *arg = strtok(NULL, ":");
    if (unit_text == NULL || op == NULL || addr_text == NULL) {
        printf("ERR bad command\n");
        return;
    }

    modbus_set_slave(ctx, atoi(unit_text));
    int addr = (int)strtol(addr_text, NULL, 0);
    int n = arg != NULL ? atoi(arg) : 0;
    int rc;
    if (strcmp(op, "rc") == 0 || strcmp(op, "rdi") == 0) {
        rc = op[1] == 'c' ? modbus_read_bits(ctx, addr, n, bits) : modbus_read_input_bits(ctx, addr, n, bits);
        if (rc < 0) { print_error(); return; }
        printf("OK");
        for (int i = 0; i < rc; i++) printf(" %d", bits[i]);
        printf("\n");
    } else if (strcmp(op, "rhr") == 0 || strcmp(op, "rir") == 0) {
        rc = op[1] == 'h' ? modbus_read_registers(ctx, addr, n, regs) : modbus_read_input_registers(ctx, addr, n, regs);
        if (rc < 0) { print_error(); return; }
        printf("OK");
        for (int i = 0; i < rc; i++) printf(" %u", regs[i]);
        printf("\n");
    } else if (strcmp(op, "wc") == 0) {
        if (modbus_write_bit(ctx, addr, n) < 0) { print_error(); return; }
        printf("OK\n");
    } else if (strcmp(op, "wr") == 0) {
        if (modbus_write_register(ctx, addr, (uint16_t)strtoul(arg != NULL ? arg : "0", NULL, 0)) < 0) { print_error(); return; }
        printf("OK\n");
    } else if (strcmp(op, "wmc") == 0 || strcmp(op, "wmr") == 0) {
        int count = parse_list(arg != NULL ? arg : "", regs, MAX_ITEMS);
        if (op[2] == 'c') {
            for (int i = 0; i < count; i++) bits[i] = (uint8_t)(regs[i] != 0);
            rc = modbus_write_bits(ctx, addr, count, bits);
        } else {
            rc = modbus_write_registers(ctx, addr, count, regs);
        }
        if (rc < 0) { print_error(); return; }
        printf("OK %d\n", rc);
    } else if (strcmp(op, "fabcd") == 0 || strcmp(op, "fcdab") == 0) {
        if (modbus_read_registers(ctx, addr, 2, regs) < 0) { print_error(); return; }
        printf("OK %.6g\n", op[1] == 'a' ? modbus_get_float_abcd(regs) : modbus_get_float_cdab(regs));
    } else if (strcmp(op, "raw") == 0) {
        /* the request starts with the unit id, then the PDU (libmodbus adds the MBAP header) */
        uint8_t request[MODBUS_TCP_MAX_ADU_LENGTH];
        uint8_t response[MODBUS_TCP_MAX_ADU_LENGTH];
        int length = 1;
        request[0] = (uint8_t)atoi(unit_text);
        for (const char *p = addr_text; p[0] != '\0' && p[1] != '\0' && length < (int)sizeof request; p += 2) {
            char byte[3] = { p[0], p[1], '\0' };
            request[length++] = (uint8_t)strtoul(byte, NULL, 16);
        }
        if (modbus_send_raw_request(ctx, request, length) < 0) { print_error(); return; }
        rc = modbus_receive_confirmation(ctx, response);
        if (rc < 0) { print_error(); return; }
        printf("RAW");
        for (int i = 7; i < rc; i++) printf(" %02x", response[i]); /* skip the 7-byte MBAP header */
        printf("\n");
    } else {
        printf("ERR unknown op %s\n", op);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s HOST PORT COMMAND...\n", argv[0]);
        return 2;
    }

    modbus_t *ctx = modbus_new_tcp(argv[1], atoi(argv[2]));
    if (ctx == NULL) {
        fprintf(stderr, "modbus_new_tcp failed\n");
        return 1;
    }

    modbus_set_response_timeout(ctx, 20, 0);
    if (modbus_connect(ctx) < 0) {
        fprintf(stderr, "connect failed: %s\n", modbus_strerror(errno));
        modbus_free(ctx);
        return 1;
    }

    for (int i = 3; i < argc; i++) {
        run(ctx, argv[i]);
        fflush(stdout);
    }

    modbus_close(ctx);
    modbus_free(ctx);
    return 0;
}
