/* trade_rules.h — which rule governs a special trade's registration change
 * and which offence an inspection finding proposes (issue 16 gaps). Pure:
 * no I/O, no allocation.
 *   COM-HOTEL-CHANGE (旅馆业治安管理办法第4条第2款): a hotel files its
 *     closing, change of trade, merger, move or new name within 3 days;
 *   COM-SCRAP-FILE (废旧金属收购业治安管理办法第4条): a scrap buyer files
 *     within 15 days of its business licence and of each change;
 *   COM-HOTEL-PEN (治安管理处罚法（2025修订）第67条): OF-088 … OF-091;
 *   COM-SCRAP-PEN (废旧金属收购业治安管理办法第11条): OF-133 … OF-138;
 *   COM-KEYUNIT-PEN (企业事业单位内部治安保卫条例第19条): a hazard at an
 *     internal unit, no offence code of its own. */
#ifndef PS_RULES_TRADE_RULES_H
#define PS_RULES_TRADE_RULES_H

#include "rules/catalog.h"

/* The rule whose period a change of change_kind (enum trade_change_kind)
 * at a unit of trade_kind (enum special_trade_kind) is filed in; RULE_COUNT when the
 * law sets no filing for it (another kind of unit, or a first licence of a
 * hotel). Either argument may be NULL (RULE_COUNT). Cannot fail. */
enum rule_id trade_change_rule(const char *trade_kind, const char *change_kind);

/* The kind of unit a finding of finding_kind (enum trade_finding_kind)
 * belongs to: "hotel", "scrap", "internal_unit" (a category), or NULL when any
 * unit. NULL for an unknown kind too. Cannot fail. */
const char *trade_finding_unit(const char *finding_kind);

/* The offence code ("OF-088") a finding of finding_kind proposes, or NULL
 * when none. Cannot fail. */
const char *trade_finding_offence(const char *finding_kind);

/* The rule a finding of finding_kind cites (COM-HOTEL-PEN, COM-SCRAP-PEN,
 * COM-KEYUNIT-PEN) or RULE_COUNT. Cannot fail. */
enum rule_id trade_finding_rule(const char *finding_kind);

/* The i-th kind of registration change (enum trade_change_kind, in the
 * order the forms show them), or NULL past the end. Cannot fail. */
const char *trade_change_kind_at(int i);

/* The i-th finding kind of the table (in the order the forms show them),
 * or NULL when i is past the end. Cannot fail. */
const char *trade_finding_kind_at(int i);

#endif
