/* fuzz_json_body.c — libFuzzer target for the JSON request-body path
 * (TRUST FUZ-1): json_parse_body, then the field readers a handler uses on
 * a login / user-create body. Checks the contracts of core/json.h, also
 * under a failing allocation. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/json.h"
#include "core/mem.h"
#include "fuzz_check.h"

static const char *const allowed_keys[] = { "username", "password",
					    "unit_id", "active", NULL };

/* A string handed out by json_get_str: at most max code points, no control
 * characters but \n and \t, not empty when required. */
static void check_str(const char *s, int required, size_t max)
{
	if (!s)
		return;
	FUZZ_CHECK(utf8_chars(s) <= max);
	FUZZ_CHECK(!required || *s);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		FUZZ_CHECK((*p >= 0x20 || *p == '\n' || *p == '\t') && *p != 0x7f);
}

static void check_err(const struct ps_err *err, int rc)
{
	FUZZ_CHECK(rc == PS_EINVAL || rc == PS_ENOMEM);
	FUZZ_CHECK(memchr(err->msg, '\0', sizeof(err->msg)) != NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* jansson allocates as in the server (sized blocks, wiped on free) */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	json_mem_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ps_err err;
	json_t *obj = (json_t *)&err; /* must be reset to NULL on failure */
	const char *s;
	int64_t i = 0;
	int b = 0, present = 0, rc;

	memset(&err, 0, sizeof(err));
	rc = json_parse_body((const char *)data, size, &obj, &err);
	if (rc) {
		FUZZ_CHECK(obj == NULL);
		check_err(&err, rc);
		return 0;
	}
	FUZZ_CHECK(json_is_object(obj));

	rc = json_only_keys(obj, allowed_keys, &err);
	if (rc)
		check_err(&err, rc);

	rc = json_get_str(obj, "username", 1, 32, &s, &err);
	if (rc)
		check_err(&err, rc);
	FUZZ_CHECK(rc ? s == NULL : s != NULL);
	check_str(s, 1, 32);

	rc = json_get_str(obj, "password", 0, 128, &s, &err);
	if (rc)
		check_err(&err, rc);
	check_str(s, 0, 128);

	rc = json_get_int(obj, "unit_id", 1, 1, INT64_MAX, &i, NULL, &err);
	if (rc)
		check_err(&err, rc);
	else
		FUZZ_CHECK(i >= 1);
	rc = json_get_int(obj, "unit_id", 0, INT64_MIN, INT64_MAX, &i, &present,
			  &err);
	if (rc)
		check_err(&err, rc);
	FUZZ_CHECK(!rc || !present);

	rc = json_get_bool(obj, "active", 1, &b, NULL, &err);
	if (rc)
		check_err(&err, rc);
	rc = json_get_bool(obj, "active", 0, &b, &present, &err);
	if (rc)
		check_err(&err, rc);
	else if (present)
		FUZZ_CHECK(b == 0 || b == 1);

	/* under allocation failure the same body parses whole or not at all
	 * (PS_ENOMEM), and renders whole or not at all: never a value or a
	 * text with a character missing (jansson 2.14 gives those) */
	{
		unsigned long n = 1 + (unsigned long)(size * 7 + (size ? data[0] : 0)) % 48;
		json_t *again = NULL;
		char *want = json_render(obj, JSON_COMPACT | JSON_SORT_KEYS), *got;

		FUZZ_CHECK(want != NULL);
		ps_mem_fail_at(n, 0);
		rc = json_parse_body((const char *)data, size, &again, &err);
		ps_mem_fail_at(0, 0);
		FUZZ_CHECK(rc == PS_OK || rc == PS_ENOMEM);
		FUZZ_CHECK(rc ? again == NULL : json_equal(again, obj));
		ps_mem_fail_at(n, 0);
		got = json_render(obj, JSON_COMPACT | JSON_SORT_KEYS);
		ps_mem_fail_at(0, 0);
		FUZZ_CHECK(got == NULL || strcmp(got, want) == 0);
		json_mem_free(got);
		json_mem_free(want);
		json_decref(again);
	}
	json_decref(obj);
	return 0;
}
