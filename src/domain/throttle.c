/* throttle.c — failure counters by key in a window, in memory (see throttle.h). */
#include "domain/throttle.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THROTTLE_SLOTS 4096 /* per table; a power of two */
#define THROTTLE_PROBE 8    /* slots a key may use */
#define THROTTLE_KEY 64     /* longest key kept (longer keys are cut) */

struct slot {
	char key[THROTTLE_KEY];
	int64_t start; /* first failure of the window */
	int failures;
};

static struct slot tables[THROTTLE_NKINDS][THROTTLE_SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned key_hash(const char *key)
{
	unsigned h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

/* The slot holding key, or NULL. Called with lock held. */
static struct slot *find(struct slot *t, const char *key, unsigned h)
{
	for (unsigned i = 0; i < THROTTLE_PROBE; i++) {
		struct slot *s = &t[(h + i) & (THROTTLE_SLOTS - 1)];

		if (s->failures > 0 && strncmp(s->key, key, THROTTLE_KEY - 1) == 0)
			return s;
	}
	return NULL;
}

/* A slot for a new key: a free one, else one whose window ended, else the
 * oldest window among the key's slots. Called with lock held. */
static struct slot *take(struct slot *t, unsigned h, int64_t now, int64_t window_s)
{
	struct slot *oldest = NULL;

	for (unsigned i = 0; i < THROTTLE_PROBE; i++) {
		struct slot *s = &t[(h + i) & (THROTTLE_SLOTS - 1)];

		if (s->failures <= 0 || now - s->start >= window_s || now < s->start)
			return s;
		if (!oldest || s->start < oldest->start)
			oldest = s;
	}
	return oldest;
}

int throttle_retry_after(enum throttle_kind kind, const char *key, int64_t now,
			 int max, int64_t window_s)
{
	struct slot *s;
	int64_t left = 0;

	if (!key || !*key || kind >= THROTTLE_NKINDS || max <= 0)
		return 0;
	pthread_mutex_lock(&lock);
	s = find(tables[kind], key, key_hash(key));
	if (s && s->failures >= max && now >= s->start && now - s->start < window_s)
		left = s->start + window_s - now;
	pthread_mutex_unlock(&lock);
	return (int)left;
}

int throttle_fail(enum throttle_kind kind, const char *key, int64_t now, int64_t window_s)
{
	struct slot *s;
	unsigned h;
	int n;

	if (!key || !*key || kind >= THROTTLE_NKINDS)
		return 0;
	h = key_hash(key);
	pthread_mutex_lock(&lock);
	s = find(tables[kind], key, h);
	if (!s) {
		s = take(tables[kind], h, now, window_s);
		snprintf(s->key, sizeof(s->key), "%s", key);
		s->failures = 0;
	}
	if (s->failures <= 0 || now < s->start || now - s->start >= window_s) {
		s->start = now;
		s->failures = 0;
	}
	n = ++s->failures;
	pthread_mutex_unlock(&lock);
	return n;
}

void throttle_reset(void)
{
	pthread_mutex_lock(&lock);
	memset(tables, 0, sizeof(tables));
	pthread_mutex_unlock(&lock);
}
