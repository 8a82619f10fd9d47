/* trade_rules.c — the filing rule of a registration change and the offence
 * an inspection finding proposes (rules/trade_rules.h). */
#include "rules/trade_rules.h"

#include <string.h>

enum rule_id trade_change_rule(const char *trade_kind, const char *change_kind)
{
	if (!trade_kind || !change_kind)
		return RULE_COUNT;
	/* LG Art 4 ¶2: 歇业、转业、合并、迁移、改变名称等 — after the change of
	 * the business registration; the first licence is LG Art 4 ¶1's
	 * approval, not a filing (COM-HOTEL-VER) */
	if (!strcmp(trade_kind, "hotel"))
		return strcmp(change_kind, "licence") ? RULE_COM_HOTEL_CHANGE : RULE_COUNT;
	/* FJS Art 4: the licence and every change of what was filed */
	if (!strcmp(trade_kind, "scrap"))
		return RULE_COM_SCRAP_FILE;
	return RULE_COUNT;
}

static const struct {
	const char *kind, *unit, *offence;
	enum rule_id rule;
} findings[] = {
	/* ZA2025 Art 67 (OF-088 … OF-091) */
	{ "guest_unregistered", "hotel", "OF-088", RULE_COM_HOTEL_PEN },
	{ "dangerous_goods", "hotel", "OF-089", RULE_COM_HOTEL_PEN },
	{ "suspect_unreported", "hotel", "OF-090", RULE_COM_HOTEL_PEN },
	{ "crime_unreported", "hotel", "OF-091", RULE_COM_HOTEL_PEN },
	/* FJS Art 11 (OF-133 … OF-138) */
	{ "scrap_unfiled_production", "scrap", "OF-133", RULE_COM_SCRAP_PEN },
	{ "scrap_unfiled", "scrap", "OF-134", RULE_COM_SCRAP_PEN },
	{ "scrap_change_unfiled", "scrap", "OF-135", RULE_COM_SCRAP_PEN },
	{ "scrap_banned_site", "scrap", "OF-136", RULE_COM_SCRAP_PEN },
	{ "scrap_unrecorded", "scrap", "OF-137", RULE_COM_SCRAP_PEN },
	{ "scrap_banned_goods", "scrap", "OF-138", RULE_COM_SCRAP_PEN },
	/* NBZA Art 19: order to fix plus a warning; escalation after the deadline */
	{ "hazard", "internal_unit", NULL, RULE_COM_KEYUNIT_PEN },
	{ "other_finding", NULL, NULL, RULE_COUNT },
};

static int find(const char *kind)
{
	size_t i;

	for (i = 0; kind && i < sizeof(findings) / sizeof(findings[0]); i++)
		if (!strcmp(findings[i].kind, kind))
			return (int)i;
	return -1;
}

const char *trade_finding_unit(const char *finding_kind)
{
	int i = find(finding_kind);

	return i < 0 ? NULL : findings[i].unit;
}

const char *trade_finding_offence(const char *finding_kind)
{
	int i = find(finding_kind);

	return i < 0 ? NULL : findings[i].offence;
}

enum rule_id trade_finding_rule(const char *finding_kind)
{
	int i = find(finding_kind);

	return i < 0 ? RULE_COUNT : findings[i].rule;
}

const char *trade_finding_kind_at(int i)
{
	return i >= 0 && (size_t)i < sizeof(findings) / sizeof(findings[0]) ? findings[i].kind : NULL;
}

/* LG Art 4 ¶2 names 歇业、转业、合并、迁移、改变名称 "等"; FJS Art 4 the licence
 * and any change of what was filed */
static const char *const change_kinds[] = { "licence", "close", "change_trade", "merge", "move", "rename", "other_change" };

const char *trade_change_kind_at(int i)
{
	return i >= 0 && (size_t)i < sizeof(change_kinds) / sizeof(change_kinds[0]) ? change_kinds[i] : NULL;
}
