/* clock_sources.c — the modules that start legal clocks. Each area lists its
 * own in src/domain/<area>/clocks.def (CLOCK_SOURCE(name, function, the
 * action that guards reading its records)); the
 * build collects those files (cmake/collect.cmake → collected/clocks.inc), so
 * a new module's deadlines are its own clocks function plus a row in its
 * area's file: the engine (clocks.c), this file and the catalog need no
 * edit. */
#include "domain/clocks/clocks.h"
#include "domain/authz.h"

#define CLOCK_SOURCE(name, fn, act) int fn(struct clock_sink *k, enum clock_scope s);
#include "collected/clocks.inc"
#undef CLOCK_SOURCE

const struct clock_source clock_sources[] = {
#define CLOCK_SOURCE(name, fn, act) { name, fn, act },
#include "collected/clocks.inc"
#undef CLOCK_SOURCE
	{ NULL, NULL, 0 },
};
