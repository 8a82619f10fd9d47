/* clock_sources.c — the modules that start legal clocks: one row each. A
 * new module's deadlines are its own clocks function plus a row here; the
 * engine (clocks.c) and the catalog need no edit. */
#include "domain/clocks/clocks.h"
#include "domain/trades/trade_findings.h"
#include "domain/trades/trades.h"

const struct clock_source clock_sources[] = {
	{ "measures", measures_clocks },   /* 强制措施 and their milestones */
	{ "cases", cases_clocks },         /* review, case limit, 备案, delivery, archiving */
	{ "property", property_clocks },   /* 涉案财物 hand-over */
	{ "incidents", incidents_clocks }, /* 有警无案 */
	{ "trades", trades_clocks },               /* 特种行业、内部单位: inspection cycle */
	{ "trade_findings", trade_findings_clocks }, /* 限期整改 of inspection findings */
	{ NULL, NULL },
};
