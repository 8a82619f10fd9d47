/* totp_util.h — the test's own TOTP (RFC 6238, HMAC-SHA-256, 6 digits, 30 s)
 * and base32 decoder, written apart from src/core/totp.c: HMAC is built here
 * by hand (RFC 2104) on libsodium's plain SHA-256, so a mistake in the
 * server's HMAC use or truncation cannot hide behind itself. Also the
 * enrolment steps that several stories share. */
#ifndef PS_TEST_TOTP_UTIL_H
#define PS_TEST_TOTP_UTIL_H

#include "harness.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define TU_STATIC static __attribute__((unused))

/* HMAC-SHA-256 (RFC 2104) of msg with key (keylen <= 64). */
TU_STATIC void tu_hmac_sha256(const unsigned char *key, size_t keylen, const unsigned char *msg,
			      size_t n, unsigned char out[32])
{
	unsigned char k[64] = { 0 }, pad[64], inner[32];
	crypto_hash_sha256_state st;

	if (sodium_init() < 0)
		fail_msg("sodium_init failed");
	memcpy(k, key, keylen);
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x36;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, pad, 64);
	crypto_hash_sha256_update(&st, msg, n);
	crypto_hash_sha256_final(&st, inner);
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x5c;
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, pad, 64);
	crypto_hash_sha256_update(&st, inner, 32);
	crypto_hash_sha256_final(&st, out);
}

/* base32 (RFC 4648 alphabet) to bytes; returns the byte count. */
TU_STATIC size_t tu_base32(const char *s, unsigned char *out, size_t max)
{
	const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned long long acc = 0;
	int bits = 0;
	size_t n = 0;

	for (; *s && n < max; s++) {
		const char *p = strchr(alpha, *s);

		if (!p)
			fail_msg("not base32: '%c'", *s);
		acc = (acc << 5) | (unsigned long long)(p - alpha);
		bits += 5;
		if (bits >= 8) {
			out[n++] = (unsigned char)(acc >> (bits - 8));
			bits -= 8;
		}
	}
	return n;
}

/* The server's clock: the real one plus the test's offset. */
TU_STATIC long long tu_now(const struct server *srv)
{
	return (long long)time(NULL) + srv->clock_offset;
}

/* The 6-digit code of secret (base32) for step (now / 30). */
TU_STATIC const char *tu_code_at(struct server *srv, const char *secret, long long step)
{
	unsigned char key[64], msg[8], mac[32];
	size_t klen = tu_base32(secret, key, sizeof(key));
	unsigned long v;
	int off;

	for (int i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(step & 0xff);
		step >>= 8;
	}
	tu_hmac_sha256(key, klen, msg, 8, mac);
	off = mac[31] & 15;
	v = ((unsigned long)(mac[off] & 0x7f) << 24) | ((unsigned long)mac[off + 1] << 16) |
	    ((unsigned long)mac[off + 2] << 8) | mac[off + 3];
	return fmt(srv, "%06lu", v % 1000000);
}

/* The code of the current step. */
TU_STATIC const char *tu_code(struct server *srv, const char *secret)
{
	return tu_code_at(srv, secret, tu_now(srv) / 30);
}

/* Move the server's clock to the start of a fresh 30-s step (so the next
 * code is not one used before, and 20 s remain in it). */
TU_STATIC void tu_next_step(struct server *srv)
{
	long long now = tu_now(srv);

	clock_advance(srv, 30 - now % 30 + 1);
}

/* POST /session with a second factor; the answer (sess filled on 200). */
TU_STATIC struct resp *tu_login2(struct server *srv, const char *user, const char *pw,
				 const char *code, struct session *sess)
{
	json_t *b = json_pack("{s:s, s:s, s:s}", "username", user, "password", pw, "totp_code", code);
	char *body = b ? json_dumps(b, JSON_COMPACT) : NULL;
	struct resp *r;

	json_decref(b);
	if (!body)
		fail_msg("out of memory");
	r = http(srv, NULL, "POST", "/api/v1/session", fmt(srv, "%s", body));
	json_mem_free(body);
	if (sess && r->status == 200) {
		const char *c = resp_header(srv, r, "Set-Cookie");
		const char *semi = c ? strchr(c, ';') : NULL;

		memset(sess, 0, sizeof(*sess));
		if (!semi || (size_t)(semi - c) >= sizeof(sess->cookie))
			fail_msg("bad Set-Cookie");
		memcpy(sess->cookie, c, (size_t)(semi - c));
		snprintf(sess->csrf, sizeof(sess->csrf), "%s", rstr(r, "csrf_token"));
		snprintf(sess->username, sizeof(sess->username), "%s", user);
	}
	return r;
}

/* Enrol the session's user: setup, confirm with the current code; returns
 * the secret (srv's pool) and fills codes (may be NULL) with the 10
 * recovery codes. Asserts every step. */
TU_STATIC const char *tu_enrol(struct server *srv, const struct session *s, const char **codes)
{
	struct resp *r = http(srv, s, "POST", "/api/v1/me/totp/setup", NULL);
	const char *secret;

	if (r->status != 200)
		fail_msg("totp setup: %ld %s", r->status, r->body);
	secret = fmt(srv, "%s", rstr(r, "secret"));
	assert_int_equal(strlen(secret), 32);
	r = http(srv, s, "POST", "/api/v1/me/totp/confirm",
		 fmt(srv, "{\"code\":\"%s\"}", tu_code(srv, secret)));
	if (r->status != 200)
		fail_msg("totp confirm: %ld %s", r->status, r->body);
	assert_int_equal(json_array_size(jpath(r->json, "recovery_codes")), 10);
	for (int i = 0; codes && i < 10; i++)
		codes[i] = fmt(srv, "%s", rstr(r, fmt(srv, "recovery_codes.%d", i)));
	return secret;
}

#endif
