/*
 * fuzz_state.c - the memory scan's state parser: any bytes either fail to
 * parse or give a state whose serialization parses to the same text again.
 * Each input is tried as it is and with a matching closing digest appended,
 * so that the records behind the digest are reached too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory/state.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const unsigned char *data, size_t size)
{
	struct state st, back;
	char *text = NULL, *again = NULL;
	size_t len, len2, dropped;

	if (al_state_parse(&st, data, size) != 0)
		return;
	if (al_state_serialize(&text, &len, &dropped, &st, LIMIT_STATE_BYTES) != 0 || dropped)
		abort();
	if (al_state_parse(&back, (const unsigned char *)text, len) != 0 ||
	    back.count != st.count || back.rules.count != st.rules.count ||
	    strcmp(back.rules.version, st.rules.version))
		abort();
	for (size_t i = 0; i < st.count; i++)
		if (strcmp(st.v[i].path, back.v[i].path) != 0 ||
		    st.v[i].fs.count != back.v[i].fs.count ||
		    st.v[i].verdict != back.v[i].verdict ||
		    al_state_find(&back, st.v[i].path) == NULL)
			abort();
	if (al_state_serialize(&again, &len2, &dropped, &back, LIMIT_STATE_BYTES) != 0 ||
	    len2 != len || memcmp(text, again, len))
		abort();
	free(text);
	free(again);
	al_state_free(&st);
	al_state_free(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char digest[SHA256_HEX_LEN + 1];
	unsigned char *sealed;

	round_trip(data, size);
	if (size > 1u << 20 || al_hash_sha256_hex(digest, data, size) != 0 ||
	    !(sealed = malloc(size + 4 + SHA256_HEX_LEN + 1)))
		return 0;
	memcpy(sealed, data, size);
	memcpy(sealed + size, "end\t", 4);
	memcpy(sealed + size + 4, digest, SHA256_HEX_LEN);
	sealed[size + 4 + SHA256_HEX_LEN] = '\n';
	round_trip(sealed, size + 4 + SHA256_HEX_LEN + 1);
	free(sealed);
	return 0;
}
