/* clock_sources.c — the modules that start legal clocks: one row each. A
 * new module's deadlines are its own clocks function plus a row here; the
 * engine (clocks.c) and the catalog need no edit. */
#include "domain/clocks/clocks.h"
#include "domain/supervision/supervision.h"
#include "domain/archives/archives.h"
#include "domain/archives/inspections.h"
#include "domain/trades/trade_findings.h"
#include "domain/trades/trades.h"
#include "domain/incidents/dispatch_alerts.h"
#include "domain/team/monitors.h"
#include "domain/leadership/leader_tasks.h"
#include "domain/team/duty.h"
#include "domain/team/leave.h"
#include "domain/trades/hotel_guests.h"
#include "domain/trades/scrap_purchases.h"
#include "domain/trades/trade_reminders.h"
#include "domain/team/team_meetings.h"
#include "domain/team/rewards.h"

const struct clock_source clock_sources[] = {
	{ "measures", measures_clocks },   /* 强制措施 and their milestones */
	{ "cases", cases_clocks },         /* review, case limit, 备案, delivery, archiving */
	{ "property", property_clocks },   /* 涉案财物 hand-over */
	{ "incidents", incidents_clocks }, /* 有警无案 */
	{ "complaints", complaints_clocks },       /* 信访: notice, finish, 复查, 复核 */
	{ "return_visits", return_visits_clocks }, /* 案件回访 after closing */
	{ "appeals", appeals_clocks },             /* 复议 answer, 诉讼 evidence, 赔偿 decision */
	{ "loans", loans_clocks },         /* 档案借阅 due back (issue 15) */
	{ "inspections", inspections_clocks }, /* 网上巡查 findings answered (issue 15) */
	{ "key_persons", key_persons_clocks }, /* 重点人员见面 (issue 16) */
	{ "trades", trades_clocks },               /* 特种行业、内部单位: inspection cycle */
	{ "trade_findings", trade_findings_clocks }, /* 限期整改 of inspection findings */
	{ "dispatch_alerts", dispatch_alerts_clocks }, /* 派警指令未签收 (issue 17) */
	{ "conduct_monitors", monitors_clocks },    /* 警风警纪监督员意见 answered (issue 18) */
	{ "leader_tasks", leader_tasks_clocks },   /* 领导交办 due (issue 17) */
	{ "duty", duty_clocks },                   /* 值班表: a day without a 值班所领导 (issue 18) */
	{ "leaves", leave_clocks },                /* 请假: 假满未销假 (issue 18) */
	{ "hotel_guests", hotel_guests_clocks },   /* 境外旅客 24小时报送 (issue 16 gaps) */
	{ "scrap_purchases", scrap_purchases_clocks }, /* 可疑废旧金属 awaiting the police */
	{ "trade_reminders", trade_reminders_clocks }, /* 许可证到期, 重点单位演练 */
	{ "team_meetings", team_meetings_clocks }, /* 例会、集体学习未记录; 训练天数落后 (issue 18) */
	{ "sanction_appeals", rewards_clocks },    /* 停止执行职务、禁闭的申诉待决定 (TEAM-DC-APPEAL) */
	{ NULL, NULL },
};
