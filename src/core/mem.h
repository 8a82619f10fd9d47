/* mem.h — every allocation of Precinct goes through these wrappers, so that
 * tests can make the N-th allocation fail (SQLite's pluggable malloc, curl's
 * torture tests). */
#ifndef PS_MEM_H
#define PS_MEM_H

#include <stddef.h>

/* malloc/realloc/free with failure injection. Return NULL on failure (real
 * or injected); ps_free(NULL) is a no-op. */
void *ps_malloc(size_t n);
void *ps_calloc(size_t count, size_t n);
void *ps_realloc(void *p, size_t n);
void ps_free(void *p);

/* Duplicate s (NUL-terminated) into a new ps_malloc block; NULL on failure. */
char *ps_strdup(const char *s);

/* Make allocation number n (counted from this call, 1-based) fail; with
 * persistent != 0 every allocation from then on fails. n = 0 disables. */
void ps_mem_fail_at(unsigned long n, int persistent);

/* How many allocations failed on the calling thread so far (injected or
 * real). A caller compares two readings to learn whether anything failed
 * in between — also where the code that failed went on regardless (an
 * ignored json_object_set_new). Cannot fail. */
unsigned long ps_mem_thread_failures(void);

/* How many allocations ps_mem_fail_at has made fail since the start. */
unsigned long ps_mem_failures(void);

/* Give the heap's free pages back to the system (malloc_trim(0) on glibc,
 * which returns free pages inside every thread's arena too; a no-op
 * elsewhere). A thread about to take a large block for a while calls it
 * first, so the process's peak is what is live plus that block, not what
 * every thread's arena once held. Costs a walk of the free lists (a few ms
 * on a grown heap). Cannot fail. */
void ps_mem_release(void);

/* Overwrite n bytes at p with zeros in a way the compiler may not remove
 * (sodium_memzero). Cannot fail. */
void ps_memzero(void *p, size_t n);

#endif
