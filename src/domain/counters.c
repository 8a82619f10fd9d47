/* counters.c — see counters.h. */
#include "domain/counters.h"
#include "domain/rows.h"

int counters_next_doc(struct ctx *c, int64_t unit, const char *kind, int year, int64_t *seq)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, unit);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, year);
	/* one statement, one round trip on PostgreSQL: the upsert returns
	 * the number it made */
	return rows_int(&q,
			"INSERT INTO doc_counter(unit_id, kind, doc_year, next_seq) VALUES (?,?,?,1)"
			" ON CONFLICT (unit_id, kind, doc_year) DO UPDATE SET next_seq = doc_counter.next_seq + 1"
			" RETURNING next_seq",
			0, seq);
}
