/* arena.h — one memory pool per request (h2o's h2o_mem_pool_t). Everything a
 * request allocates comes from its arena and is freed at once when the
 * request ends. */
#ifndef PS_ARENA_H
#define PS_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used;  /* bytes handed out, for statistics */
};

/* Initialise an empty arena (no allocation). Cannot fail. */
void arena_init(struct arena *a);

/* Free every block of the arena; it may be used again afterwards. */
void arena_release(struct arena *a);

/* Return n bytes aligned to 16, zeroed, owned by the arena; NULL when out of
 * memory (the arena is unchanged). */
void *arena_alloc(struct arena *a, size_t n);

/* Copy the n bytes at s into the arena and NUL-terminate; NULL on failure. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Copy NUL-terminated s (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);

/* printf into a new arena string; NULL on failure. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
