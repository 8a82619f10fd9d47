/* case_facts.h — a case's 认定事实 (issue 15): the facts established, which
 * the 呈请报告, the 处罚前告知 and the 决定书 print. The case's officers edit
 * them while the case is investigated (受案, 立案); every change keeps the
 * old and the new text (case_facts_edit) and is audited with both. While
 * the request is with the approvers the submitted text stands (a rejection
 * reopens it), and after the decision the facts are fixed. */
#ifndef PS_DOMAIN_CASE_FACTS_H
#define PS_DOMAIN_CASE_FACTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/cases/cases.h"

/* PUT /cases/{id}/facts: set the facts (non-empty) with an optional
 * reason; *out is the case answer. 409 FACTS_LOCKED after the decision,
 * FACTS_IN_APPROVAL while approving. */
int case_facts_put(struct ctx *c, int64_t case_id, const char *facts, const char *reason, json_t **out);

/* Rule (a case officer's work, not a permission): may the actor edit the
 * facts of case k now — one of its officers, while it is investigated.
 * Cannot fail; the web shows the edit box by it. */
int case_facts_may_edit(struct ctx *c, const struct case_row *k);

/* Record facts as the case's at instant at (the officer's submission, an
 * edit): a history row with the old text when the text changes, and the
 * audit row. Nothing when the text is the same. */
int case_facts_record(struct ctx *c, const struct case_row *k, const char *facts, const char *reason,
		      int64_t at);

#endif
