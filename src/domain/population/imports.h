/* imports.h — bulk import of the clerks' CSV files (header row in Chinese,
 * UTF-8 or GBK): every row is imported or listed with its row number and
 * the reason; a row is all or nothing (a savepoint each); importing the same
 * file again changes nothing (persons are keyed by ID number, addresses by
 * their parts). */
#ifndef PS_DOMAIN_IMPORTS_H
#define PS_DOMAIN_IMPORTS_H

#include <jansson.h>

#include "domain/ctx.h"

/* Persons: columns 姓名, 身份证号 (required), 电话, 类别 (常住/暂住/流动/境外/
 * 未落户), 社区, 楼栋, 单元, 房号 in any order. *out = {"rows","imported",
 * "created","updated","errors":[{"row","reason"}],"hits"}. */
int imports_persons(struct ctx *c, const char *text, size_t len, json_t **out);

/* Any kind by name: persons | rentals (社区,楼栋,单元,房号,房主身份证号,等级,
 * 间数,责任书签订日期,责任书到期日期) | tenancies (承租人身份证号,社区,楼栋,单元,
 * 房号,入住日期,退租日期,层级). Same result shape. */
int imports_run(struct ctx *c, const char *what, const char *text, size_t len, json_t **out);

#endif
