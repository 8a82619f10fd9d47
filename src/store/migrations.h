/* migrations.h — the numbered SQL migrations compiled into the binary (the
 * generated migrations_data.c, made by cmake/embed.cmake from
 * src/store/migrations/). Name "NNN_what.sql" is portable SQL;
 * "NNN_what.sqlite.sql" / "NNN_what.pg.sql" hold what only one store needs
 * (triggers). */
#ifndef PS_MIGRATIONS_H
#define PS_MIGRATIONS_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *data;
	size_t size;
};

extern const struct embedded_file ps_migrations[];
extern const size_t ps_migrations_count;

#endif
