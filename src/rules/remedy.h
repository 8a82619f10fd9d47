/* remedy.h — the remedy notice (救济途径告知) a decision document prints
 * (issue 15). Pure: no I/O, no allocation.
 *   SUP-FY-BODY (行政复议法（2023修订）第24条第1款第1项、第4款): the 复议机关
 *     of a county bureau's act, and of a 派出所's act in its own name, is the
 *     本级人民政府 — never 上一级公安机关 (gone since 2024-01-01);
 *   SUP-FY-FIRST (第23条第1款第1项、第2款): a penalty decided 当场 goes to
 *     复议 first (复议前置), and the decision says so;
 *   the periods are SUP-FY-60 (60 days) and SUP-SS-6M (6 months; 15 days
 *     after a 复议 decision), read from the catalog. */
#ifndef PS_RULES_REMEDY_H
#define PS_RULES_REMEDY_H

#include <stddef.h>

#include "core/rc.h"

enum remedy_doc {
	REMEDY_DECISION,       /* 行政处罚决定书 */
	REMEDY_ONSPOT,         /* 当场处罚决定书: 复议前置 */
	REMEDY_ADMIN_DECLINE,  /* 不予立案通知书 of an administrative case */
};

/* SUP-FY-BODY: PS_OK when name may be printed as the 复议机关 — empty (left
 * blank to fill in) or a 人民政府 that is no police organ; else PS_ERULE with
 * the rule id and a Chinese message. err may be NULL. */
int remedy_organ_check(const char *name, struct ps_err *err);

/* The notice text of document kind for 复议机关 organ and court (either
 * may be NULL or empty: a blank line to fill in) into buf; returns buf,
 * truncated to n - 1 bytes at worst (n ≥ 1024 holds every notice). */
const char *remedy_notice(enum remedy_doc kind, const char *organ, const char *court, char *buf,
			  size_t n);

#endif
