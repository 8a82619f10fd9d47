/* api_static.c — the built web files on a slow county link (issue 14): the
 * build writes FILE.br and FILE.gz beside each text file (web/vite.config.js)
 * and the server sends the copy the browser's Accept-Encoding allows, with
 * Content-Encoding and Vary: Accept-Encoding, keeping the immutable caching
 * of /assets/; without an acceptable coding, or without a copy, the file
 * itself. A copy is never served under its own name.
 *
 * The fixture writes marker texts as the "compressed" copies (the server
 * does not look inside them), so every answer shows which file was sent. */
#include "harness.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void put(struct server *srv, const char *rel, const char *text)
{
	const char *path = fmt(srv, "%s/%s", srv->web, rel);
	FILE *f = fopen(path, "w");

	if (!f)
		fail_msg("create %s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
}

static void fixture(struct server *srv)
{
	assert_int_equal(mkdir(fmt(srv, "%s/assets", srv->web), 0700), 0);
	put(srv, "assets/app.js", "PLAIN-JS");
	put(srv, "assets/app.js.br", "BROTLI-JS");
	put(srv, "assets/app.js.gz", "GZIP-JS");
	put(srv, "assets/only-gz.css", "PLAIN-CSS");
	put(srv, "assets/only-gz.css.gz", "GZIP-CSS");
	put(srv, "assets/plain.js", "PLAIN-ONLY");
	put(srv, "assets/logo.png", "PNG-BYTES");
	put(srv, "assets/logo.png.gz", "GZIP-PNG");
	put(srv, "assets/orphan.js.br", "ORPHAN");
	put(srv, "index.html.br", "BROTLI-SHELL");
}

/* GET path with this Accept-Encoding (NULL: none sent): the answer. */
static struct resp *get(struct server *srv, const char *path, const char *accept)
{
	if (!accept)
		return http(srv, NULL, "GET", path, NULL, "Accept-Encoding:");
	return http(srv, NULL, "GET", path, NULL, fmt(srv, "Accept-Encoding: %s", accept));
}

static void expect(struct server *srv, const char *path, const char *accept, const char *body,
		   const char *coding)
{
	struct resp *r = get(srv, path, accept);
	const char *ce = resp_header(srv, r, "Content-Encoding");

	if (r->status != 200 || strcmp(r->body, body) != 0)
		fail_msg("%s with Accept-Encoding [%s]: %ld %s, want %s", path,
			 accept ? accept : "(none)", r->status, r->body, body);
	if (coding ? !ce || strcmp(ce, coding) != 0 : ce != NULL)
		fail_msg("%s with Accept-Encoding [%s]: Content-Encoding %s, want %s", path,
			 accept ? accept : "(none)", ce ? ce : "(none)", coding ? coding : "(none)");
}

/* brotli before gzip, by the client's q values; q=0 refuses a coding even
 * when "*" allows everything; no header, identity, or an unknown coding
 * get the file itself. */
STORY(static_files_are_sent_in_the_coding_the_browser_accepts)
{
	fixture(srv);
	expect(srv, "/assets/app.js", "gzip, deflate, br, zstd", "BROTLI-JS", "br");
	expect(srv, "/assets/app.js", "br", "BROTLI-JS", "br");
	expect(srv, "/assets/app.js", "gzip", "GZIP-JS", "gzip");
	expect(srv, "/assets/app.js", "GZIP , x-custom", "GZIP-JS", "gzip");
	expect(srv, "/assets/app.js", "br;q=0.5, gzip;q=0.8", "GZIP-JS", "gzip");
	expect(srv, "/assets/app.js", "br;q=0.9, gzip;q=0.8", "BROTLI-JS", "br");
	expect(srv, "/assets/app.js", "br;q=0, gzip", "GZIP-JS", "gzip");
	expect(srv, "/assets/app.js", "br ; q=0 , gzip;q=0", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", "*", "BROTLI-JS", "br");
	expect(srv, "/assets/app.js", "*;q=0.5, br;q=0", "GZIP-JS", "gzip");
	expect(srv, "/assets/app.js", "gzip;q=abc", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", "gzip;q=2", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", "identity", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", "deflate, zstd", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", "brotli, xgzip", "PLAIN-JS", NULL);
	expect(srv, "/assets/app.js", NULL, "PLAIN-JS", NULL);
	/* only the copies that exist */
	expect(srv, "/assets/only-gz.css", "br, gzip", "GZIP-CSS", "gzip");
	expect(srv, "/assets/only-gz.css", "br", "PLAIN-CSS", NULL);
	expect(srv, "/assets/plain.js", "br, gzip", "PLAIN-ONLY", NULL);
	/* the single-page app's shell too */
	expect(srv, "/", "br", "BROTLI-SHELL", "br");
	expect(srv, "/cases/12", "gzip, br", "BROTLI-SHELL", "br");
	expect(srv, "/login", "gzip", "<!doctype html><html lang=\"zh-CN\"><title>派出所综合警务平台</title>"
				     "<body>test shell</body></html>\n", NULL);
	/* images are not text: never a compressed copy */
	expect(srv, "/assets/logo.png", "gzip", "PNG-BYTES", NULL);
}

/* The headers of a compressed answer: the type of the file, Vary, the
 * length of the copy, the immutable caching of /assets/ and no-cache for the
 * shell; Vary also on the uncompressed answer of a text file (a cache must
 * not hand the identity copy to a browser that accepts brotli, or the
 * reverse). */
STORY(compressed_answers_keep_type_caching_and_vary)
{
	struct resp *r;

	fixture(srv);
	r = get(srv, "/assets/app.js", "br");
	assert_string_equal(resp_header(srv, r, "Content-Type"), "text/javascript; charset=utf-8");
	assert_string_equal(resp_header(srv, r, "Vary"), "Accept-Encoding");
	assert_string_equal(resp_header(srv, r, "Content-Length"), "9");
	assert_string_equal(resp_header(srv, r, "Cache-Control"),
			    "public, max-age=31536000, immutable");
	assert_non_null(resp_header(srv, r, "Content-Security-Policy"));
	r = get(srv, "/assets/app.js", NULL);
	assert_string_equal(resp_header(srv, r, "Vary"), "Accept-Encoding");
	assert_string_equal(resp_header(srv, r, "Content-Length"), "8");
	r = get(srv, "/", "br");
	assert_string_equal(resp_header(srv, r, "Content-Type"), "text/html; charset=utf-8");
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-cache");
	assert_string_equal(resp_header(srv, r, "Content-Encoding"), "br");
	r = get(srv, "/assets/logo.png", "gzip");
	assert_null(resp_header(srv, r, "Vary"));
}

/* The copies are not files of the site: FILE.br and FILE.gz asked by name
 * are 404 (they would be sent without their Content-Encoding), and a copy
 * without its original is not served either. */
STORY(compressed_copies_are_not_served_by_name)
{
	static const char *const refused[] = {
		"/assets/app.js.br", "/assets/app.js.gz", "/assets/only-gz.css.gz",
		"/assets/orphan.js", "/assets/orphan.js.br", "/index.html.br", NULL,
	};

	fixture(srv);
	for (int i = 0; refused[i]; i++) {
		struct resp *r = get(srv, refused[i], "br, gzip");

		if (r->status != 404)
			fail_msg("%s got %ld: %.100s", refused[i], r->status, r->body);
		assert_null(strstr(r->body, "BROTLI"));
		assert_null(strstr(r->body, "GZIP"));
		assert_null(strstr(r->body, "ORPHAN"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(static_files_are_sent_in_the_coding_the_browser_accepts,
						setup_fresh, teardown_server),
		cmocka_unit_test_setup_teardown(compressed_answers_keep_type_caching_and_vary,
						setup_fresh, teardown_server),
		cmocka_unit_test_setup_teardown(compressed_copies_are_not_served_by_name, setup_fresh,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
