/* test_jw.c — src/core/jw: the JSON writer gives, byte for byte, what
 * json_render(…, JSON_COMPACT) gives for the same tree (every control
 * character, quotes, backslash, Chinese, a 4-byte character, empty and
 * nested containers, the int64 ends), and refuses what jansson refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/json.h"
#include "core/jw.h"
#include "core/mem.h"
#include "core/rc.h"

static void same(struct jw *w, json_t *tree)
{
	char *want = json_render(tree, JSON_COMPACT);
	size_t len;
	const char *got;

	assert_non_null(want);
	assert_int_equal(jw_rc(w), PS_OK);
	got = jw_text(w, &len);
	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
	json_mem_free(want);
	json_decref(tree);
	jw_release(w);
}

static void test_strings_as_jansson(void **state)
{
	char all[64];
	const char *cases[] = { "", "plain", "quote \" backslash \\ slash /", "城关派出所行〔2026〕00001号",
				"（保密）", "emoji \xF0\x9F\x98\x80 end", "tab\tnl\ncr\rbs\bff\f", "\x7F del", all };
	struct jw w;
	json_t *o = json_object(), *a = json_array();
	size_t i;

	(void)state;
	for (i = 0; i < 31; i++)
		all[i] = (char)(i + 1); /* every control character but NUL */
	all[31] = '\0';
	jw_init(&w, 1 << 20);
	jw_obj(&w, NULL);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char key[16];

		snprintf(key, sizeof(key), "k%zu", i);
		jw_str(&w, key, cases[i]);
		json_object_set_new(o, key, json_string(cases[i]));
	}
	jw_str(&w, "key \"\x01\" 键", "v");
	json_object_set_new(o, "key \"\x01\" 键", json_string("v"));
	/* keys of every length around the one-piece limit (62 bytes), the
	 * empty one among them (it is a JSON object's key too) */
	for (i = 0; i <= 70; i++) {
		char key[72];

		memset(key, 'a' + (int)(i % 26), i);
		key[i] = '\0';
		if (i > 0)
			key[0] = 'L';
		jw_int(&w, key, (int64_t)i);
		json_object_set_new(o, key, json_integer((json_int_t)i));
	}
	jw_arr(&w, "list");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		jw_str(&w, NULL, cases[i]);
		json_array_append_new(a, json_string(cases[i]));
	}
	jw_end_arr(&w);
	json_object_set_new(o, "list", a);
	jw_end_obj(&w);
	same(&w, o);
}

/* an object whose first key must be escaped: no comma before it, and
 * the escaped key's comma after it */
static void test_escaped_first_key(void **state)
{
	struct jw w;
	json_t *o = json_object();

	(void)state;
	jw_init(&w, 4096);
	jw_obj(&w, NULL);
	jw_str(&w, "键\n", "first");
	json_object_set_new(o, "键\n", json_string("first"));
	jw_str(&w, "\"q\"", "second");
	json_object_set_new(o, "\"q\"", json_string("second"));
	jw_int(&w, "plain", 3);
	json_object_set_new(o, "plain", json_integer(3));
	jw_end_obj(&w);
	same(&w, o);
}

/* a number given as text: as it is when it is a JSON number, else null */
static void test_number_text(void **state)
{
	static const char *const good[] = { "0", "-0", "37.871234", "112.548765", "1e+20", "-1.5E-7", "10", NULL };
	static const char *const bad[] = { "Inf", "-Inf", "NaN", "Infinity", "", "01", "1.", ".5", "1e", "+1", "1 ", NULL };
	struct jw w;
	size_t len;

	(void)state;
	for (int i = 0; good[i]; i++) {
		jw_init(&w, 256);
		jw_number(&w, NULL, good[i]);
		assert_string_equal(jw_text(&w, &len), good[i]);
		jw_release(&w);
	}
	for (int i = 0; bad[i]; i++) {
		jw_init(&w, 256);
		jw_number(&w, NULL, bad[i]);
		assert_string_equal(jw_text(&w, &len), "null");
		jw_release(&w);
	}
	jw_init(&w, 256);
	jw_obj(&w, NULL);
	jw_number(&w, "lat", "37.871234");
	jw_number(&w, "lng", NULL);
	jw_end_obj(&w);
	assert_string_equal(jw_text(&w, &len), "{\"lat\":37.871234,\"lng\":null}");
	jw_release(&w);
}

static void test_values_and_nesting(void **state)
{
	struct jw w;
	json_t *o;

	(void)state;
	jw_init(&w, 4096);
	jw_obj(&w, NULL);
	jw_int(&w, "zero", 0);
	jw_int(&w, "min", INT64_MIN);
	jw_int(&w, "max", INT64_MAX);
	jw_int(&w, "neg", -42);
	jw_bool(&w, "t", 1);
	jw_bool(&w, "f", 0);
	jw_null(&w, "n");
	jw_str(&w, "s", NULL);
	jw_obj(&w, "empty_obj");
	jw_end_obj(&w);
	jw_arr(&w, "empty_arr");
	jw_end_arr(&w);
	jw_arr(&w, "rows");
	jw_obj(&w, NULL);
	jw_int(&w, "id", 1);
	jw_arr(&w, "in");
	jw_arr(&w, NULL);
	jw_end_arr(&w);
	jw_int(&w, NULL, 2);
	jw_end_arr(&w);
	jw_end_obj(&w);
	jw_obj(&w, NULL);
	jw_end_obj(&w);
	jw_end_arr(&w);
	jw_end_obj(&w);
	o = json_pack("{s:i, s:I, s:I, s:i, s:b, s:b, s:n, s:n, s:{}, s:[], s:[{s:i, s:[[], i]}, {}]}", "zero", 0,
		      "min", (json_int_t)INT64_MIN, "max", (json_int_t)INT64_MAX, "neg", -42, "t", 1, "f", 0, "n",
		      "s", "empty_obj", "empty_arr", "rows", "id", 1, "in", 2);
	assert_non_null(o);
	same(&w, o);
}

static void test_refusals(void **state)
{
	const char *bad[] = { "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8", "\x80", "\xFF",
			      "\xE0\x80\x80", "\xF0\x80\x80\x80" };
	struct jw w;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(json_string(bad[i])); /* jansson refuses it too */
		jw_init(&w, 64);
		jw_arr(&w, NULL);
		jw_str(&w, NULL, bad[i]);
		jw_int(&w, NULL, 1); /* nothing after a failure */
		assert_int_equal(jw_rc(&w), PS_EINVAL);
		jw_release(&w);
	}
	jw_init(&w, 8); /* the cap */
	jw_str(&w, NULL, "0123456789");
	assert_int_equal(jw_rc(&w), PS_ETOOBIG);
	jw_release(&w);
	jw_init(&w, 64); /* an end without its opening */
	jw_end_obj(&w);
	assert_int_equal(jw_rc(&w), PS_EINVAL);
	jw_release(&w);
	jw_init(&w, 4096); /* too deep */
	for (i = 0; i <= JW_MAX_DEPTH; i++)
		jw_arr(&w, NULL);
	assert_int_equal(jw_rc(&w), PS_EINVAL);
	jw_release(&w);
	ps_mem_fail_at(1, 0); /* the first allocation fails */
	jw_init(&w, 4096);
	jw_str(&w, NULL, "x");
	assert_int_equal(jw_rc(&w), PS_ENOMEM);
	ps_mem_fail_at(0, 0);
	jw_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_as_jansson),
		cmocka_unit_test(test_escaped_first_key),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_values_and_nesting),
		cmocka_unit_test(test_refusals),
	};

	json_mem_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
