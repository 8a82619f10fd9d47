/* log.h — one line per event on stderr: time, level, message. Control
 * characters in user-controlled text are escaped (AUD-6). */
#ifndef PS_LOG_H
#define PS_LOG_H

enum ps_log_level { PS_LOG_DEBUG, PS_LOG_INFO, PS_LOG_WARN, PS_LOG_ERROR };

/* Set the lowest level written (default INFO). */
void ps_log_set_level(enum ps_log_level lvl);

/* Write one line; CR, LF and other control characters in the formatted
 * message are written as \xNN. Cannot fail (a line may be truncated at 2 KiB). */
void ps_log(enum ps_log_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_info(...) ps_log(PS_LOG_INFO, __VA_ARGS__)
#define log_warn(...) ps_log(PS_LOG_WARN, __VA_ARGS__)
#define log_error(...) ps_log(PS_LOG_ERROR, __VA_ARGS__)

#endif
