/* fields.c — `precinct fields`: every route's request fields (name, type,
 * required, length or range, allowed values) as JSON, from the field tables
 * the handlers bind with (api/fields.h). tests/lint/openapi_fields.py checks
 * docs/openapi.yaml against it. */
#include "api/fields.h"
#include "cli/cli.h"
#include "core/json.h"

#include <stdio.h>

static const char usage[] = "usage: precinct fields\n"
			    "  print every route's request fields as JSON (from the field tables)\n";

int cmd_fields(int argc, char **argv)
{
	static const char *const spec[] = { NULL };
	const char *values[1] = { NULL };
	json_t *all;
	char *text;
	int npos, rc;

	rc = cli_options(argc, argv, spec, values, NULL, 0, &npos, usage);
	if (rc)
		return rc == 1 ? 0 : rc;
	all = fields_routes_json();
	text = all ? json_render(all, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(all);
	if (!text) {
		fputs("precinct fields: out of memory\n", stderr);
		return 1;
	}
	puts(text);
	json_mem_free(text);
	return 0;
}
