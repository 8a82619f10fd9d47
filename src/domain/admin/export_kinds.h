/* export_kinds.h — the table of exports and ledgers (台账): for each kind,
 * its title, the list it mirrors and the permissions, its columns and its
 * statement (export_kinds.c). exports.c makes, shapes and audits the rows
 * (exports.h). */
#ifndef PS_DOMAIN_ADMIN_EXPORT_KINDS_H
#define PS_DOMAIN_ADMIN_EXPORT_KINDS_H

#include "domain/authz.h"

/* A column of an export: its key in the rows, its header. */
struct export_col {
	const char *key;   /* column of the rows */
	const char *title; /* Chinese header */
};

struct export_kind {
	const char *kind, *title;
	enum authz_act list_act; /* the list the export mirrors */
	const struct export_col *cols;
	const char *object_type;
	const char *sql; /* one '?': the scope pattern */
	int ledger;              /* 台账: station header and a total row */
	const char *sum_key;     /* the column the total row sums, or NULL */
	enum authz_act export_act; /* the permission to export it */
	int sub_set;               /* 1 + the enum set its kind column takes: one ledger per kind (0: none) */
	const char *sub_suffix;    /* that ledger's title after the kind's word: 旅馆 + 业台账 */
};

/* The kind named so, or NULL. */
const struct export_kind *export_kinds_find(const char *kind);

#endif
