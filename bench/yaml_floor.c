/* The floor for any libyaml-based tool: pull every parser event of a file, build nothing.
 * Usage: yaml_floor FILE [REPEAT]  — prints the best wall time in seconds over REPEAT runs. */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE [REPEAT]\n", argv[0]); return 2; }
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size);
    if (!buf || fread(buf, 1, size, f) != (size_t)size) { perror("read"); return 2; }
    fclose(f);
    double best = 1e9;
    long events = 0;
    for (int r = 0; r < repeat; r++) {
        double t0 = now();
        yaml_parser_t p;
        yaml_event_t e;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, buf, size);
        events = 0;
        for (;;) {
            if (!yaml_parser_parse(&p, &e)) { fprintf(stderr, "parse error\n"); return 1; }
            int done = e.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&e);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&p);
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("%.6f %ld\n", best, events);
    free(buf);
    return 0;
}
