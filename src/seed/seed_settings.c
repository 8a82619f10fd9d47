/* seed_settings.c — the demo county's own choices where the law leaves the
 * value open and Precinct leaves the setting unset until the county sets it:
 * the contact cycles of key persons by level (COM-ZD-LIST: no national
 * figure was found; 7, 30 and 90 days here), set by the administrator first
 * of all, as a county would before listing anyone. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/admin/settings.h"

static const struct {
	const char *key;
	int days;
} cycles[] = {
	{ "community.contact_days_strict", 7 },
	{ "community.contact_days_normal", 30 },
	{ "community.contact_days_watch", 90 },
};

int seed_demo_settings(struct ctx *c)
{
	int rc = auth_actor_load(c, "admin");

	for (size_t i = 0; i < sizeof(cycles) / sizeof(cycles[0]) && !rc; i++) {
		json_t *v = json_integer(cycles[i].days), *out = NULL;

		rc = v ? settings_put(c, cycles[i].key, v, 0, &out) : PS_ENOMEM;
		json_decref(v);
		json_decref(out);
	}
	return rc;
}

SEED_STEP(5, seed_demo_settings);
