/*
 * unittest.h - test seams that do not ship.
 *
 * As curl does with UNITTEST: the library the tests link is compiled with
 * AIRLOCK_UNITTESTS, the one that is installed without it. A seam is a
 * variable the tests set (a hook to run, a path to force); in the shipped
 * library it is a constant, so the branch it guards compiles away and no
 * mutable global is left for anyone to reach.
 *
 *   AL_SEAM(bool, al_x, false);      in the header: declared, or a constant
 *   AL_SEAM_DEFINE(bool, al_x, false);   in one .c file: defined, or nothing
 */
#ifndef AIRLOCK_COMMON_UNITTEST_H
#define AIRLOCK_COMMON_UNITTEST_H

#ifdef AIRLOCK_UNITTESTS
#define UNITTEST
#define AL_SEAM(type, name, value)        extern type name
#define AL_SEAM_DEFINE(type, name, value) type name = value
#else
#define UNITTEST                          static
#define AL_SEAM(type, name, value)        static type const name __attribute__((unused)) = value
#define AL_SEAM_DEFINE(type, name, value) struct al_seam_unused_##name
#endif

#endif
