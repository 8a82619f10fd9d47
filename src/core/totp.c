/* totp.c — RFC 6238 TOTP with HMAC-SHA-256, RFC 4648 base32. */
#include "core/totp.h"

#include <sodium.h>
#include <string.h>

static const uint32_t pow10_table[] = { 1, 10, 100, 1000, 10000, 100000, 1000000,
					10000000, 100000000, 1000000000 };

uint32_t totp_hotp(const unsigned char *key, size_t keylen, uint64_t counter, int digits)
{
	crypto_auth_hmacsha256_state st;
	unsigned char msg[8], mac[crypto_auth_hmacsha256_BYTES];
	uint32_t bin;
	int off;

	if (digits < 1 || digits > 9)
		digits = TOTP_DIGITS;
	for (int i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(counter & 0xff);
		counter >>= 8;
	}
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, msg, sizeof(msg));
	crypto_auth_hmacsha256_final(&st, mac);
	/* dynamic truncation: the low nibble of the last byte is the offset */
	off = mac[sizeof(mac) - 1] & 0x0f;
	bin = ((uint32_t)(mac[off] & 0x7f) << 24) | ((uint32_t)mac[off + 1] << 16) |
	      ((uint32_t)mac[off + 2] << 8) | (uint32_t)mac[off + 3];
	sodium_memzero(mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
	return bin % pow10_table[digits];
}

int64_t totp_step(int64_t now)
{
	return now < 0 ? 0 : now / TOTP_PERIOD;
}

int64_t totp_check(const unsigned char *key, size_t keylen, int64_t now, int64_t last_step,
		   const char *code)
{
	uint32_t want = 0;
	int64_t t = totp_step(now), found = -1;

	if (!code || strlen(code) != TOTP_DIGITS)
		return -1;
	for (int i = 0; i < TOTP_DIGITS; i++) {
		if (code[i] < '0' || code[i] > '9')
			return -1;
		want = want * 10 + (uint32_t)(code[i] - '0');
	}
	/* every step of the window is computed, whatever matched */
	for (int64_t s = t - TOTP_SKEW; s <= t + TOTP_SKEW; s++) {
		uint32_t got;

		if (s < 0)
			continue;
		got = totp_hotp(key, keylen, (uint64_t)s, TOTP_DIGITS);
		if (got == want && s > last_step && found < 0)
			found = s;
	}
	return found;
}

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

size_t totp_base32_encode(const unsigned char *p, size_t n, char *out, size_t outsz)
{
	size_t need = (n * 8 + 4) / 5, o = 0;
	uint32_t acc = 0;
	int bits = 0;

	if (!outsz)
		return 0;
	out[0] = '\0';
	if (need + 1 > outsz)
		return 0;
	for (size_t i = 0; i < n; i++) {
		acc = (acc << 8) | p[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[o++] = b32[(acc << (5 - bits)) & 31];
	out[o] = '\0';
	return o;
}

int totp_base32_decode(const char *text, unsigned char *out, size_t outsz)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t o = 0;

	for (const char *q = text; *q; q++) {
		int v;
		char ch = *q;

		if (ch == ' ' || ch == '=' || ch == '-')
			continue;
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch >= 'A' && ch <= 'Z')
			v = ch - 'A';
		else if (ch >= '2' && ch <= '7')
			v = ch - '2' + 26;
		else
			return -1;
		acc = (acc << 5) | (uint32_t)v;
		bits += 5;
		if (bits >= 8) {
			if (o >= outsz)
				return -1;
			out[o++] = (unsigned char)((acc >> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return (int)o;
}
