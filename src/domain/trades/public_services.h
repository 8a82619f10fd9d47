/* services.h — 为民服务 (issue 16, part B): 法制教育课 (school, class,
 * audience), 法制宣传 (where, topic, audience, materials), 救助 (who was
 * helped, how, the incident), 便民服务 (证明 issued, consultations), and the
 * per-officer and station figures; 治安形势预报, a printable notice to a
 * village made from the incident figures of its area. */
#ifndef PS_DOMAIN_PUBLIC_SERVICES_H
#define PS_DOMAIN_PUBLIC_SERVICES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct public_service_input {
	const char *kind, *service_on, *place, *class_name, *topic, *materials, *person_helped, *help, *convenience,
		*notes;
	int64_t audience, quantity, incident_id;
};

/* Record a service by the actor (fields by kind; see the field table). */
int public_services_create(struct ctx *c, const struct public_service_input *in, json_t **out);

/* The services of the actor's scope in [from, to] (NULL = open), of kind
 * (NULL = all), newest first; audited. */
int public_services_list(struct ctx *c, const char *kind, const char *from, const char *to, json_t **out);

/* Per officer and for the station, in [from, to]: counts by kind, the
 * audience of classes and publicity, 证明 issued, consultations. */
int public_services_figures(struct ctx *c, const char *from, const char *to, json_t **out);

/* 治安形势预报 for community (a village or community name) over [from_on,
 * to_on]: the station's incidents whose community is it or whose place names
 * it, by category, against the period of the same length before; the notice
 * text is made and kept (never names a person or a 重点人口 category,
 * COM-ZD-INTERNAL). */
int public_services_forecast_create(struct ctx *c, const char *community, const char *from_on, const char *to_on,
			     json_t **out);
int public_services_forecast_list(struct ctx *c, json_t **out);
int public_services_forecast_get(struct ctx *c, int64_t id, json_t **out);

#endif
