/* enums.c — the enumerated values and their Chinese words (enums.def). */
#include "domain/enums.h"

#include <string.h>

#define V(value, label) value,
#define ENUM_SET(id, name, rows) const char *const enums_values_##id[] = { rows NULL };
#include "domain/enums.def"
#include "collected/enums.inc"
#undef ENUM_SET
#undef V

#define V(value, label) label,
#define ENUM_SET(id, name, rows) static const char *const labels_##id[] = { rows NULL };
#include "domain/enums.def"
#include "collected/enums.inc"
#undef ENUM_SET
#undef V

static const struct {
	const char *name;
	const char *const *values, *const *labels;
} sets[ES_COUNT_] = {
#define V(value, label)
#define ENUM_SET(id, name, rows) [ES_##id] = { name, enums_values_##id, labels_##id },
#include "domain/enums.def"
#include "collected/enums.inc"
#undef ENUM_SET
#undef V
};

int enums_rank(enum enum_set s, const char *v)
{
	if ((unsigned)s >= ES_COUNT_ || !v)
		return -1;
	for (int i = 0; sets[s].values[i]; i++)
		if (strcmp(sets[s].values[i], v) == 0)
			return i;
	return -1;
}

int enums_valid(enum enum_set s, const char *v)
{
	return enums_rank(s, v) >= 0;
}

const char *enums_label(enum enum_set s, const char *v)
{
	int i = enums_rank(s, v);

	return i < 0 ? v : sets[s].labels[i];
}

const char *enums_value_of(enum enum_set s, const char *text)
{
	int i = enums_rank(s, text);

	if (i >= 0)
		return sets[s].values[i];
	if ((unsigned)s >= ES_COUNT_ || !text)
		return NULL;
	for (i = 0; sets[s].values[i]; i++)
		if (strcmp(sets[s].labels[i], text) == 0)
			return sets[s].values[i];
	return NULL;
}

const char *enums_name(enum enum_set s)
{
	return (unsigned)s < ES_COUNT_ ? sets[s].name : "";
}

static int named(const char *name, const char *const *names)
{
	if (!names)
		return 1;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

json_t *enums_json(void)
{
	return enums_json_of(NULL);
}

json_t *enums_json_of(const char *const *names)
{
	json_t *o = json_object();

	for (unsigned s = 0; o && s < ES_COUNT_; s++) {
		json_t *a;

		if (!named(sets[s].name, names))
			continue;
		a = json_array();

		for (int i = 0; a && sets[s].values[i]; i++)
			if (json_array_append_new(a, json_pack("{s:s, s:s}", "value", sets[s].values[i],
							       "label", sets[s].labels[i])))
				json_decref(a), a = NULL;
		if (!a || json_object_set_new(o, sets[s].name, a)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}
