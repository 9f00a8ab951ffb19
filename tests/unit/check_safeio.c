/*
 * check_safeio.c - the one safe reader (common/safeio.c) and the one
 * private-directory check (common/privdir.c), each rule refused on its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/privdir.h"
#include "common/safeio.h"
#include "tests/tests.h"

static char *tmp;
static int dirfd_;

static void setup(void)
{
	tmp = t_mkdtemp();
	dirfd_ = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ck_assert_int_ge(dirfd_, 0);
	al_safeio_force_fallback = false;
}

static void teardown(void)
{
	al_safeio_force_fallback = false;
	close(dirfd_);
	t_rmtree(tmp);
	free(tmp);
	tmp = NULL;
}

static int load(unsigned char **out, size_t *len, struct safe_file *f, const char *name,
		unsigned int flags, uint64_t cap)
{
	ck_assert_int_eq(al_safeio_load(out, len, f, dirfd_, name, flags, cap), 0);
	ck_assert_int_eq(f->fd, -1);
	if (f->why)
		ck_assert_ptr_null(*out);
	return f->why;
}

START_TEST(reads_whole_and_terminated)
{
	struct safe_file f;
	unsigned char *buf;
	size_t len;

	t_write(tmp, "a", "hello");
	for (int fallback = 0; fallback < 2; fallback++) {
		al_safeio_force_fallback = fallback;
		ck_assert_int_eq(
			load(&buf, &len, &f, "a", AL_SAFEIO_BENEATH | AL_SAFEIO_PRIVATE, 5),
			AL_SAFEIO_OK);
		ck_assert_uint_eq(len, 5);
		ck_assert_str_eq((char *)buf, "hello");
		free(buf);
	}
}
END_TEST

START_TEST(refuses_links_and_escapes)
{
	char *link = t_join(tmp, "link");
	struct safe_file f;
	unsigned char *buf;
	size_t len;

	t_write(tmp, "a", "x");
	ck_assert_int_eq(symlink("a", link), 0);
	ck_assert_int_eq(load(&buf, &len, &f, "link", 0, 10), AL_SAFEIO_OPEN_FAILED);
	ck_assert_int_eq(f.errnum, ELOOP);
	ck_assert_int_eq(load(&buf, &len, &f, "link", AL_SAFEIO_BENEATH, 10),
			 AL_SAFEIO_OPEN_FAILED);
	ck_assert_int_eq(f.errnum, ELOOP);
	ck_assert_int_eq(load(&buf, &len, &f, "../a", AL_SAFEIO_BENEATH, 10),
			 AL_SAFEIO_OPEN_FAILED);
	ck_assert_int_eq(f.errnum, EINVAL);
	ck_assert_int_eq(load(&buf, &len, &f, "missing", 0, 10), AL_SAFEIO_OPEN_FAILED);
	ck_assert_int_eq(f.errnum, ENOENT);
	free(link);
}
END_TEST

/* A FIFO is opened without blocking and refused on the descriptor. */
START_TEST(refuses_fifos_and_directories)
{
	char *fifo = t_join(tmp, "fifo");
	struct safe_file f;
	unsigned char *buf;
	size_t len;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	t_mkdirs(tmp, "d");
	ck_assert_int_eq(load(&buf, &len, &f, "fifo", 0, 10), AL_SAFEIO_NOT_REGULAR);
	ck_assert_int_eq(load(&buf, &len, &f, "d", 0, 10), AL_SAFEIO_NOT_REGULAR);
	free(fifo);
}
END_TEST

START_TEST(private_owner_and_mode)
{
	char *path = t_join(tmp, "a");
	struct safe_file f;
	unsigned char *buf;
	size_t len;

	t_write(tmp, "a", "x");
	ck_assert_int_eq(chmod(path, 0620), 0);
	ck_assert_int_eq(load(&buf, &len, &f, "a", AL_SAFEIO_PRIVATE, 10), AL_SAFEIO_WRITABLE);
	ck_assert_uint_eq(f.st.st_mode & 07777, 0620);
	ck_assert_int_eq(load(&buf, &len, &f, "a", 0, 10), AL_SAFEIO_OK);
	free(buf);
	if (geteuid() == 0) { /* only root can give a file away */
		ck_assert_int_eq(chmod(path, 0600), 0);
		ck_assert_int_eq(chown(path, 4242, 4242), 0);
		ck_assert_int_eq(load(&buf, &len, &f, "a", AL_SAFEIO_PRIVATE, 10),
				 AL_SAFEIO_NOT_OWNED);
		ck_assert_uint_eq(f.st.st_uid, 4242);
	}
	free(path);
}
END_TEST

/* Over the cap nothing is read at all; at the cap it is. */
START_TEST(cap_reads_nothing_over_it)
{
	struct safe_file f;
	unsigned char *buf;
	size_t len;

	t_write(tmp, "a", "12345");
	ck_assert_int_eq(load(&buf, &len, &f, "a", 0, 4), AL_SAFEIO_TOO_LARGE);
	ck_assert_int_eq(load(&buf, &len, &f, "a", 0, 5), AL_SAFEIO_OK);
	free(buf);
}
END_TEST

/* The file grew between fstat and read: not what was measured. */
START_TEST(change_while_read_is_caught)
{
	struct safe_file f;
	unsigned char *buf;
	int fd;

	t_write(tmp, "a", "12345");
	ck_assert_int_eq(al_safeio_open(&f, dirfd_, "a", 0), AL_SAFEIO_OK);
	fd = openat(dirfd_, "a", O_WRONLY | O_APPEND);
	ck_assert_int_eq(write(fd, "6", 1), 1);
	close(fd);
	ck_assert_int_eq(al_safeio_read(&buf, &f, 100), 0);
	ck_assert_int_eq(f.why, AL_SAFEIO_CHANGED);
	ck_assert_ptr_null(buf);
	al_safeio_close(&f);
}
END_TEST

/* --- private directories ---------------------------------------------------- */

START_TEST(privdir_checks_itself_and_above)
{
	char *parent = t_join(tmp, "parent"), *dir = t_join(parent, "priv");
	char *link = t_join(tmp, "link");
	int fd;

	ck_assert_int_eq(al_privdir_open(dir, "test dir", false), AIRLOCK_ENOTFOUND);
	ck_assert_int_eq(al_privdir_open("relative", "test dir", true), AIRLOCK_ERROR);
	fd = al_privdir_open(dir, "test dir", true);
	ck_assert_int_ge(fd, 0);
	close(fd);

	ck_assert_int_eq(chmod(dir, 0770), 0);
	ck_assert_int_eq(al_privdir_open(dir, "test dir", false), AIRLOCK_ERROR);
	ck_assert_ptr_nonnull(strstr(airlock_error_last(), "writable by group or others"));
	ck_assert_int_eq(chmod(dir, 0700), 0);

	ck_assert_int_eq(chmod(parent, 0777), 0);
	ck_assert_int_eq(al_privdir_open(dir, "test dir", false), AIRLOCK_ERROR);
	ck_assert_ptr_nonnull(strstr(airlock_error_last(), "above the test dir"));
	ck_assert_int_eq(chmod(parent, 0775), 0);
	ck_assert_int_eq(al_privdir_open(dir, "test dir", false), AIRLOCK_ERROR);
	ck_assert_int_eq(chmod(parent, 01777), 0); /* sticky, as /tmp: fine */
	fd = al_privdir_open(dir, "test dir", false);
	ck_assert_int_ge(fd, 0);
	close(fd);

	ck_assert_int_eq(symlink(dir, link), 0);
	ck_assert_int_eq(al_privdir_open(link, "test dir", false), AIRLOCK_ERROR);
	ck_assert_ptr_nonnull(strstr(airlock_error_last(), "symlink"));
	free(parent);
	free(dir);
	free(link);
}
END_TEST

Suite *safeio_suite(void)
{
	Suite *s = suite_create("safeio");
	TCase *tc = tcase_create("safeio");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reads_whole_and_terminated);
	tcase_add_test(tc, refuses_links_and_escapes);
	tcase_add_test(tc, refuses_fifos_and_directories);
	tcase_add_test(tc, private_owner_and_mode);
	tcase_add_test(tc, cap_reads_nothing_over_it);
	tcase_add_test(tc, change_while_read_is_caught);
	tcase_add_test(tc, privdir_checks_itself_and_above);
	suite_add_tcase(s, tc);
	return s;
}
