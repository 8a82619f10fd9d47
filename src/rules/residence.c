/* residence.c — the dates of a 居住证 (JZZ Art 2, 9, 10; see residence.h). */
#include "rules/residence.h"
#include "rules/catalog.h"
#include "rules/date.h"

int residence_half_year_met(int64_t registered, int64_t on)
{
	return on >= date_add_months(registered, rule_value(RULE_COM_RESCARD, 0));
}

int64_t residence_issue_last_day(int64_t accepted, int days)
{
	return accepted + days;
}

void residence_endorse_window(int64_t from, int64_t *opens, int64_t *due)
{
	*due = date_add_months(from, rule_value(RULE_COM_RESCARD_ENDORSE, 0));
	*opens = date_add_months(*due, -rule_value(RULE_COM_RESCARD_ENDORSE, 1));
}

enum residence_endorse_state residence_endorse_state(int64_t opens, int64_t due, int64_t today)
{
	if (today > due)
		return ENDORSE_OVERDUE;
	return today >= opens ? ENDORSE_DUE : ENDORSE_NOT_DUE;
}
