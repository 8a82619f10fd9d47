#include "rules/remedy.h"
#include "rules/catalog.h"

#include <stdio.h>
#include <string.h>

/* 1 … 99 in Chinese numerals (六十, 十五, 六); "" outside. */
static const char *cn_small(int v, char *out, size_t n)
{
	static const char *const d[10] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (v <= 0 || v > 99)
		snprintf(out, n, "%s", "");
	else if (v < 10)
		snprintf(out, n, "%s", d[v]);
	else
		snprintf(out, n, "%s十%s", v / 10 == 1 ? "" : d[v / 10], d[v % 10]);
	return out;
}

int remedy_organ_check(const char *name, struct ps_err *err)
{
	if (!name || !*name)
		return PS_OK;
	if (strstr(name, "公安") || !strstr(name, "人民政府"))
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", rule_get(RULE_SUP_FY_BODY)->code,
			       "行政复议机关应为作出行为的公安机关的本级人民政府（如“某县人民政府”）；"
			       "自2024年1月1日起不再向上一级公安机关申请行政复议（行政复议法第二十四条）");
	return PS_OK;
}

const char *remedy_notice(enum remedy_doc kind, const char *organ, const char *court, char *buf,
			  size_t n)
{
	char fy[16], ss[16], after[16];
	const char *o = organ && *organ ? organ : "＿＿＿＿＿＿人民政府";
	const char *k = court && *court ? court : "人民法院";

	cn_small(rule_value(RULE_SUP_FY_60, 0), fy, sizeof(fy));
	cn_small(rule_value(RULE_SUP_SS_6M, 0), ss, sizeof(ss));
	cn_small(rule_value(RULE_SUP_SS_6M, 1), after, sizeof(after));
	switch (kind) {
	case REMEDY_ONSPOT:
		/* SUP-FY-FIRST: 复议前置, said when the decision is made */
		snprintf(buf, n,
			 "被处罚人对本当场处罚决定不服的，应当先申请行政复议：可以自收到本决定书之日起%s日内向%s"
			 "申请行政复议，也可以通过作出本决定的公安机关提交行政复议申请；对行政复议决定不服的，"
			 "可以自收到行政复议决定书之日起%s日内依法向%s提起行政诉讼。未经行政复议，不得直接提起行政诉讼。"
			 "行政复议期间，本决定不停止执行（法律另有规定的除外）。",
			 fy, o, after, k);
		break;
	case REMEDY_ADMIN_DECLINE:
		snprintf(buf, n,
			 "如不服本决定，可以在收到本通知书之日起%s日内向%s申请行政复议，或者在%s个月内依法向%s提起行政诉讼。",
			 fy, o, ss, k);
		break;
	default:
		snprintf(buf, n,
			 "如不服本决定，可以在收到本决定书之日起%s日内向%s申请行政复议，或者在%s个月内依法向%s"
			 "提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行（法律另有规定的除外）。",
			 fy, o, ss, k);
	}
	return buf;
}
