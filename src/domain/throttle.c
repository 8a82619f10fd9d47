/* throttle.c — failure counters by key in a window, in memory (see throttle.h). */
#include "domain/throttle.h"
#include "core/crypto.h"

#include <arpa/inet.h>
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

/* Keyed (SipHash under a per-process random key): no one can choose keys
 * that crowd one key's slots. */
static unsigned key_hash(const char *key)
{
	return (unsigned)crypto_keyed_hash(key);
}

/* An IPv6 client counts by its /64 (one subscriber's whole prefix), an
 * IPv4 one by its address; other keys as they are. */
static const char *addr_key(enum throttle_kind kind, const char *key, char buf[INET6_ADDRSTRLEN])
{
	unsigned char a[16];

	if (kind == THROTTLE_PROGRESS_CODE || kind == THROTTLE_TOTP_USER || !strchr(key, ':') || inet_pton(AF_INET6, key, a) != 1)
		return key;
	memset(a + 8, 0, 8);
	return inet_ntop(AF_INET6, a, buf, INET6_ADDRSTRLEN) ? buf : key;
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
 * one with the fewest failures among the key's slots (a partial count is
 * the least to lose; with keyed positions no one can aim at a key's slots).
 * Called with lock held. */
static struct slot *take(struct slot *t, unsigned h, int64_t now, int64_t window_s)
{
	struct slot *least = NULL;

	for (unsigned i = 0; i < THROTTLE_PROBE; i++) {
		struct slot *s = &t[(h + i) & (THROTTLE_SLOTS - 1)];

		if (s->failures <= 0 || now - s->start >= window_s || now < s->start)
			return s;
		if (!least || s->failures < least->failures)
			least = s;
	}
	return least;
}

int throttle_retry_after(enum throttle_kind kind, const char *key, int64_t now,
			 int max, int64_t window_s)
{
	struct slot *s;
	int64_t left = 0;
	char buf[INET6_ADDRSTRLEN];

	if (!key || !*key || kind >= THROTTLE_NKINDS || max <= 0)
		return 0;
	key = addr_key(kind, key, buf);
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
	char buf[INET6_ADDRSTRLEN];

	if (!key || !*key || kind >= THROTTLE_NKINDS)
		return 0;
	key = addr_key(kind, key, buf);
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
