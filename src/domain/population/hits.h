/* hits.h — 比对命中 of the wanted-list comparison and their steps. */
#ifndef PS_DOMAIN_HITS_H
#define PS_DOMAIN_HITS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Hits of the scope, open first. */
int hits_list(struct ctx *c, int open_only, json_t **out);

/* 签收 → 核查 → 反馈 (closes): step is sign | check | close. */
int hits_step(struct ctx *c, int64_t id, const char *step, const char *feedback, json_t **out);

#endif
