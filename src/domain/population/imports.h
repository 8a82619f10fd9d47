/* imports.h — bulk import of the clerks' CSV files (header row in Chinese,
 * UTF-8 or GBK): every row is imported or listed with its row number and
 * the reason; a row is all or nothing (a savepoint each); importing the same
 * file again changes nothing (persons are keyed by ID number, addresses by
 * their parts). */
#ifndef PS_DOMAIN_IMPORTS_H
#define PS_DOMAIN_IMPORTS_H

#include <jansson.h>

#include "domain/authz.h"
#include "domain/ctx.h"

/* ---- the engine every importer shares ----
 * One kind of file: its Chinese headers (in any order), which are required,
 * and what a row does. The row function fills c->err and returns PS_EINVAL,
 * PS_ECONFLICT or PS_ENOTFOUND for a row to be reported (the import goes
 * on), anything else to stop the import; *created = 1 when the row made a
 * record (0: it updated or found one). hits collects what the rows matched
 * on the wanted list. */
#define IMPORT_MAX_COLS 10

struct import_row;
struct import_kind {
	const char *what;
	enum authz_act act;  /* who may import it */
	const char *aliases; /* the setting naming another system's columns
			      * ("标准列=系统列；…", csv_header_is), or NULL */
	const char *headers[IMPORT_MAX_COLS];
	int required[IMPORT_MAX_COLS];
	int (*row)(struct ctx *c, const char *const *col, int *created, json_t *hits);
	/* optional: a chunk of rows at once */
	int (*bulk)(struct ctx *c, struct import_row *rows, int n, json_t *hits);
};

/* Import text as kind k: every row imported or listed in errors with its
 * row number and reason, each all or nothing; audited as import.<what>.
 * *out = {"what","rows","imported","created","updated","errors":[{"row",
 * "reason"}],"hits"}. With all set, a file with any refused row imports
 * nothing: PS_EINVAL IMPORT_ROWS_REFUSED (the caller rolls back; a denied
 * audit row follows the rollback) and *out is then the report, "imported"
 * 0 and "all_or_nothing" true — the one error that sets *out.
 * first_row: the file's row number of text's first row after its header,
 * when text is a part of a larger file that repeats the file's header (the
 * web sends a large file so, a part a request); its rows are then reported
 * and audited by their numbers in the file. 2 (or less) for a whole file. */
int imports_with(struct ctx *c, const struct import_kind *k, const char *text, size_t len, int all,
		 int first_row, json_t **out);

/* The refusal of a whole file (all or nothing, refused_rows of its rows
 * refused): PS_EINVAL IMPORT_ROWS_REFUSED with the Chinese message, and the
 * denied audit row action on target_type that follows the rollback. For
 * an importer with a reader of its own (the wanted list); imports_with
 * calls it itself. */
int imports_refuse_whole(struct ctx *c, const char *action, const char *target_type, int rows,
			 size_t refused_rows);

/* Persons: columns 姓名, 身份证号 (required), 电话, 类别 (常住/暂住/流动/境外/
 * 未落户), 社区, 楼栋, 单元, 房号 in any order (row by row, never all or
 * nothing). *out = {"rows","imported",
 * "created","updated","errors":[{"row","reason"}],"hits"}. */
int imports_persons(struct ctx *c, const char *text, size_t len, json_t **out);

/* Any kind by name: persons | rentals (社区,楼栋,单元,房号,房主身份证号,等级,
 * 间数,责任书签订日期,责任书到期日期) | tenancies (承租人身份证号,社区,楼栋,单元,
 * 房号,入住日期,退租日期,层级). Same result shape; first_row as imports_with. */
int imports_run(struct ctx *c, const char *what, const char *text, size_t len, int all, int first_row,
		json_t **out);

#endif
