/*
 * fuzz_state.c - the memory scan's state parser: any bytes either fail to
 * parse or give a state whose serialization parses to the same text again.
 */
#include <stdlib.h>
#include <string.h>

#include "memory/state.h"
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state st, back;
	char *text = NULL, *again = NULL;
	size_t len, len2;

	if (al_state_parse(&st, data, size) != 0)
		return 0;
	if (al_state_serialize(&text, &len, &st) != 0)
		abort();
	if (al_state_parse(&back, (const unsigned char *)text, len) != 0 || back.count != st.count)
		abort();
	for (size_t i = 0; i < st.count; i++)
		if (strcmp(st.v[i].path, back.v[i].path) != 0 ||
		    st.v[i].fs.count != back.v[i].fs.count ||
		    al_state_find(&back, st.v[i].path) == NULL)
			abort();
	if (al_state_serialize(&again, &len2, &back) != 0 || len2 != len ||
	    memcmp(text, again, len))
		abort();
	free(text);
	free(again);
	al_state_free(&st);
	al_state_free(&back);
	return 0;
}
