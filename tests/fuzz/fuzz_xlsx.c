/* fuzz_xlsx.c — libFuzzer target for the .xlsx reader (ZIP directory,
 * inflate, shared strings, sheet XML): xlsx_to_csv on any bytes must either
 * refuse cleanly or give NUL-terminated CSV text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/xlsx.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out;
	struct ps_err err;
	int rc;

	buf_init(&out, 8u << 20);
	ps_err_clear(&err);
	rc = xlsx_to_csv(data, size, &out, &err);
	if (rc == PS_OK) {
		/* the text is terminated where its length says */
		FUZZ_CHECK(out.len == 0 || out.p[out.len] == '\0');
		FUZZ_CHECK(strlen(buf_str(&out)) <= out.len);
	} else {
		FUZZ_CHECK(err.msg[0] != '\0');
		FUZZ_CHECK(out.p == NULL);
	}
	buf_release(&out);
	return 0;
}
