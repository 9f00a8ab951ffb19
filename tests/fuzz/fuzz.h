/*
 * fuzz.h - the libFuzzer entry point every target defines. Built with clang
 * and -fsanitize=fuzzer by `make fuzz`, and with replay.c (any compiler) by
 * `make test`, which runs each target over its seed corpus.
 */
#ifndef AIRLOCK_FUZZ_H
#define AIRLOCK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
