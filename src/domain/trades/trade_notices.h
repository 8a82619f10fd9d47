/* trade_notices.h — the 整改通知书 of an inspection (COM-KEYUNIT-CHECK, NBZA
 * Art 16: a hazard found is ordered fixed within a deadline, in writing). */
#ifndef PS_DOMAIN_TRADE_NOTICES_H
#define PS_DOMAIN_TRADE_NOTICES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The printable 整改通知书 of inspection id (trade.inspect in its unit's
 * scope). Its number ("<organ>公（限改）字〔year〕NNNNN号", the station's own
 * series of the year) is issued on the first call and kept: a reprint gives
 * the same number. The findings are those open, and those rectified since
 * the notice was issued; an inspection with no open finding and no notice
 * yet is a 409 NO_OPEN_FINDINGS. Answers {"notice":{doc_no, issued_on,
 * organ_name, station{name,address,phone}, unit{…}, inspected_on,
 * officers[], findings[], legal_basis{rule,source,text}, escalation}};
 * the first issue is audited (trade.rectification_notice), a reprint is an
 * audited read. On failure nothing is written. */
int trade_notices_rectification(struct ctx *c, int64_t id, json_t **out);

#endif
