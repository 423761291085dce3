/*
 * A Modbus TCP server built on libmodbus, the real peer for the edge gateway's Modbus client tests and benchmark.
 *
 *   gcc libmodbus_server.c $(pkg-config --cflags --libs libmodbus) -o libmodbus_server
 *   ./libmodbus_server PORT
 *
 * Listens on 127.0.0.1:PORT, serves any number of clients (select loop), and answers every request with
 * modbus_reply, so illegal addresses get libmodbus's own exception responses. The tables start at address 0:
 *   coils 0..2099, discrete inputs 0..2099, holding registers 0..299, input registers 0..299.
 * Initial values are fixed (the tests expect exactly these):
 *   coil i          = (i % 3 == 0)
 *   discrete i      = (i % 2 == 0)
 *   holding i       = i * 3 + 1        (except the typed values below)
 *   input i         = 1000 + i
 * Typed values in the holding registers, each 32/64-bit value written in the orders ABCD, CDAB, BADC, DCBA one after
 * the other, where A is the most significant byte of the big-endian value:
 *   100       int16   -1234          101  uint16 54321
 *   110..117  float32 123.456f       120..127 int32 -123456789     130..137 uint32 3000000000
 *   140..155  float64 -9876.54321    160  0xA5C3 (for bit-in-register)
 * Prints "listening PORT" on stdout once the socket is bound.
 */
#include <errno.h>
#include <modbus.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

enum { ABCD, CDAB, BADC, DCBA };

/* Puts the big-endian bytes of a value (count 4 or 8) into registers in the given order. */
static void put(const uint8_t *big_endian, int count, int order, uint16_t *dest)
{
    int words = count / 2;
    for (int w = 0; w < words; w++) {
        int source_word = (order == CDAB || order == DCBA) ? words - 1 - w : w;
        uint8_t hi = big_endian[source_word * 2];
        uint8_t lo = big_endian[source_word * 2 + 1];
        if (order == BADC || order == DCBA) {
            uint8_t t = hi; hi = lo; lo = t;
        }
        dest[w] = (uint16_t)((hi << 8) | lo);
    }
}

static void big_endian_of(uint64_t bits, int count, uint8_t *out)
{
    for (int i = 0; i < count; i++) {
        out[i] = (uint8_t)(bits >> (8 * (count - 1 - i)));
    }
}

static void put_all_orders(uint64_t bits, int count, uint16_t *dest)
{
    uint8_t bytes[8];
    big_endian_of(bits, count, bytes);
    for (int order = ABCD; order <= DCBA; order++) {
        put(bytes, count, order, dest + order * (count / 2));
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    modbus_mapping_t *map = modbus_mapping_new_start_address(0, 2100, 0, 2100, 0, 300, 0, 300);
    if (ctx == NULL || map == NULL) {
        fprintf(stderr, "libmodbus setup failed: %s\n", modbus_strerror(errno));
        return 1;
    }

    for (int i = 0; i < 2100; i++) {
        map->tab_bits[i] = (i % 3 == 0);
        map->tab_input_bits[i] = (i % 2 == 0);
    }
    for (int i = 0; i < 300; i++) {
        map->tab_registers[i] = (uint16_t)(i * 3 + 1);
        map->tab_input_registers[i] = (uint16_t)(1000 + i);
    }

    map->tab_registers[100] = (uint16_t)(int16_t)-1234;
    map->tab_registers[101] = 54321;
    float f32 = 123.456f;
    uint32_t f32_bits;
    memcpy(&f32_bits, &f32, sizeof f32_bits);
    put_all_orders(f32_bits, 4, map->tab_registers + 110);
    put_all_orders((uint32_t)(int32_t)-123456789, 4, map->tab_registers + 120);
    put_all_orders(3000000000u, 4, map->tab_registers + 130);
    double f64 = -9876.54321;
    uint64_t f64_bits;
    memcpy(&f64_bits, &f64, sizeof f64_bits);
    put_all_orders(f64_bits, 8, map->tab_registers + 140);
    map->tab_registers[160] = 0xA5C3;

    int server = modbus_tcp_listen(ctx, 16);
    if (server == -1) {
        fprintf(stderr, "listen on %d failed: %s\n", port, modbus_strerror(errno));
        return 1;
    }
    printf("listening %d\n", port);
    fflush(stdout);

    fd_set all;
    FD_ZERO(&all);
    FD_SET(server, &all);
    int highest = server;
    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    for (;;) {
        fd_set ready = all;
        if (select(highest + 1, &ready, NULL, NULL, NULL) == -1) {
            if (errno == EINTR) {
                continue;
            }
            perror("select");
            return 1;
        }
        for (int fd = 0; fd <= highest; fd++) {
            if (!FD_ISSET(fd, &ready)) {
                continue;
            }
            if (fd == server) {
                int client = modbus_tcp_accept(ctx, &server);
                if (client != -1) {
                    FD_SET(client, &all);
                    if (client > highest) {
                        highest = client;
                    }
                }
                continue;
            }
            modbus_set_socket(ctx, fd);
            int length = modbus_receive(ctx, query);
            if (length > 0) {
                modbus_reply(ctx, query, length, map);
            } else if (length == -1) {
                close(fd);
                FD_CLR(fd, &all);
            }
        }
    }
}
