/* zip.c — one entry of a ZIP archive, found by its name and unpacked
 * (zip.h): the part of an .xlsx workbook the reader asks for. */
#include "core/zip.h"
#include "core/mem.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

#define ZIP_MAX_ENTRY (64u << 20) /* 64 MiB unpacked per part */

static uint32_t rd16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

int zip_entry(const unsigned char *d, size_t len, const char *name, char **out, size_t *olen)
{
	size_t eocd, cd, nlen = strlen(name);
	uint32_t entries, cd_size, cd_off;

	*out = NULL;
	if (len < 22)
		return -1;
	for (eocd = len - 22;; eocd--) {
		if (rd32(d + eocd) == 0x06054b50)
			break;
		if (eocd == 0 || len - eocd > 22 + 65535)
			return -1;
	}
	entries = rd16(d + eocd + 10);
	cd_size = rd32(d + eocd + 12);
	cd_off = rd32(d + eocd + 16);
	if ((size_t)cd_off > len || (size_t)cd_size > len - cd_off)
		return -1;
	cd = cd_off;
	for (uint32_t i = 0; i < entries; i++) {
		uint32_t method, csize, usize, fnlen, extra, comment, loff;

		if (cd + 46 > len || rd32(d + cd) != 0x02014b50)
			return -1;
		method = rd16(d + cd + 10);
		csize = rd32(d + cd + 20);
		usize = rd32(d + cd + 24);
		fnlen = rd16(d + cd + 28);
		extra = rd16(d + cd + 30);
		comment = rd16(d + cd + 32);
		loff = rd32(d + cd + 42);
		if (cd + 46 + fnlen > len)
			return -1;
		if (fnlen == nlen && memcmp(d + cd + 46, name, nlen) == 0) {
			size_t data_at;
			char *buf;

			if ((size_t)loff + 30 > len || rd32(d + loff) != 0x04034b50)
				return -1;
			data_at = (size_t)loff + 30 + rd16(d + loff + 26) + rd16(d + loff + 28);
			if (data_at > len || csize > len - data_at || usize > ZIP_MAX_ENTRY)
				return -1;
			buf = ps_malloc((size_t)usize + 1);
			if (!buf)
				return -1;
			if (method == 0) {
				if (csize != usize) {
					ps_free(buf);
					return -1;
				}
				memcpy(buf, d + data_at, usize);
			} else if (method == 8) {
				z_stream z;
				int zr;

				memset(&z, 0, sizeof(z));
				if (inflateInit2(&z, -15) != Z_OK) {
					ps_free(buf);
					return -1;
				}
				z.next_in = (Bytef *)(uintptr_t)(d + data_at);
				z.avail_in = csize;
				z.next_out = (Bytef *)buf;
				z.avail_out = usize;
				zr = inflate(&z, Z_FINISH);
				inflateEnd(&z);
				if (zr != Z_STREAM_END || z.total_out != usize) {
					ps_free(buf);
					return -1;
				}
			} else {
				ps_free(buf);
				return -1;
			}
			buf[usize] = '\0';
			*out = buf;
			*olen = usize;
			return 0;
		}
		cd += 46 + fnlen + extra + comment;
	}
	return 1; /* not found */
}
