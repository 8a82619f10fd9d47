/* test_db_url.c — a PostgreSQL URL as it may be logged (store/db.h): the
 * password never shows, whether it is in the user info, badly encoded, or
 * a query parameter after a '@' of its own; and a driver's message that
 * repeats it is recognised. */
#include "store/db.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void safe(const char *url, const char *want)
{
	char buf[256];

	assert_string_equal(db_safe_name(url, buf, sizeof(buf)), want);
	assert_null(strstr(buf, "s3cret"));
}

static void test_safe_names(void **state)
{
	(void)state;
	safe("postgres://u:s3cret@h:5432/db", "postgres://u:***@h:5432/db");
	safe("postgresql://u:p%zzs3cret@h/db", "postgresql://u:***@h/db");
	/* a '@' in the query is not the user info's (it printed the rest,
	 * password included) */
	safe("postgres://h:5432/db?user=a@b&password=s3cret", "postgres://h:5432/db?…");
	safe("postgres://u@h/db?password=s3cret", "postgres://u@h/db?…");
	safe("postgres://h/db", "postgres://h/db");
	/* libpq's user info ends at the last '@' before the first '/': a raw
	 * '#' or '?' in the password is the password's */
	safe("postgresql://u:S3cr#s3cret@db/p", "postgresql://u:***@db/p");
	safe("postgresql://u:s3cret?x@db/p", "postgresql://***");
	/* no '/', a '?' before the '@': the '@' may be the query's */
	safe("postgres://h:5432?user=a@b&password=s3cret", "postgres://***");
	assert_string_equal(db_safe_name("/var/lib/precinct/x.db", NULL, 0), "/var/lib/precinct/x.db");
}

static void test_secret_in_messages(void **state)
{
	(void)state;
	assert_int_equal(db_url_secret_in("postgresql://u:p%zzs3cret@h/db",
					  "invalid percent-encoded token: \"p%zzs3cret\""),
			 1);
	assert_int_equal(db_url_secret_in("postgres://h/db?user=a@b&password=s3cret&x=1", "bad: s3cret"), 1);
	assert_int_equal(db_url_secret_in("postgres://u:s3cret@h/db", "connection refused"), 0);
	assert_int_equal(db_url_secret_in("postgres://u@h/db", "no password supplied"), 0);
	assert_int_equal(db_url_secret_in("x.db", "s3cret"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_names),
		cmocka_unit_test(test_secret_in_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
