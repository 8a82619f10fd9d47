#include "seed/seed.h"
#include "domain/admin/audit.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/incident_categories.h"
#include "domain/admin/units.h"
#include "domain/admin/users.h"
#include "rules/date.h"
#include "store/migrations.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/mem.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

extern const struct embedded_file ps_seed_files[];
extern const size_t ps_seed_files_count;

const char *seed_day(struct ctx *c, int64_t back)
{
	int y, m, d;

	date_civil_from_days(date_local_days(c->now) - back, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

int seed_holidays(struct ctx *c, const char *csv, size_t len)
{
	struct csv_reader rd;
	struct db_stmt *st;
	int rc;

	rc = db_prepare(c->db,
			"INSERT INTO holiday(day, kind, name) VALUES (?,?,?)"
			" ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name",
			&st, c->err);
	if (rc)
		return rc;
	csv_reader_init(&rd, csv, len);
	rd.comments = 1;
	while (!rc) {
		char *f[3];
		int nf, y, m, d;

		rc = csv_read(&rd, c->arena, f, 3, &nf, c->err);
		if (rc || nf == 0)
			break;
		if ((nf == 1 && !*f[0]) || strcmp(f[0], "date") == 0)
			continue; /* blank line or the header */
		if (nf != 3 || date_parse(f[0], strlen(f[0]), &y, &m, &d)) {
			rc = ps_fail(c->err, PS_EINVAL, "BAD_CALENDAR", NULL,
				     "节假日数据第 %d 行格式错误", rd.line);
			break;
		}
		if (strcmp(f[1], "holiday") != 0 && strcmp(f[1], "workday") != 0) {
			rc = ps_fail(c->err, PS_EINVAL, "BAD_CALENDAR", NULL,
				     "节假日数据第 %d 行类型应为 holiday 或 workday", rd.line);
			break;
		}
		db_bind_text(st, 1, f[0]);
		db_bind_text(st, 2, f[1]);
		db_bind_text(st, 3, f[2]);
		rc = db_step(st, c->err);
		rc = rc == PS_DONE ? PS_OK : rc;
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

/* A one-time password with all four classes: 4 groups of 5 from an
 * alphabet without look-alikes, joined by '-', plus "a7". */
static void make_otp(char out[32])
{
	static const char alpha[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	size_t o = 0;

	for (int g = 0; g < 4; g++) {
		for (int i = 0; i < 5; i++)
			out[o++] = alpha[randombytes_uniform(sizeof(alpha) - 1)];
		out[o++] = '-';
	}
	out[o++] = 'a';
	out[o++] = '7';
	out[o++] = 'Q';
	out[o] = '\0';
}

static int unit(struct ctx *c, const char *code, const char *name, const char *kind,
		int64_t parent, const char *phone, const char *address, int64_t *id)
{
	struct unit_input u = { code, name, kind, phone, address, parent, 1, 0 };

	return units_insert(c, &u, id);
}

static int user(struct ctx *c, const char *username, const char *name,
		const char *role, int64_t unit_id, const char *badge,
		const char *hash)
{
	struct user_input u = { username, name, role, badge, NULL, NULL, unit_id };
	int64_t id;

	return users_insert(c, &u, hash, 0, &id);
}

struct demo_station {
	const char *code, *name, *slug, *chief, *officers[3], *aux;
	const char *address;
};

/* The eight stations besides 城关: chief + three officers + one auxiliary. */
static const struct demo_station stations[] = {
	{ "140000010200", "北社派出所", "beishe", "赵志刚", { "钱文斌", "孙立新", "李海涛" }, "周小军", "北社乡北社村" },
	{ "140000010300", "故城派出所", "gucheng", "吴建国", { "郑晓东", "王明亮", "冯海军" }, "陈小龙", "故城镇故城村" },
	{ "140000010400", "东关派出所", "dongguan", "褚国庆", { "卫振华", "蒋德明", "沈利民" }, "韩小虎", "城区东关街" },
	{ "140000010500", "西河派出所", "xihe", "杨永胜", { "朱建平", "秦卫东", "尤志强" }, "许小兵", "西河乡西河村" },
	{ "140000010600", "南庄派出所", "nanzhuang", "何春生", { "吕新华", "施建军", "张国栋" }, "孔小明", "南庄镇南庄村" },
	{ "140000010700", "石桥派出所", "shiqiao", "曹玉林", { "严俊峰", "华卫国", "金永刚" }, "魏小平", "石桥乡石桥村" },
	{ "140000010800", "柳林派出所", "liulin", "陶建华", { "姜海滨", "戚文革", "谢东升" }, "邹小勇", "柳林镇柳林村" },
	{ "140000010900", "新城派出所", "xincheng", "喻德华", { "柏立军", "水长江", "窦建设" }, "章小伟", "城区新城路" },
};

/* The demo county does not require two-factor login (auth.mfa_roles is
 * empty): its documented accounts must let anyone log in and its tests log
 * in many times a minute, which one-time codes forbid. Every demo account
 * may still enrol on 账号安全, and an administrator turns the requirement
 * on in 系统设置. A database made without --demo keeps the default (admin,
 * chief, supervisor, auditor). */
static int demo_mfa_off(struct ctx *c)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			    " VALUES ('auth.mfa_roles', NULL, '', NULL, ?)",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

static int seed_demo(struct ctx *c)
{
	char hash[CRYPTO_PWHASH_LEN], uname[64], badge[16];
	int64_t county, center, legal, duchad, chengguan, post1, post2, st_id;
	int rc, badge_no = 140101;

	/* demo only: every demo account shares one argon2id hash of the
	 * documented demo password (hashing 50 times would add seconds) */
	if (crypto_password_hash(DEMO_PASSWORD, hash))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
#define TRY(x) do { rc = (x); if (rc) return rc; } while (0)
#define BADGE() (snprintf(badge, sizeof(badge), "%06d", badge_no++), badge)
	TRY(unit(c, "140000000000", "示范县公安局", "bureau", 0, "0351-1234567",
		 "示范县城区人民路1号", &county));
	TRY(unit(c, "140000000100", "110指挥中心", "center", county, "110",
		 "示范县城区人民路1号", &center));
	TRY(unit(c, "140000000200", "法制大队", "brigade", county, NULL, NULL, &legal));
	TRY(unit(c, "140000000300", "督察大队", "brigade", county, "0351-1234110",
		 NULL, &duchad));
	TRY(unit(c, "140000010100", "城关派出所", "station", county, "0351-1230001",
		 "示范县城区解放路18号", &chengguan));
	TRY(unit(c, "140000010101", "东街社区警务室", "post", chengguan, NULL,
		 "城区东街社区", &post1));
	TRY(unit(c, "140000010102", "西街社区警务室", "post", chengguan, NULL,
		 "城区西街社区", &post2));

	TRY(user(c, "admin", "系统管理员", "admin", county, NULL, hash));
	TRY(user(c, "auditor", "安全审计员", "auditor", county, NULL, hash));
	TRY(user(c, "jiejing", "刘晓燕", "dispatcher", center, BADGE(), hash));
	TRY(user(c, "ducha", "马振东", "supervisor", duchad, BADGE(), hash));
	TRY(user(c, "juzhang", "高建军", "chief", county, BADGE(), hash));
	TRY(user(c, "fazhidadui", "林文静", "legal", legal, BADGE(), hash));
	TRY(user(c, "suozhang", "王建华", "chief", chengguan, BADGE(), hash));
	TRY(user(c, "minjing1", "李明", "officer", chengguan, BADGE(), hash));
	TRY(user(c, "minjing2", "张伟", "officer", chengguan, BADGE(), hash));
	TRY(user(c, "minjing3", "刘强", "officer", post1, BADGE(), hash));
	TRY(user(c, "minjing4", "陈刚", "officer", post2, BADGE(), hash));
	TRY(user(c, "fazhi", "赵丽", "legal", chengguan, BADGE(), hash));
	TRY(user(c, "neiqin", "孙芳", "clerk", chengguan, BADGE(), hash));
	TRY(user(c, "fujing", "周小勇", "auxiliary", chengguan, "FJ0101", hash));
	TRY(user(c, "dangan", "吴秀兰", "archivist", chengguan, NULL, hash));

	for (size_t i = 0; i < sizeof(stations) / sizeof(stations[0]); i++) {
		const struct demo_station *s = &stations[i];

		TRY(unit(c, s->code, s->name, "station", county, NULL, s->address, &st_id));
		snprintf(uname, sizeof(uname), "%s_sz", s->slug);
		TRY(user(c, uname, s->chief, "chief", st_id, BADGE(), hash));
		for (int k = 0; k < 3; k++) {
			snprintf(uname, sizeof(uname), "%s_mj%d", s->slug, k + 1);
			TRY(user(c, uname, s->officers[k], "officer", st_id, BADGE(), hash));
		}
		snprintf(uname, sizeof(uname), "%s_fj", s->slug);
		snprintf(badge, sizeof(badge), "FJ%02d01", (int)i + 2);
		TRY(user(c, uname, s->aux, "auxiliary", st_id, badge, hash));
	}
#undef TRY
#undef BADGE
	ps_memzero(hash, sizeof(hash));
	return demo_mfa_off(c);
}

/* The demo's steps after the units and accounts, in their order: the
 * SEED_STEP lines of src/seed/seed_*.c, listed by the build */
#undef SEED_STEP
#define SEED_STEP(order, fn) int fn(struct ctx *c);
#include "seed_steps.inc"
#undef SEED_STEP
#define SEED_STEP(order, fn) fn,
static int (*const demo_steps[])(struct ctx *c) = {
#include "seed_steps.inc"
};
#undef SEED_STEP

int seed_init(struct ctx *c, int demo, const char *bureau_name, char otp[32])
{
	struct db_stmt *st;
	int64_t n = 0, county, id;
	int rc;

	otp[0] = '\0';
	rc = db_prepare(c->db, "SELECT COUNT(*) FROM users", &st, c->err);
	if (rc)
		return rc;
	rc = db_step(st, c->err);
	if (rc == PS_ROW)
		n = db_column_int(st, 0);
	db_finalize(st);
	if (rc != PS_ROW)
		return rc;
	if (n > 0)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_INITIALISED", NULL,
			       "数据库已初始化（已有 %lld 个账号），未做任何改动",
			       (long long)n);
	rc = PS_OK;
	for (size_t i = 0; i < ps_seed_files_count && !rc; i++) {
		if (strcmp(ps_seed_files[i].name, "holidays-cn.csv") == 0)
			rc = seed_holidays(c, ps_seed_files[i].data, ps_seed_files[i].size);
		else if (strcmp(ps_seed_files[i].name, "incident-categories.csv") == 0)
			rc = incident_categories_seed(c, ps_seed_files[i].data, ps_seed_files[i].size);
		else if (strcmp(ps_seed_files[i].name, "incident-category-offences.csv") == 0)
			rc = incident_categories_seed_offences(c, ps_seed_files[i].data, ps_seed_files[i].size);
	}
	if (rc)
		return rc;
	if (demo) {
		rc = seed_demo(c);
		for (size_t i = 0; i < sizeof(demo_steps) / sizeof(demo_steps[0]) && !rc; i++)
			rc = demo_steps[i](c);
		/* the demo steps acted as their accounts; init itself is the CLI's */
		c->who.username = "cli:init";
		c->who.role = "admin";
	} else {
		struct user_input u = { "admin", "系统管理员", "admin", NULL, NULL, otp, 0 };

		rc = unit(c, "140000000000", bureau_name ? bureau_name : "县公安局",
			  "bureau", 0, NULL, NULL, &county);
		if (rc)
			return rc;
		make_otp(otp);
		u.unit_id = county;
		u.password = otp;
		rc = users_insert(c, &u, NULL, 1, &id);
	}
	if (rc)
		return rc;
	return audit_write(c, "system.init", "database", NULL, "success",
			   demo ? "demo county" : "empty county");
}
