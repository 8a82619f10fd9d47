/* settings.h — typed settings with defaults in code, a county-wide value and
 * per-station overrides (issue 2; later issues put every [U] value of the
 * rule catalog here). */
#ifndef PS_DOMAIN_SETTINGS_H
#define PS_DOMAIN_SETTINGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

enum setting_type { SETTING_INT, SETTING_BOOL, SETTING_TEXT };

struct setting_def {
	const char *key;
	enum setting_type type;
	const char *def;       /* default, as text */
	int64_t min, max;      /* for ints */
	const char *label;     /* Chinese */
	const char *description;
	const char *rule;      /* rule id or NULL */
	int per_unit;          /* may a station override it */
};

/* The catalog (NULL-key terminated). */
extern const struct setting_def setting_defs[];

/* The definition of key, or NULL. */
const struct setting_def *setting_find(const char *key);

/* Effective integer value of key for unit_id (station override → county
 * value → default). On a storage error the default is returned and the error
 * is logged (settings must never break a request that only reads them). */
int64_t setting_int(struct ctx *c, const char *key, int64_t unit_id);

/* With the request's memo of settings (ctx.memo_settings) and the scope
 * (0: the county's) not read yet: *st is its statement, prepared and
 * bound, for the caller to run beside its own (db_run_all: one round trip
 * on PostgreSQL) and then hand to settings_memo_take, which reads its rows
 * into the memo and finalizes it, whatever the caller's answer. A store
 * error in either is logged, never the request's (as setting_int): the
 * scope is then asked key by key. *st is NULL when there is nothing to
 * read (settings_memo_take(NULL) does nothing). */
void settings_memo_prepare(struct ctx *c, int64_t unit_id, struct db_stmt **st);
void settings_memo_take(struct ctx *c, int64_t unit_id, struct db_stmt *st);

/* Effective text value of key for unit_id, as setting_int reads it (the
 * default on a storage error, logged); "" for an unknown key. The string is
 * in c's arena or static. */
const char *setting_text(struct ctx *c, const char *key, int64_t unit_id);

/* All settings with effective values for unit_id (0 = county-wide) as
 * {"items":[…]}. Admin only. */
int settings_list(struct ctx *c, int64_t unit_id, json_t **out);

/* Set key to value (a JSON scalar of the right type) for unit_id (0 =
 * county-wide). Admin only; validated against type and range; audited. */
int settings_put(struct ctx *c, const char *key, json_t *value,
		 int64_t unit_id, json_t **out);

#endif
