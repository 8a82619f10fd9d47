#include "core/log.h"
#include "core/clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static enum ps_log_level min_level = PS_LOG_INFO;

void ps_log_set_level(enum ps_log_level lvl)
{
	min_level = lvl;
}

void ps_log(enum ps_log_level lvl, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	char msg[2048], out[4096 + 64];
	size_t o = 0;
	va_list ap;
	time_t t;
	struct tm tm;
	int64_t ms;

	if (lvl < min_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ms = ps_now_ms();
	t = (time_t)(ms / 1000);
	gmtime_r(&t, &tm);
	o = strftime(out, sizeof(out), "%Y-%m-%dT%H:%M:%S", &tm);
	o += (size_t)snprintf(out + o, sizeof(out) - o, ".%03dZ %s ",
			      (int)(ms % 1000), names[lvl]);
	for (const unsigned char *p = (const unsigned char *)msg;
	     *p && o + 5 < sizeof(out); p++) {
		if (*p < 0x20 || *p == 0x7f)
			o += (size_t)snprintf(out + o, sizeof(out) - o,
					      "\\x%02x", *p);
		else
			out[o++] = (char)*p;
	}
	out[o++] = '\n';
	fwrite(out, 1, o, stderr);
}
