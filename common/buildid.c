/*
 * buildid.c - the build ID note of the loaded object that holds this code,
 * found with dl_iterate_phdr: the segments of each loaded object are walked
 * until one contains the address of al_build_id itself.
 */
#include <elf.h>
#include <link.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common/buildid.h"

struct search {
	uintptr_t addr;
	const unsigned char *id;
	size_t len;
};

static bool contains(const struct dl_phdr_info *info, uintptr_t addr)
{
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD && addr >= start && addr - start < ph->p_memsz)
			return true;
	}
	return false;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* The NT_GNU_BUILD_ID note among the object's PT_NOTE segments. */
static void find_note(const struct dl_phdr_info *info, struct search *s)
{
	for (size_t i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		size_t left = ph->p_memsz;

		if (ph->p_type != PT_NOTE)
			continue;
		while (left >= sizeof(ElfW(Nhdr))) {
			const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)p;
			size_t name = align4(n->n_namesz), desc = align4(n->n_descsz);
			size_t size = sizeof(*n) + name + desc;

			if (name > left || desc > left || size > left)
				break;
			if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 &&
			    memcmp(p + sizeof(*n), "GNU", 4) == 0 && n->n_descsz > 0) {
				s->id = p + sizeof(*n) + name;
				s->len = n->n_descsz;
				return;
			}
			p += size;
			left -= size;
		}
	}
}

static int visit(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct search *s = arg;

	(void)size;
	if (!contains(info, s->addr))
		return 0;
	find_note(info, s);
	return 1;
}

bool al_build_id(char *out, size_t size)
{
	struct search s = { (uintptr_t)&al_build_id, NULL, 0 };

	dl_iterate_phdr(visit, &s);
	if (!s.id || s.len * 2 + 1 > size)
		return false;
	for (size_t i = 0; i < s.len; i++)
		snprintf(out + 2 * i, 3, "%02x", s.id[i]);
	return true;
}
