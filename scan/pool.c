/*
 * pool.c - scanning many entries on every core, the largest first.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common/error.h"
#include "common/limits.h"
#include "scan/pool.h"

struct pool {
	struct scan_item *items;
	size_t *order; /* by size, largest first: no thread is left with a big
			* file at the end while the others idle */
	size_t n, next, done;
	uint64_t bytes;
	const struct yara_set *ys;
	const struct scan_pool_options *po;
	pthread_mutex_t lock;
	int error;
	char message[512];
};

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		struct scan_item *it;
		int error;

		pthread_mutex_lock(&p->lock);
		if (p->error || p->next == p->n) {
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		it = &p->items[p->order ? p->order[p->next] : p->next];
		p->next++;
		pthread_mutex_unlock(&p->lock);
		error = al_scan_entry_into(&it->fs, &it->scanned, p->ys, it->snap, it->e, it->shown,
					   p->po->timeout);
		pthread_mutex_lock(&p->lock);
		if (error < 0 && !p->error) {
			p->error = error;
			/* the message is this thread's; the caller's thread reports it */
			snprintf(p->message, sizeof(p->message), "%s", airlock_error_last());
		}
		p->done++;
		p->bytes += it->e->data_len;
		if (p->po->progress && !p->error &&
		    p->po->progress(p->done, p->n, p->bytes, p->po->progress_payload) != 0) {
			p->error = AIRLOCK_EUSER;
			snprintf(p->message, sizeof(p->message),
				 "the scan was cancelled by its progress callback");
		}
		pthread_mutex_unlock(&p->lock);
	}
}

static int larger_first(const void *a, const void *b, void *arg)
{
	const struct scan_item *items = arg;
	uint64_t la = items[*(const size_t *)a].e->data_len;
	uint64_t lb = items[*(const size_t *)b].e->data_len;

	if (la != lb)
		return la < lb ? 1 : -1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static unsigned int thread_count(const struct scan_pool_options *po, size_t work)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = po->threads ? po->threads : (cores > 0 ? (size_t)cores : 1);

	if (n > LIMIT_SCAN_THREADS)
		n = LIMIT_SCAN_THREADS;
	if (n > work)
		n = work;
	return (unsigned int)(n ? n : 1);
}

int al_scan_pool_run(struct scan_item *items, size_t n, const struct yara_set *ys,
		     const struct scan_pool_options *po)
{
	struct pool p = { 0 };
	pthread_t tids[LIMIT_SCAN_THREADS];
	unsigned int want = thread_count(po, n), started = 0;

	p.items = items;
	p.n = n;
	p.ys = ys;
	p.po = po;
	pthread_mutex_init(&p.lock, NULL);
	/* without the order (no memory for it) the files go in their order */
	if (n > 1 && (p.order = malloc(n * sizeof(*p.order)))) {
		for (size_t i = 0; i < n; i++)
			p.order[i] = i;
		qsort_r(p.order, n, sizeof(*p.order), larger_first, items);
	}
	if (want > 1)
		for (; started < want; started++)
			if (pthread_create(&tids[started], NULL, worker, &p) != 0)
				break;
	if (started == 0)
		worker(&p); /* one file, one core, or no thread to be had: here */
	for (unsigned int i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(p.order);
	pthread_mutex_destroy(&p.lock);
	if (p.error)
		return al_error_set(p.error, "%s", p.message);
	return 0;
}
