#include "rules/case_flow.h"

#include <string.h>

/* Each row names the law that shapes the step: 受案/立案 ZA2025 Art 90 (ADM-ACCEPT-01),
 * XZCX Art 61 (PROC-ACCEPT-RECEIPT); 刑事立案 by the county chief XSCX Art 174/178
 * (CRIM-FILE-DECISION); 移送 XZCX Art 61 / XSCX Art 175; 调解 ZA2025 Art 9
 * (ADM-MEDIATE); 送达 ZA2025 Art 116 (ADM-DELIVER-2D); 当场处罚 ZA2025 Art 119–120;
 * 侦查终结 by the county chief XSCX Art 286 (CRIM-CLOSE). */
const struct flow_rule flow_rules[] = {
	{ "file", CASE_ACCEPTED, NULL, CASE_FILED, FLOW_OFFICER_OR_CHIEF, "ADM-ACCEPT-01", "立案" },
	{ "decline", CASE_ACCEPTED, NULL, CASE_DECLINED, FLOW_STATION_CHIEF, "PROC-ACCEPT-RECEIPT", "不予立案" },
	{ "transfer", CASE_ACCEPTED, CASE_FILED, CASE_TRANSFERRED, FLOW_STATION_CHIEF, "PROC-ACCEPT-RECEIPT", "移送" },
	{ "submit", CASE_FILED, NULL, CASE_APPROVING, FLOW_CASE_OFFICER, "ADM-NOTICE-RIGHTS", "呈请审批" },
	{ "approve", CASE_APPROVING, NULL, NULL, FLOW_APPROVER, NULL, "审批同意" },
	{ "reject", CASE_APPROVING, NULL, CASE_FILED, FLOW_APPROVER, NULL, "审批退回" },
	{ "onspot_decide", CASE_ACCEPTED, CASE_FILED, CASE_DECIDED, FLOW_CASE_OFFICER, "ADM-ONSPOT", "当场处罚决定" },
	{ "onspot_report", CASE_DECIDED, CASE_DELIVERED, NULL, FLOW_CASE_OFFICER, "ADM-ONSPOT", "当场处罚备案" },
	{ "deliver", CASE_DECIDED, NULL, CASE_DELIVERED, FLOW_CASE_OFFICER, "ADM-DELIVER-2D", "送达" },
	{ "close", CASE_DELIVERED, NULL, CASE_CLOSED, FLOW_OFFICER_OR_CHIEF, NULL, "结案" },
	{ "mediate", CASE_FILED, NULL, CASE_CLOSED, FLOW_CASE_OFFICER, "ADM-MEDIATE", "调解结案" },
	{ "conclude", CASE_FILED, NULL, CASE_CLOSED, FLOW_BUREAU_CHIEF, "CRIM-CLOSE", "侦查终结" },
	{ "withdraw", CASE_ACCEPTED, CASE_FILED, CASE_WITHDRAWN, FLOW_STATION_CHIEF, NULL, "撤销案件" },
	{ "archive", CASE_CLOSED, NULL, CASE_ARCHIVED, FLOW_RECORDS, NULL, "归档" },
	/* 补录: the chief approves a case entered after it was handled on paper */
	{ "approve_late", CASE_ACCEPTED, NULL, NULL, FLOW_STATION_CHIEF, NULL, "批准补录" },
	/* SUP-ECON: an economic dispute made a case waits for the 法制员's review */
	{ "econ_review", CASE_ACCEPTED, NULL, NULL, FLOW_STATION_LEGAL, "SUP-ECON", "经济纠纷法制审核" },
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL },
};

const struct flow_state flow_states[] = {
	{ CASE_ACCEPTED, "已受案" },	{ CASE_FILED, "已立案" },
	{ CASE_DECLINED, "不予立案" },	{ CASE_TRANSFERRED, "已移送" },
	{ CASE_APPROVING, "审批中" },	{ CASE_DECIDED, "已决定" },
	{ CASE_DELIVERED, "已送达" },	{ CASE_CLOSED, "已结案" },
	{ CASE_ARCHIVED, "已归档" },	{ CASE_WITHDRAWN, "已撤销" },
	{ NULL, NULL },
};

const struct flow_rule *flow_find(const char *action)
{
	for (const struct flow_rule *r = flow_rules; r->action; r++)
		if (strcmp(r->action, action) == 0)
			return r;
	return NULL;
}

const char *flow_state_label(const char *state)
{
	for (const struct flow_state *f = flow_states; f->state; f++)
		if (state && strcmp(f->state, state) == 0)
			return f->label;
	return state;
}

int flow_check(const char *action, const char *state, struct ps_err *err)
{
	const struct flow_rule *r = flow_find(action);

	if (!r)
		return ps_fail(err, PS_EINVAL, "UNKNOWN_ACTION", NULL, "未知的办案操作：%s",
			       action);
	if (strcmp(r->from, state) == 0 || (r->from2 && strcmp(r->from2, state) == 0))
		return PS_OK;
	return ps_fail(err, PS_ECONFLICT, "BAD_TRANSITION", NULL,
		       "案件当前状态为“%s”，不能进行“%s”", flow_state_label(state), r->label);
}

int flow_state_closed(const char *state)
{
	return strcmp(state, CASE_DECLINED) == 0 || strcmp(state, CASE_TRANSFERRED) == 0 ||
	       strcmp(state, CASE_CLOSED) == 0 || strcmp(state, CASE_ARCHIVED) == 0 ||
	       strcmp(state, CASE_WITHDRAWN) == 0;
}

int flow_state_investigating(const char *state)
{
	return strcmp(state, CASE_ACCEPTED) == 0 || strcmp(state, CASE_FILED) == 0;
}
