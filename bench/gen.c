/* gen.c — a deterministic city-sized data set written straight into a
 * database that `precinct init --db X --demo` created (schema, demo county,
 * demo accounts). At --scale 1: 20 stations (the demo's 9 + 11), 1 000 000
 * persons with valid GB 11643 numbers and Chinese names (and their
 * person_name_token rows: a character and the next), 200 000 addresses, 50 000 rentals, 300 000
 * incidents over the last year with their history (intake to close, and the
 * 110 center's callback), 60 000 cases with officers, parties, events,
 * interviews, measures, notices, proposals, approvals, documents and the
 * closed ones' return visits, and a
 * 100 000-entry wanted list (2 % of it in the registry, hits already handled).
 *
 *   gen --db PATH [--scale F] [--now EPOCH] [--quiet]
 *   gen --import-json DIR [--rows N] [--chunk K]   (the import scenario's bodies)
 *
 * Rows go in with prepared statements, explicit ids and 50 000-row
 * transactions (synchronous=OFF while loading: the file is a cache the
 * harness rebuilds on any failure). The audit chain is not touched: the data
 * set stands for a year of work whose audit rows are elsewhere.
 * The same scale and --now give the same rows. */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 50000
#define NSTATIONS 20
#define MAXOFF 8

static sqlite3 *db;
static int quiet;
static long pending; /* rows in the open transaction */
static long total_rows;
static double t_start;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die("%s: %s", sql, msg ? msg : sqlite3_errmsg(db));
}

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die("prepare %s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static int64_t one_int(const char *sql)
{
	sqlite3_stmt *st = prep(sql);
	int64_t v = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* one row done: commit every BATCH rows */
static void row_done(void)
{
	total_rows++;
	if (++pending >= BATCH) {
		exec("COMMIT; BEGIN");
		pending = 0;
	}
}

static void step(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die("insert: %s (%s)", sqlite3_errmsg(db), sqlite3_sql(st));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	row_done();
}

/* bind helpers: position by position */
static void bi(sqlite3_stmt *st, int i, int64_t v) { sqlite3_bind_int64(st, i, v); }
static void bt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}
static void bn(sqlite3_stmt *st, int i) { sqlite3_bind_null(st, i); }
static void bio(sqlite3_stmt *st, int i, int64_t v) /* 0 = NULL */
{
	if (v)
		bi(st, i, v);
	else
		bn(st, i);
}

struct phase {
	const char *name;
	double t0;
	long rows0;
};

static void phase_begin(struct phase *p, const char *name)
{
	p->name = name;
	p->t0 = now_s();
	p->rows0 = total_rows;
}

static void phase_end(struct phase *p)
{
	double dt = now_s() - p->t0;
	long n = total_rows - p->rows0;

	if (!quiet)
		printf("  %-28s %9ld rows %7.2f s %9.0f rows/s\n", p->name, n, dt, dt > 0 ? n / dt : 0.0);
	fflush(stdout);
}

/* ---- deterministic randomness ---- */

static uint64_t rs = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd64(void)
{
	uint64_t z = (rs += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned rnd(unsigned n) { return n ? (unsigned)(rnd64() % n) : 0; }
static int chance(double p) { return (double)(rnd64() >> 11) / 9007199254740992.0 < p; }

/* weighted pick over w[0..n) (cumulative table built by the caller) */
static int pick(const double *cum, int n)
{
	double x = (double)(rnd64() >> 11) / 9007199254740992.0 * cum[n - 1];
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void cumulate(const double *w, double *cum, int n)
{
	double s = 0;

	for (int i = 0; i < n; i++)
		cum[i] = (s += w[i]);
}

/* ---- calendar (Asia/Shanghai, UTC+8, no DST) ---- */

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static int64_t local_day(int64_t t) { return (t + 8 * 3600) / 86400; }

static void ymd_str(int64_t t, char *out) /* local date of instant t */
{
	int y, m, d;

	civil_from_days(local_day(t), &y, &m, &d);
	sprintf(out, "%04d-%02d-%02d", y, m, d);
}

static int year_of(int64_t t)
{
	int y, m, d;

	civil_from_days(local_day(t), &y, &m, &d);
	return y;
}

/* ---- names and ID numbers ---- */

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
	"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
	"彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
	"魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
	"石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
	"薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
	"万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
};
static const double surname_w[] = {
	7.1, 7.0, 6.7, 5.4, 4.5, 3.1, 2.3, 2.2, 2.0, 1.9, 1.6, 1.5, 1.4, 1.3, 1.3, 1.1, 1.1, 1.0,
	1.0, 0.9, 0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4,
	0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
	0.3, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2,
	0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2,
	0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
};
#define NSUR (int)(sizeof(surnames) / sizeof(surnames[0]))

/* given-name characters, most common first (weights fall off as 1/(k+3)) */
static const char *const given[] = {
	"伟", "芳", "秀", "英", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
	"娟", "涛", "明", "超", "霞", "平", "刚", "桂", "华", "建", "国", "志", "海", "燕", "红",
	"鹏", "玉", "兰", "晓", "东", "文", "辉", "力", "斌", "宇", "浩", "凯", "俊", "峰", "林",
	"波", "宁", "飞", "鑫", "婷", "雪", "梅", "琳", "晨", "阳", "欣", "怡", "佳", "博", "子",
	"轩", "昊", "然", "梓", "涵", "雨", "一", "诺", "欢", "春", "金", "凤", "荣", "云", "龙",
	"成", "新", "亮", "宏", "健", "永", "德", "庆", "福", "生", "嘉", "思", "彤", "萍", "丹",
	"倩", "颖", "露", "琴", "蕾", "翠", "莉", "慧", "巧", "美", "兵", "武", "斐", "旭", "瑞",
	"泽", "睿", "航", "铭", "毅", "昌", "胜", "利", "坤", "良", "发", "顺", "喜", "秋", "月",
};
#define NGIVEN (int)(sizeof(given) / sizeof(given[0]))

static double sur_cum[NSUR], given_cum[NGIVEN];

static void names_init(void)
{
	double w[NGIVEN];

	cumulate(surname_w, sur_cum, NSUR);
	for (int i = 0; i < NGIVEN; i++)
		w[i] = 1.0 / (i + 3);
	cumulate(w, given_cum, NGIVEN);
}

/* a name into out; its characters into ch[] (count returned) */
static int make_name(char *out, const char **ch)
{
	int n = 0;

	ch[n++] = surnames[pick(sur_cum, NSUR)];
	ch[n++] = given[pick(given_cum, NGIVEN)];
	if (chance(0.75))
		ch[n++] = given[pick(given_cum, NGIVEN)];
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		strcat(out, ch[i]);
	return n;
}

/* Registry areas (Shanxi counties, not the demo's or the tests' own) and
 * areas elsewhere (for wanted persons not in the registry). */
static const char *const home_areas[] = {
	"140702", "140721", "140722", "140723", "140724", "140725", "140726", "140727",
	"140728", "140729", "140781", "140802", "140821", "140822", "140823", "140824",
	"140825", "140826", "140827", "140828",
};
static const char *const far_areas[] = {
	"410102", "410103", "410104", "410105", "510104", "510105", "510106", "510107",
	"440103", "440104", "440105", "440106", "370102", "370103", "370104", "370105",
	"130102", "130104", "130105", "130107",
};
#define NAREA 20
#define BIRTH_DAYS 29585 /* 1940-01-01 .. 2020-12-31 */

static char check_char(const char *d17)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int s = 0;

	for (int i = 0; i < 17; i++)
		s += (d17[i] - '0') * w[i];
	return "10X98765432"[s % 11];
}

/* The i-th number of a space: i -> slot by a multiplier coprime with the
 * size (20 areas x 29585 days x 1000 sequence numbers), so numbers never
 * repeat. Fills the birth date and sex. */
static void id_number(uint64_t i, int far, char out[19], char birth[11], int *male)
{
	const uint64_t M = (uint64_t)NAREA * BIRTH_DAYS * 1000;
	uint64_t j = (i * 2654435761ULL + 12345) % M;
	int area = (int)(j % NAREA), seq, y, m, d;
	int64_t day;

	j /= NAREA;
	seq = (int)(j % 1000);
	j /= 1000;
	day = days_from_civil(1940, 1, 1) + (int64_t)j;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, 19, "%s%04d%02d%02d%03d", far ? far_areas[area] : home_areas[area], y, m, d, seq);
	out[17] = check_char(out);
	out[18] = '\0';
	if (birth)
		sprintf(birth, "%04d-%02d-%02d", y, m, d);
	if (male)
		*male = seq % 2;
}

/* ---- the county ---- */

struct station {
	int64_t id;
	char name[64];
	int64_t chief;
	int64_t off[MAXOFF];
	int noff;
	int64_t aux;
	int64_t addr0; /* first address id of the station's own run is not used: addresses are interleaved */
};

static struct station st[NSTATIONS];
static int nst;
static int64_t t_now, today; /* now and today's local day number */
static int64_t u_dispatcher = 3, u_bureau_chief = 5, u_legal_bureau = 6;

static const char *const new_station_names[] = {
	"河东派出所", "河西派出所", "城南派出所", "城北派出所", "开发区派出所", "桥头派出所",
	"杨庄派出所", "王村派出所", "高新派出所", "火车站派出所", "龙泉派出所",
};

static const char *const community_stems[] = {
	"幸福里", "和平", "建设", "光明", "胜利", "团结", "友谊", "朝阳", "向阳", "红旗",
	"新华", "人民", "解放", "文化", "育才", "花园", "长青", "松柏", "丰收", "富民",
	"康宁", "安居", "乐业", "锦绣", "滨河", "沿河", "迎宾", "振兴", "复兴", "兴隆",
	"永安", "平安", "长安", "太平", "宏达", "金桥", "银河", "星光", "月湖", "枫林",
	"梧桐", "杏园", "桃园", "梨园", "柳岸", "荷塘", "竹苑", "兰亭", "菊香", "梅苑",
	"翠湖", "碧水", "青山", "绿洲", "紫薇", "丹桂", "玉泉", "金泉", "银杏", "香樟",
	"南门", "北门", "东关", "西关", "鼓楼", "钟楼", "文庙", "书院", "学府", "府前",
	"站前", "车站", "机场", "港口", "工业", "农机", "纺织", "钢厂", "电厂", "煤矿",
	"化工", "铁路", "公路", "邮电", "粮站", "供销", "医院", "教师", "干休", "军休",
	"新村", "老街", "新街", "中街", "后街", "前街", "上庄", "下庄", "大营", "小营",
	"石门", "石桥", "柳林", "故城", "北社", "南庄", "新城", "城关", "河湾", "沙河",
	"清河", "白河", "黄河", "汾河", "桑干", "滹沱", "漳河", "沁河", "涑水", "浍河",
	"太行", "吕梁", "中条", "五台", "恒山", "管涔", "云中", "系舟", "绵山", "介休",
	"龙城", "凤城", "鹿城", "羊城", "马城", "牛城", "虎城", "鹤城", "燕城", "莺城",
	"春晖", "夏荷", "秋实", "冬青", "晨曦", "暮云", "朝霞", "晚晴", "清风", "明月",
	"瑞景", "盛世", "华庭", "雅居", "御园", "名都", "世纪", "时代", "未来", "理想",
	"阳光", "蓝天", "白云", "彩虹", "繁星", "银湖", "金湖", "玉湖", "珠江", "长江",
	"泰山", "华山", "衡山", "嵩山", "昆仑", "天山", "祁连", "秦岭", "大别", "武夷",
	"龙门", "凤凰", "麒麟", "玄武", "朱雀", "青龙", "白虎", "锦江", "岷江", "嘉陵",
	"永宁", "永和", "永乐", "永丰", "永盛", "永兴", "永昌", "永泰", "永康", "永福",
};
#define COMMUNITIES_PER_STATION 10

static const char *community(int s, int c)
{
	return community_stems[(s * COMMUNITIES_PER_STATION + c) % 200];
}

static void load_county(void)
{
	sqlite3_stmt *q, *ins_unit, *ins_user;
	int64_t bureau = one_int("SELECT id FROM org_unit WHERE kind = 'bureau' ORDER BY id LIMIT 1");
	int64_t next_unit = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM org_unit");
	int64_t next_user = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM users");
	int existing = (int)one_int("SELECT COUNT(*) FROM org_unit WHERE kind = 'station'");
	char pw[512] = "";
	struct phase ph;

	phase_begin(&ph, "stations and accounts");
	q = prep("SELECT pw_hash FROM users WHERE username = 'minjing1'");
	if (sqlite3_step(q) == SQLITE_ROW)
		snprintf(pw, sizeof(pw), "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	if (!*pw)
		die("the database has no demo accounts: create it with `precinct init --db X --demo`");
	{
		int64_t tmp;

		if ((tmp = one_int("SELECT id FROM users WHERE username = 'jiejing'")))
			u_dispatcher = tmp;
		if ((tmp = one_int("SELECT id FROM users WHERE username = 'juzhang'")))
			u_bureau_chief = tmp;
		if ((tmp = one_int("SELECT id FROM users WHERE username = 'fazhidadui'")))
			u_legal_bureau = tmp;
	}
	ins_unit = prep("INSERT INTO org_unit(id, code, name, kind, parent_id, path, phone, address, active,"
			" created_at, updated_at) VALUES (?,?,?,'station',?,?,?,?,1,?,?)");
	ins_user = prep("INSERT INTO users(id, username, name, role, unit_id, badge_no, phone, pw_hash,"
			" pw_changed_at, must_change_pw, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,0,?,?)");
	for (int k = existing; k < NSTATIONS; k++) {
		int64_t id = next_unit++;
		char code[32], path[48], phone[32], addr[128];
		static const char *const roles[] = { "chief", "officer", "officer", "officer", "auxiliary" };
		static const char *const tags[] = { "sz", "mj1", "mj2", "mj3", "fj" };

		snprintf(code, sizeof(code), "1400000%03d00", 100 + k + 1);
		snprintf(path, sizeof(path), "/%lld/%lld/", (long long)bureau, (long long)id);
		snprintf(phone, sizeof(phone), "0351-66%05d", k);
		snprintf(addr, sizeof(addr), "示范县%s路%d号", community(k, 0), 10 + k);
		bi(ins_unit, 1, id);
		bt(ins_unit, 2, code);
		bt(ins_unit, 3, new_station_names[(k - existing) % 11]);
		bi(ins_unit, 4, bureau);
		bt(ins_unit, 5, path);
		bt(ins_unit, 6, phone);
		bt(ins_unit, 7, addr);
		bi(ins_unit, 8, t_now);
		bi(ins_unit, 9, t_now);
		step(ins_unit);
		for (int r = 0; r < 5; r++) {
			char uname[48], name[32], badge[32], uphone[32];
			const char *ch[3];

			snprintf(uname, sizeof(uname), "zhan%lld_%s", (long long)id, tags[r]);
			make_name(name, ch);
			snprintf(badge, sizeof(badge), "%s%06lld", r == 4 ? "F" : "", (long long)(140000 + id * 10 + r));
			snprintf(uphone, sizeof(uphone), "139%08lld", (long long)(id * 100 + r));
			bi(ins_user, 1, next_user++);
			bt(ins_user, 2, uname);
			bt(ins_user, 3, name);
			bt(ins_user, 4, roles[r]);
			bi(ins_user, 5, id);
			bt(ins_user, 6, badge);
			bt(ins_user, 7, uphone);
			bt(ins_user, 8, pw);
			bi(ins_user, 9, t_now);
			bi(ins_user, 10, t_now);
			bi(ins_user, 11, t_now);
			step(ins_user);
		}
	}
	sqlite3_finalize(ins_unit);
	sqlite3_finalize(ins_user);
	/* the 20 stations with their people */
	q = prep("SELECT id, name FROM org_unit WHERE kind = 'station' ORDER BY id LIMIT 20");
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct station *s = &st[nst++];

		s->id = sqlite3_column_int64(q, 0);
		snprintf(s->name, sizeof(s->name), "%s", (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	q = prep("SELECT u.id, u.role FROM users u JOIN org_unit o ON o.id = u.unit_id"
		 " WHERE (o.id = ?1 OR o.parent_id = ?1) AND u.disabled = 0 ORDER BY u.id");
	for (int k = 0; k < nst; k++) {
		sqlite3_bind_int64(q, 1, st[k].id);
		while (sqlite3_step(q) == SQLITE_ROW) {
			const char *role = (const char *)sqlite3_column_text(q, 1);
			int64_t uid = sqlite3_column_int64(q, 0);

			if (!strcmp(role, "chief") && !st[k].chief)
				st[k].chief = uid;
			else if (!strcmp(role, "officer") && st[k].noff < MAXOFF)
				st[k].off[st[k].noff++] = uid;
			else if (!strcmp(role, "auxiliary") && !st[k].aux)
				st[k].aux = uid;
		}
		sqlite3_reset(q);
		if (st[k].noff < 2 || !st[k].chief)
			die("station %s has fewer than two officers or no chief", st[k].name);
		if (!st[k].aux)
			st[k].aux = st[k].off[0];
	}
	sqlite3_finalize(q);
	if (nst != NSTATIONS)
		die("expected %d stations, found %d", NSTATIONS, nst);
	phase_end(&ph);
}

/* ---- addresses, persons, rentals ---- */

static int64_t n_addr, n_person, n_rental, n_incident, n_case, n_wanted;
static int64_t addr_base, person_base;

static int addr_station(int64_t a) { return (int)(a % NSTATIONS); }

static void load_addresses(void)
{
	sqlite3_stmt *ins = prep("INSERT INTO address(id, station_id, post_id, community, building, unit_no, room,"
				 " address_key, created_at) VALUES (?,?,NULL,?,?,?,?,?,?)");
	struct phase ph;

	phase_begin(&ph, "address");
	addr_base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM address");
	for (int64_t a = 0; a < n_addr; a++) {
		int s = addr_station(a);
		int64_t j = a / NSTATIONS; /* index within the station */
		int c = (int)(j / 1000 % COMMUNITIES_PER_STATION), r = (int)(j % 1000);
		int64_t over = j / (1000 * COMMUNITIES_PER_STATION); /* beyond 10 000 per station: more buildings */
		char comm[64], bld[32], unit[16], room[16], key[160];

		snprintf(comm, sizeof(comm), "%s社区", community(s, c));
		snprintf(bld, sizeof(bld), "%lld号楼", (long long)(r / 40 + 1 + over * 25));
		snprintf(unit, sizeof(unit), "%d单元", r % 40 / 10 + 1);
		snprintf(room, sizeof(room), "%d%02d", r % 10 / 2 + 1, r % 2 + 1);
		snprintf(key, sizeof(key), "%lld|%s|%s|%s|%s", (long long)st[s].id, comm, bld, unit, room);
		bi(ins, 1, addr_base + a);
		bi(ins, 2, st[s].id);
		bt(ins, 3, comm);
		bt(ins, 4, bld);
		bt(ins, 5, unit);
		bt(ins, 6, room);
		bt(ins, 7, key);
		bi(ins, 8, t_now - 400 * 86400 + (int64_t)rnd(30 * 86400));
		step(ins);
	}
	sqlite3_finalize(ins);
	phase_end(&ph);
}

static const char *const kinds[] = { "resident", "temporary", "floating", "foreign", "unregistered" };
static const double kind_w[] = { 80, 10, 7.5, 0.5, 2 };

static void load_persons(void)
{
	sqlite3_stmt *ins = prep("INSERT INTO person(id, id_number, name, sex, birth_date, phone, unit_id,"
				 " created_by, created_at, kind, address_id, key_person, key_tags, compared_at,"
				 " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *idx = prep("INSERT INTO person_name_token(ch, next_ch, person_id, pos) VALUES (?,?,?,?)");
	double kcum[5];
	struct phase ph;
	long chars = 0;

	cumulate(kind_w, kcum, 5);
	phase_begin(&ph, "person + name tokens");
	person_base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM person");
	for (int64_t i = 0; i < n_person; i++) {
		char num[19], birth[11], name[32], phone[16];
		const char *ch[3];
		int male, nc = make_name(name, ch);
		int64_t a = i % n_addr, pid = person_base + i;
		int s = addr_station(a);
		int key = chance(0.005);

		id_number((uint64_t)i, 0, num, birth, &male);
		snprintf(phone, sizeof(phone), "1%d%08llu", 30 + (int)rnd(60),
			 (unsigned long long)((i * 7919 + 13) % 100000000ULL));
		bi(ins, 1, pid);
		bt(ins, 2, num);
		bt(ins, 3, name);
		bt(ins, 4, male ? "M" : "F");
		bt(ins, 5, birth);
		bt(ins, 6, phone);
		bi(ins, 7, st[s].id);
		bi(ins, 8, st[s].aux);
		bi(ins, 9, t_now - 380 * 86400 + (int64_t)rnd(370 * 86400));
		bt(ins, 10, kinds[pick(kcum, 5)]);
		bi(ins, 11, addr_base + a);
		bi(ins, 12, key);
		bt(ins, 13, key ? "吸毒前科" : NULL);
		bi(ins, 14, t_now - 86400);
		bi(ins, 15, t_now - 86400);
		step(ins);
		for (int k = 0; k < nc; k++) {
			sqlite3_bind_text(idx, 1, ch[k], -1, SQLITE_STATIC);
			sqlite3_bind_text(idx, 2, k + 1 < nc ? ch[k + 1] : "", -1, SQLITE_STATIC);
			bi(idx, 3, pid);
			bi(idx, 4, k);
			step(idx);
			chars++;
		}
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(idx);
	phase_end(&ph);
	(void)chars;
}

static void load_rentals(void)
{
	/* visit_base_day / visit_due_day: the maintained schedule (migration
	 * 025): the last visit's day (Asia/Shanghai) and that + the cycle */
	sqlite3_stmt *ins = prep("INSERT INTO rental(id, address_id, landlord_id, rooms, letter_signed_on,"
				 " letter_expires_on, level, station_id, last_visit_on, created_by, created_at,"
				 " visit_base_day, visit_due_day)"
				 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
	int64_t base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM rental");
	int64_t stride = n_addr / (n_rental ? n_rental : 1);
	struct phase ph;

	if (stride < 1)
		stride = 1;
	phase_begin(&ph, "rental");
	for (int64_t r = 0; r < n_rental; r++) {
		int64_t a = r * stride; /* station = a % 20 */
		int s = addr_station(a);
		int lv = (int)rnd(10);
		const char *level = lv < 6 ? "trusted" : lv < 9 ? "normal" : "watch";
		int cycle = lv < 6 ? 90 : lv < 9 ? 30 : 7;
		char signed_on[11], expires[11], visit[11];
		int64_t sgn = t_now - (int64_t)rnd(300) * 86400;
		int64_t vt = t_now - (int64_t)rnd((unsigned)cycle) * 86400;
		int64_t vday = local_day(vt);

		ymd_str(sgn, signed_on);
		ymd_str(sgn + 365 * 86400, expires);
		ymd_str(vt, visit);
		bi(ins, 1, base + r);
		bi(ins, 2, addr_base + a);
		/* a resident of the address owns it */
		bi(ins, 3, person_base + (a < n_person ? a : a % n_person));
		bi(ins, 4, 1 + rnd(4));
		bt(ins, 5, signed_on);
		bt(ins, 6, expires);
		bt(ins, 7, level);
		bi(ins, 8, st[s].id);
		bt(ins, 9, visit);
		bi(ins, 10, st[s].off[0]);
		bi(ins, 11, sgn);
		bi(ins, 12, vday);
		bi(ins, 13, vday + cycle);
		step(ins);
	}
	sqlite3_finalize(ins);
	phase_end(&ph);
}

/* ---- incidents and cases ---- */

struct cat {
	const char *code, *name;
	double w;
	int violation;
};
static const struct cat cats[] = {
	{ "0101", "入室盗窃", 3, 1 },	  { "0102", "盗窃机动车", 1, 1 },     { "0103", "抢劫抢夺", 0.5, 1 },
	{ "0104", "电信网络诈骗", 3, 1 }, { "0105", "故意伤害", 1, 1 },	      { "0106", "其他刑事", 1, 1 },
	{ "0201", "盗窃", 8, 1 },	  { "0202", "殴打他人", 6, 1 },	      { "0203", "寻衅滋事", 2, 1 },
	{ "0204", "赌博", 1, 1 },	  { "0205", "卖淫嫖娼", 0.5, 1 },     { "0206", "吸毒", 0.5, 1 },
	{ "0207", "扰乱公共秩序", 2, 1 }, { "0208", "故意损毁财物", 2, 1 },  { "0209", "诈骗", 3, 1 },
	{ "0210", "噪声扰民", 5, 1 },	  { "0211", "其他治安", 3, 1 },	      { "0301", "交通事故", 8, 0 },
	{ "0302", "交通堵塞", 3, 0 },	  { "0401", "火灾", 1, 0 },	      { "0501", "邻里纠纷", 10, 0 },
	{ "0502", "家庭纠纷", 8, 0 },	  { "0503", "经济纠纷", 4, 0 },	      { "0601", "群众求助", 8, 0 },
	{ "0602", "人员走失", 2, 0 },	  { "0701", "举报违法犯罪线索", 2, 0 }, { "0801", "群众服务", 4, 0 },
	{ "0901", "无效报警", 3, 0 },	  { "0902", "重复报警", 2, 0 },
};
#define NCAT (int)(sizeof(cats) / sizeof(cats[0]))

struct offence {
	const char *code, *title;
};
static const struct offence admin_off[] = {
	{ "OF-065", "盗窃" },	    { "OF-052", "殴打他人" }, { "OF-012", "寻衅滋事" },
	{ "OF-066", "诈骗" },	    { "OF-070", "故意损毁公私财物" }, { "OF-002", "扰乱公共场所秩序" },
	{ "OF-044", "威胁人身安全" }, { "OF-021", "非法携带管制器具" },
};
static const char *const crim_titles[] = { "入室盗窃", "盗窃机动车", "抢劫", "电信网络诈骗", "故意伤害",
					    "寻衅滋事", "开设赌场" };

/* incident spec kept in memory to link cases */
struct inc {
	int64_t at;
	short cat;
	short station;
	int64_t case_id;
	char kind; /* 'a' admin case, 'c' criminal case */
};

static int64_t inc_base, case_base;
static struct inc *incs;

struct ctr {
	char key[40];
	int64_t next;
};
static struct ctr *ctrs;
static size_t nctr, cap_ctr;

/* counters: incident numbers per day, case numbers per (unit, kind, year),
 * document numbers per (unit, kind, year): continue what the demo used */
static int64_t counter_next(const char *key, const char *sql_existing)
{
	static size_t last;

	if (last < nctr && !strcmp(ctrs[last].key, key))
		return ctrs[last].next++;
	for (size_t i = 0; i < nctr; i++)
		if (!strcmp(ctrs[i].key, key)) {
			last = i;
			return ctrs[i].next++;
		}
	if (nctr == cap_ctr) {
		cap_ctr = cap_ctr ? cap_ctr * 2 : 1024;
		ctrs = realloc(ctrs, cap_ctr * sizeof(*ctrs));
		if (!ctrs)
			die("out of memory");
	}
	snprintf(ctrs[nctr].key, sizeof(ctrs[nctr].key), "%s", key);
	ctrs[nctr].next = one_int(sql_existing) + 1;
	return ctrs[nctr++].next++;
}

static void load_incidents(void)
{
	sqlite3_stmt *ins = prep(
		"INSERT INTO incident(id, incident_no, received_at, source, caller_name, caller_phone, confidential,"
		" place, place_key, community, category, priority, summary, station_id, status, outcome, outcome_text,"
		" case_id, callback_at, dispatched_at, acknowledged_at, arrived_at, handled_at, closed_at, unit_id,"
		" created_by, created_at) VALUES (?,?,?,?,?,?,0,?,?,?,?,?,?,?,'closed',?,?,?,?,?,?,?,?,?,?,?,?)");
	/* each closed incident's history, as the 110 desk and the station
	 * wrote it step by step (incidents.c, incident_steps.c) */
	sqlite3_stmt *ev = prep("INSERT INTO incident_event(incident_id, at, action, user_id, detail)"
				" VALUES (?,?,?,?,?)");
	double ccum[NCAT], w[NCAT];
	int64_t nviol = 0, linked = 0, want_linked = n_case * 7 / 10;
	struct phase ph;

	for (int i = 0; i < NCAT; i++)
		w[i] = cats[i].w;
	cumulate(w, ccum, NCAT);
	inc_base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM incident");
	case_base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM police_case");
	incs = calloc((size_t)n_incident + 1, sizeof(*incs));
	if (!incs)
		die("out of memory");
	/* spread over the 365 days before today, in time order */
	for (int64_t i = 0; i < n_incident; i++) {
		int64_t day = today - 365 + i * 365 / n_incident;
		int64_t at = (day * 86400 - 8 * 3600) + (int64_t)rnd(86400);

		incs[i].at = at;
		incs[i].cat = (short)pick(ccum, NCAT);
		incs[i].station = (short)rnd(NSTATIONS);
		nviol += cats[incs[i].cat].violation;
	}
	/* every k-th violation becomes a case (70 % of the cases come from 110) */
	{
		int64_t every = want_linked ? nviol / want_linked : 0, seen = 0;

		if (every < 1)
			every = 1;
		for (int64_t i = 0; i < n_incident && linked < want_linked; i++) {
			if (!cats[incs[i].cat].violation)
				continue;
			/* the last two days stay without a case (some become 有警无案) */
			if (incs[i].at > t_now - 2 * 86400)
				continue;
			if (seen++ % every == 0) {
				incs[i].case_id = case_base + linked++;
				incs[i].kind = incs[i].cat < 6 ? 'c' : 'a';
			}
		}
	}
	phase_begin(&ph, "incident");
	for (int64_t i = 0; i < n_incident; i++) {
		const struct inc *x = &incs[i];
		const struct cat *c = &cats[x->cat];
		const struct station *s = &st[x->station];
		int src = (int)rnd(100);
		const char *source = src < 70 ? "110" : src < 80 ? "phone" : src < 95 ? "walk_in" : "patrol";
		int from_center = src < 80;
		char no[32], day[11], place[128], comm[64], summary[128], cname[32], cphone[16];
		const char *outcome, *ch[3];
		int64_t disp = x->at + 60 + rnd(240), ack = disp + 30 + rnd(120), arr = ack + 300 + rnd(900);
		int64_t handled = arr + 900 + rnd(7200), closed = handled + 600 + rnd(3600);
		int recent = x->at > t_now - 2 * 86400;
		int64_t callback;

		ymd_str(x->at, day);
		{
			char key[24], sql[128];

			snprintf(key, sizeof(key), "i%s", day);
			snprintf(sql, sizeof(sql),
				 "SELECT COALESCE((SELECT next_seq FROM incident_counter WHERE day = '%c%c%c%c%c%c%c%c'), 0)",
				 day[0], day[1], day[2], day[3], day[5], day[6], day[8], day[9]);
			snprintf(no, sizeof(no), "JQ%c%c%c%c%c%c%c%c%05lld", day[0], day[1], day[2], day[3], day[5],
				 day[6], day[8], day[9], (long long)counter_next(key, sql));
		}
		snprintf(comm, sizeof(comm), "%s社区", community(x->station, (int)rnd(COMMUNITIES_PER_STATION)));
		snprintf(place, sizeof(place), "%s%d号楼附近", comm, 1 + (int)rnd(25));
		snprintf(summary, sizeof(summary), "报警人称%s，请求出警", c->name);
		make_name(cname, ch);
		snprintf(cphone, sizeof(cphone), "13%09u", rnd(1000000000));
		callback = from_center && chance(0.9) ? closed + 3600 : 0;
		if (x->case_id)
			outcome = x->kind == 'c' ? "criminal_case" : "admin_case";
		else if (c->violation)
			/* recent ones: a few still waiting for a case (有警无案) */
			outcome = recent && chance(0.3) ? NULL : chance(0.8) ? "mediated" : "transferred";
		else
			outcome = c->code[1] == '9' ? "invalid" : chance(0.6) ? "assistance" : "mediated";
		bi(ins, 1, inc_base + i);
		bt(ins, 2, no);
		bi(ins, 3, x->at);
		bt(ins, 4, source);
		bt(ins, 5, cname);
		bt(ins, 6, cphone);
		bt(ins, 7, place);
		bt(ins, 8, place); /* no spaces or punctuation: the key is the place */
		bt(ins, 9, comm);
		bt(ins, 10, c->code);
		bi(ins, 11, c->code[1] == '1' ? 1 : 2);
		bt(ins, 12, summary);
		bi(ins, 13, s->id);
		bt(ins, 14, outcome);
		bt(ins, 15, outcome ? "已处置" : NULL);
		bio(ins, 16, x->case_id);
		bio(ins, 17, callback);
		bi(ins, 18, disp);
		bi(ins, 19, ack);
		bi(ins, 20, arr);
		bi(ins, 21, handled);
		bi(ins, 22, closed);
		bi(ins, 23, from_center ? 2 : s->id);
		{
			int64_t taker = from_center ? u_dispatcher : s->off[rnd((unsigned)s->noff)];
			int64_t officer = s->off[rnd((unsigned)s->noff)];
			char station[32], result[64];
			const struct {
				int64_t at, user;
				const char *action, *detail;
			} h[] = {
				{ x->at, taker, "intake", NULL },
				{ disp, taker, "dispatch", station },
				{ ack, officer, "acknowledge", NULL },
				{ arr, officer, "arrive", NULL },
				{ handled, officer, "feedback", result },
				{ closed, officer, "close", NULL },
			};

			bi(ins, 24, taker);
			bi(ins, 25, x->at);
			step(ins);
			snprintf(station, sizeof(station), "station=%lld officers=1", (long long)s->id);
			if (x->case_id)
				snprintf(result, sizeof(result), "%s case=%lld", outcome, (long long)x->case_id);
			else
				snprintf(result, sizeof(result), "%s", outcome ? outcome : "已处置");
			for (size_t k = 0; k < sizeof(h) / sizeof(h[0]); k++) {
				bi(ev, 1, inc_base + i);
				bi(ev, 2, h[k].at);
				bt(ev, 3, h[k].action);
				bi(ev, 4, h[k].user);
				bt(ev, 5, h[k].detail);
				step(ev);
			}
			if (callback) { /* only the center calls back */
				bi(ev, 1, inc_base + i);
				bi(ev, 2, callback);
				bt(ev, 3, "callback");
				bi(ev, 4, u_dispatcher);
				bt(ev, 5, "报警人对处置结果表示满意");
				step(ev);
			}
		}
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(ev);
	/* the day counters */
	{
		sqlite3_stmt *up = prep("INSERT INTO incident_counter(day, next_seq) VALUES (?, ?)"
					" ON CONFLICT (day) DO UPDATE SET next_seq = excluded.next_seq");

		for (size_t k = 0; k < nctr; k++)
			if (ctrs[k].key[0] == 'i') {
				const char *d = ctrs[k].key + 1;
				char day[9] = { d[0], d[1], d[2], d[3], d[5], d[6], d[8], d[9], 0 };

				bt(up, 1, day);
				bi(up, 2, ctrs[k].next - 1);
				step(up);
			}
		sqlite3_finalize(up);
	}
	phase_end(&ph);
	if (!quiet)
		printf("  (%lld incidents with a case)\n", (long long)linked);
}

static void hex64(uint64_t a, uint64_t b, char out[65])
{
	for (int i = 0; i < 4; i++) {
		uint64_t v = a * 0x9e3779b97f4a7c15ULL + b * (uint64_t)(i + 1) * 0xbf58476d1ce4e5b9ULL + (uint64_t)i;

		v ^= v >> 29;
		sprintf(out + 16 * i, "%016llx", (unsigned long long)v);
	}
	out[64] = '\0';
}

static void receipt(int64_t id, char out[11])
{
	static const char a[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	uint64_t v = (uint64_t)id * 0x9e3779b97f4a7c15ULL ^ 0x5bd1e995ULL;

	for (int i = 0; i < 10; i++) {
		out[i] = a[v % 31];
		v /= 31;
		if (!v)
			v = (uint64_t)id * 2654435761ULL + (uint64_t)i;
	}
	out[10] = '\0';
}

static sqlite3_stmt *s_case, *s_off, *s_party, *s_event, *s_iv, *s_ivo, *s_measure, *s_notice,
	*s_prop, *s_appr, *s_doc, *s_visit;
static int64_t party_id, event_id, iv_id, measure_id, notice_id, prop_id, appr_id, doc_id;

/* 案件回访 (SUP-RETURN-VISIT): a closed case's party called back one to
 * five days after the close. Those whose day has not come yet are still
 * due; one in fifty was missed, and the server's clock sweep records it as
 * a breach at its start, as it did for each when it happened. */
static void visit(int64_t case_id, int64_t pid, int64_t closed, int64_t officer)
{
	int64_t at = closed + (int64_t)(1 + rnd(5)) * 86400 + (int64_t)rnd(8 * 3600);

	if (at > t_now - 3600 || chance(0.02))
		return;
	bi(s_visit, 1, case_id);
	bi(s_visit, 2, pid);
	bi(s_visit, 3, chance(0.7) ? 5 : 4);
	bi(s_visit, 4, officer);
	bi(s_visit, 5, at);
	step(s_visit);
}

static void event(int64_t case_id, int64_t at, int64_t user, const char *action, const char *from,
		  const char *to)
{
	bi(s_event, 1, event_id++);
	bi(s_event, 2, case_id);
	bi(s_event, 3, at);
	bi(s_event, 4, user);
	bt(s_event, 5, action);
	bt(s_event, 6, from);
	bt(s_event, 7, to);
	step(s_event);
}

static const char *doc_no(const struct station *s, int si, const char *kind, const char *word, int year,
			  char *out)
{
	char key[40], sql[192];

	snprintf(key, sizeof(key), "d%d|%s|%d", si, kind, year);
	snprintf(sql, sizeof(sql),
		 "SELECT COALESCE((SELECT next_seq FROM doc_counter WHERE unit_id = %lld AND kind = '%s'"
		 " AND doc_year = %d), 0)",
		 (long long)s->id, kind, year);
	sprintf(out, "%s公（%s）字〔%d〕%05lld号", s->name, word, year, (long long)counter_next(key, sql));
	return out;
}

static void doc(int64_t case_id, const struct station *s, int si, const char *kind, const char *word,
		int64_t at, int64_t user)
{
	char no[160];

	bi(s_doc, 1, doc_id++);
	bi(s_doc, 2, case_id);
	bt(s_doc, 3, kind);
	bt(s_doc, 4, doc_no(s, si, kind, word, year_of(at), no));
	bi(s_doc, 5, user);
	bi(s_doc, 6, at);
	step(s_doc);
}

static int64_t party(int64_t case_id, int64_t person, const char *role, int64_t at)
{
	bi(s_party, 1, party_id);
	bi(s_party, 2, case_id);
	bi(s_party, 3, person);
	bt(s_party, 4, role);
	bi(s_party, 5, 18 + (int)rnd(50));
	bi(s_party, 6, at);
	step(s_party);
	return party_id++;
}

static void interview(int64_t case_id, int64_t pid, const char *kind, int64_t at, int64_t o1, int64_t o2,
		      const struct station *s)
{
	char place[96], rec[24], hash[65];
	static const char qa[] =
		"[{\"q\":\"我们是公安机关的民警，现依法对你进行询问，你有如实回答的义务，也有申辩的权利，听清楚了吗？\","
		"\"a\":\"听清楚了。\"},{\"q\":\"请讲一下事情的经过。\",\"a\":\"当天晚上双方发生争执，后来动手推搡。\"},"
		"{\"q\":\"以上所说是否属实？\",\"a\":\"属实。\"}]";

	snprintf(place, sizeof(place), "%s询问室（一）", s->name);
	snprintf(rec, sizeof(rec), "AV-G%08lld", (long long)iv_id);
	hex64((uint64_t)iv_id, (uint64_t)case_id, hash);
	bi(s_iv, 1, iv_id);
	bi(s_iv, 2, case_id);
	bi(s_iv, 3, pid);
	bt(s_iv, 4, kind);
	bi(s_iv, 5, at);
	bi(s_iv, 6, at + 1800 + rnd(3600));
	bt(s_iv, 7, place);
	bt(s_iv, 8, rec);
	sqlite3_bind_text(s_iv, 9, qa, -1, SQLITE_STATIC);
	bi(s_iv, 10, at + 5400);
	bi(s_iv, 11, at + 5400);
	bt(s_iv, 12, hash);
	bi(s_iv, 13, o1);
	bi(s_iv, 14, at);
	step(s_iv);
	bi(s_ivo, 1, iv_id);
	bi(s_ivo, 2, o1);
	step(s_ivo);
	bi(s_ivo, 1, iv_id);
	bi(s_ivo, 2, o2);
	step(s_ivo);
	iv_id++;
}

static int64_t measure(int64_t case_id, int64_t pid, const char *kind, const char *tier, int64_t start,
		       int64_t end, int64_t approver, int64_t by, int64_t prev, int milestones)
{
	bi(s_measure, 1, measure_id);
	bi(s_measure, 2, case_id);
	bi(s_measure, 3, pid);
	bt(s_measure, 4, kind);
	bt(s_measure, 5, tier);
	bi(s_measure, 6, start);
	bio(s_measure, 7, end);
	bt(s_measure, 8, end ? "released" : NULL);
	bt(s_measure, 9, end ? "ended" : "active");
	bio(s_measure, 10, approver);
	bio(s_measure, 11, milestones ? start + 3600 * 6 : 0);
	bio(s_measure, 12, milestones ? start + 3600 : 0);
	bio(s_measure, 13, milestones ? start + 3600 * 2 : 0);
	bio(s_measure, 14, prev);
	bi(s_measure, 15, by);
	bi(s_measure, 16, start);
	step(s_measure);
	return measure_id++;
}

static void load_cases(void)
{
	int64_t first_manual = 0, n_linked = 0, open_admin = 0, open_crim = 0, active = 0;
	struct phase ph;

	s_case = prep("INSERT INTO police_case(id, unit_id, kind, procedure, case_year, case_seq, case_no, receipt_code,"
		      " status, title, offence_code, summary, source, incident_id, act_date, act_place, discovered_date,"
		      " reported_at, accepted_at, filed_at, decided_at, closed_at, archived_at, complex, close_reason,"
		      " created_by, created_at, updated_at)"
		      " VALUES (?,?,?,'normal',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)");
	s_off = prep("INSERT INTO case_officer(case_id, user_id, duty, added_at) VALUES (?,?,?,?)");
	s_party = prep("INSERT INTO case_party(id, case_id, person_id, role, age_at_act, added_at)"
		       " VALUES (?,?,?,?,?,?)");
	s_event = prep("INSERT INTO case_event(id, case_id, at, user_id, action, from_status, to_status)"
		       " VALUES (?,?,?,?,?,?,?)");
	s_iv = prep("INSERT INTO interview(id, case_id, party_id, kind, version, status, start_at, end_at, place_kind,"
		    " place, recording_id, summoned, qa, read_back, subject_signed_at, officer_signed_at, content_hash,"
		    " created_by, created_at) VALUES (?,?,?,?,1,'signed',?,?,'station_room',?,?,0,?,1,?,?,?,?,?)");
	s_ivo = prep("INSERT INTO interview_officer(interview_id, user_id) VALUES (?,?)");
	s_measure = prep("INSERT INTO measure(id, case_id, party_id, kind, tier, started_at, ended_at, end_reason,"
			 " status, approved_by, kss_at, family_at, question_at, previous_id, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	s_notice = prep("INSERT INTO case_notice(id, case_id, party_id, kind, at, penalty_text, statement, officer_id,"
			" created_at) VALUES (?,?,?,'rights',?,?,'不提出陈述申辩',?,?)");
	s_prop = prep("INSERT INTO penalty_proposal(id, case_id, party_id, offence_code, tier, law, warning, fine,"
		      " det_days, level, status, decision_no, created_by, created_at)"
		      " VALUES (?,?,?,?,'基本',?,?,?,?,'station','approved',?,?,?)");
	s_appr = prep("INSERT INTO approval(id, case_id, subject, step, role, unit_id, status, decided_by, decided_at,"
		      " opinion, created_at) VALUES (?,?,'decision',?,?,?,'approved',?,?,'同意',?)");
	s_doc = prep("INSERT INTO case_document(id, case_id, kind, doc_no, created_by, created_at)"
		     " VALUES (?,?,?,?,?,?)");
	s_visit = prep("INSERT INTO return_visit(case_id, party_id, reached, method, satisfaction, visited_by,"
		       " visited_at) VALUES (?,?,1,'phone',?,?,?)");
	party_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM case_party");
	event_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM case_event");
	iv_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM interview");
	measure_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM measure");
	notice_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM case_notice");
	prop_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM penalty_proposal");
	appr_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM approval");
	doc_id = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM case_document");

	/* the linked cases first (their ids were given to the incidents), then walk-ins */
	for (int64_t i = 0; i < n_incident; i++)
		n_linked += incs[i].case_id != 0;
	first_manual = n_linked;
	phase_begin(&ph, "police_case + parts");
	{
		int64_t i = 0;

		for (int64_t k = 0; k < n_case; k++) {
			int64_t case_id = case_base + k, incident = 0, at;
			int si, criminal;
			const struct station *s;

			if (k < first_manual) {
				while (!incs[i].case_id)
					i++;
				incident = inc_base + i;
				at = incs[i].at + 3600 + rnd(3 * 3600);
				si = incs[i].station;
				criminal = incs[i].kind == 'c';
				i++;
			} else {
				at = t_now - 365 * 86400 + (int64_t)rnd(363 * 86400);
				si = (int)rnd(NSTATIONS);
				criminal = chance(0.15);
			}
			s = &st[si];
			{
				const char *kind = criminal ? "criminal" : "admin";
				const struct offence *off = &admin_off[rnd(8)];
				const char *title = criminal ? crim_titles[rnd(7)] : off->title;
				int year = year_of(at);
				char key[40], sql[192], case_no[160], rc[11], act[11], place[96], summary[160];
				int64_t seq, main = s->off[rnd((unsigned)s->noff)], co;
				int64_t age = t_now - at, filed = at + 3600 * (criminal ? 48 : 2);
				int64_t decided = at + (int64_t)(3 + rnd(12)) * 86400;
				int64_t closed = decided + (int64_t)(1 + rnd(3)) * 86400;
				int64_t archived = closed + 3600 * 12;
				const char *status;
				int is_open, is_decided;
				int64_t suspect, victim = 0;

				do
					co = s->off[rnd((unsigned)s->noff)];
				while (co == main);
				/* open: admin cases of the last 20 days; criminal cases still
				 * under investigation (30 % of those under 300 days, on bail) */
				if (!criminal)
					is_open = age < 20 * 86400;
				else
					is_open = age < 300 * 86400 && (age < 20 * 86400 || chance(0.3));
				if (!is_open && closed > t_now - 86400) {
					closed = t_now - 86400 - (int64_t)rnd(3600);
					archived = closed + 3600 * 6;
					if (decided > closed)
						decided = closed - 3600;
				}
				is_decided = !is_open && !criminal;
				/* a few closed files not archived on time: the sweep's BREACHes */
				status = is_open ? "filed" : chance(0.0005) ? "closed" : "archived";
				snprintf(key, sizeof(key), "c%d|%s|%d", si, kind, year);
				snprintf(sql, sizeof(sql),
					 "SELECT COALESCE((SELECT next_seq FROM case_counter WHERE unit_id = %lld"
					 " AND kind = '%s' AND case_year = %d), 0)",
					 (long long)s->id, kind, year);
				seq = counter_next(key, sql);
				snprintf(case_no, sizeof(case_no), "%s%s〔%d〕%05lld号", s->name, criminal ? "刑" : "行", year,
					 (long long)seq);
				receipt(case_id, rc);
				ymd_str(at - 3600 * 5, act);
				snprintf(place, sizeof(place), "%s社区", community(si, (int)rnd(COMMUNITIES_PER_STATION)));
				snprintf(summary, sizeof(summary), "报案人称在%s发生%s，经初步核实，依法受案调查。", place, title);
				bi(s_case, 1, case_id);
				bi(s_case, 2, s->id);
				bt(s_case, 3, kind);
				bi(s_case, 4, year);
				bi(s_case, 5, seq);
				bt(s_case, 6, case_no);
				bt(s_case, 7, rc);
				bt(s_case, 8, status);
				bt(s_case, 9, title);
				bt(s_case, 10, criminal ? NULL : off->code);
				bt(s_case, 11, summary);
				bt(s_case, 12, incident ? "incident" : "walk_in");
				bio(s_case, 13, incident);
				bt(s_case, 14, act);
				bt(s_case, 15, place);
				bt(s_case, 16, act);
				bi(s_case, 17, at - 1800);
				bi(s_case, 18, at);
				bi(s_case, 19, filed);
				bio(s_case, 20, is_decided ? decided : 0);
				bio(s_case, 21, is_open ? 0 : closed);
				bio(s_case, 22, is_open || strcmp(status, "archived") ? 0 : archived);
				bt(s_case, 23, is_open ? NULL : criminal ? "侦查终结" : "执行完毕");
				bi(s_case, 24, main);
				bi(s_case, 25, at);
				bi(s_case, 26, is_open ? filed : archived);
				step(s_case);
				bi(s_off, 1, case_id);
				bi(s_off, 2, main);
				bt(s_off, 3, "main");
				bi(s_off, 4, at);
				step(s_off);
				bi(s_off, 1, case_id);
				bi(s_off, 2, co);
				bt(s_off, 3, "co");
				bi(s_off, 4, at);
				step(s_off);
				suspect = party(case_id, person_base + (int64_t)(rnd64() % (uint64_t)n_person), "suspect", at);
				if (chance(criminal ? 0.7 : 0.5))
					victim = party(case_id, person_base + (int64_t)(rnd64() % (uint64_t)n_person), "victim",
						       at);
				event(case_id, at, main, "accept", NULL, "accepted");
				event(case_id, filed, main, "file", "accepted", "filed");
				if (is_decided) {
					event(case_id, decided - 3600, main, "submit", "filed", "approving");
					event(case_id, decided, s->chief, "approve", "approving", "decided");
					event(case_id, decided + 3600, main, "deliver", "decided", "delivered");
				}
				if (!is_open) {
					event(case_id, closed, main, "close", is_decided ? "delivered" : "filed", "closed");
					if (!strcmp(status, "archived"))
						event(case_id, archived, s->chief, "archive", "closed", "archived");
					visit(case_id, suspect, closed, main);
					if (victim)
						visit(case_id, victim, closed, main);
				}
				interview(case_id, suspect, criminal ? "interrogation" : "inquiry", filed + 600, main, co, s);
				if (victim)
					interview(case_id, victim, "inquiry", filed + 7200, main, co, s);
				doc(case_id, s, si, "accept_form", "受", at, main);
				if (!criminal) {
					if (chance(0.5))
						measure(case_id, suspect, "summons", "8h", filed, filed + 4 * 3600, 0, main, 0,
							1);
				} else {
					int64_t det = measure(case_id, suspect, "crim_detention", "3d", filed,
							      filed + 3 * 86400 - 3600, u_bureau_chief, main, 0, 1);
					int64_t bail_start = filed + 3 * 86400 - 3600;

					if (is_open && bail_start < t_now) {
						measure(case_id, suspect, "bail", "12m", bail_start, 0, u_bureau_chief, main, det,
							0);
						active++;
					} else if (!is_open) {
						measure(case_id, suspect, "bail", "12m", bail_start, closed, u_bureau_chief, main,
							det, 0);
					}
				}
				if (is_decided) {
					char dn[160];
					int fine = chance(0.6);

					bi(s_notice, 1, notice_id++);
					bi(s_notice, 2, case_id);
					bi(s_notice, 3, suspect);
					bi(s_notice, 4, decided - 7200);
					bt(s_notice, 5, fine ? "拟处罚款五百元" : "拟处行政拘留五日");
					bi(s_notice, 6, main);
					bi(s_notice, 7, decided - 7200);
					step(s_notice);
					bi(s_prop, 1, prop_id++);
					bi(s_prop, 2, case_id);
					bi(s_prop, 3, suspect);
					bt(s_prop, 4, off->code);
					bt(s_prop, 5, year >= 2026 ? "ZA2025" : "ZA2012");
					bi(s_prop, 6, 0);
					bi(s_prop, 7, fine ? 500 : 0);
					bi(s_prop, 8, fine ? 0 : 5);
					bt(s_prop, 9, doc_no(s, si, "decision", "决", year_of(decided), dn));
					bi(s_prop, 10, main);
					bi(s_prop, 11, decided - 7200);
					step(s_prop);
					for (int a = 1; a <= 2; a++) {
						bi(s_appr, 1, appr_id++);
						bi(s_appr, 2, case_id);
						bi(s_appr, 3, a);
						bt(s_appr, 4, a == 1 ? "legal" : "chief");
						bi(s_appr, 5, s->id);
						bi(s_appr, 6, a == 1 ? u_legal_bureau : s->chief);
						bi(s_appr, 7, decided - (a == 1 ? 1800 : 0));
						bi(s_appr, 8, decided - 3600);
						step(s_appr);
					}
					bi(s_doc, 1, doc_id++);
					bi(s_doc, 2, case_id);
					bt(s_doc, 3, "decision");
					bt(s_doc, 4, dn);
					bi(s_doc, 5, main);
					bi(s_doc, 6, decided);
					step(s_doc);
				}
				open_admin += is_open && !criminal;
				open_crim += is_open && criminal;
			}
		}
	}
	/* counters continue after the generated numbers */
	{
		sqlite3_stmt *cc = prep("INSERT INTO case_counter(unit_id, kind, case_year, next_seq) VALUES (?,?,?,?)"
					" ON CONFLICT (unit_id, kind, case_year) DO UPDATE SET next_seq = excluded.next_seq");
		sqlite3_stmt *dc = prep("INSERT INTO doc_counter(unit_id, kind, doc_year, next_seq) VALUES (?,?,?,?)"
					" ON CONFLICT (unit_id, kind, doc_year) DO UPDATE SET next_seq = excluded.next_seq");

		for (size_t k = 0; k < nctr; k++) {
			char type = ctrs[k].key[0], kind[24];
			int si, year;

			if (type != 'c' && type != 'd')
				continue;
			if (sscanf(ctrs[k].key + 1, "%d|%23[^|]|%d", &si, kind, &year) != 3)
				die("bad counter key %s", ctrs[k].key);
			/* both counters hold the last number given */
			if (type == 'c') {
				bi(cc, 1, st[si].id);
				bt(cc, 2, kind);
				bi(cc, 3, year);
				bi(cc, 4, ctrs[k].next - 1);
				step(cc);
			} else {
				bi(dc, 1, st[si].id);
				bt(dc, 2, kind);
				bi(dc, 3, year);
				bi(dc, 4, ctrs[k].next - 1);
				step(dc);
			}
		}
		sqlite3_finalize(cc);
		sqlite3_finalize(dc);
	}
	phase_end(&ph);
	if (!quiet)
		printf("  (open: %lld admin, %lld criminal; %lld active measures)\n", (long long)open_admin,
		       (long long)open_crim, (long long)active);
	sqlite3_finalize(s_case);
	sqlite3_finalize(s_off);
	sqlite3_finalize(s_party);
	sqlite3_finalize(s_event);
	sqlite3_finalize(s_iv);
	sqlite3_finalize(s_ivo);
	sqlite3_finalize(s_measure);
	sqlite3_finalize(s_notice);
	sqlite3_finalize(s_prop);
	sqlite3_finalize(s_appr);
	sqlite3_finalize(s_doc);
	sqlite3_finalize(s_visit);
}

/* ---- the wanted list ---- */

static void load_wanted(void)
{
	sqlite3_stmt *ins = prep("INSERT INTO wanted_person(id, id_number, name, case_desc, issuing_unit, issued_on,"
				 " withdrawn_at, updated_at) VALUES (?,?,?,?,?,?,?,?)");
	sqlite3_stmt *hit = prep("INSERT INTO comparison_hit(person_id, wanted_id, unit_id, hit_at, status, signed_by,"
				 " signed_at, checked_by, checked_at, feedback, closed_at) VALUES (?,?,?,?,'closed',?,?,?,?,"
				 "'已核查，移交追逃部门',?)");
	static const char *const descs[] = { "涉嫌盗窃（网上追逃）", "涉嫌诈骗（网上追逃）", "涉嫌故意伤害（网上追逃）",
					     "涉嫌抢劫（网上追逃）", "涉嫌开设赌场（网上追逃）", "涉嫌贩卖毒品（网上追逃）" };
	static const char *const units[] = { "外省某市公安局", "本省某市公安局", "某县公安局刑侦大队" };
	int64_t base = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM wanted_person");
	int64_t in_registry = n_wanted / 50, hits = 0;
	struct phase ph;

	phase_begin(&ph, "wanted_person + hits");
	for (int64_t k = 0; k < n_wanted; k++) {
		char num[19], name[32], issued[11];
		const char *ch[3];
		int64_t person = -1;

		if (k % 50 == 0 && k / 50 < in_registry) {
			/* one in fifty is a registered person: spread over the registry */
			person = (k / 50) * (n_person / (in_registry ? in_registry : 1));
			id_number((uint64_t)person, 0, num, NULL, NULL);
		} else {
			id_number((uint64_t)k, 1, num, NULL, NULL);
		}
		make_name(name, ch);
		ymd_str(t_now - (int64_t)rnd(3 * 365) * 86400 - 86400, issued);
		bi(ins, 1, base + k);
		bt(ins, 2, num);
		bt(ins, 3, name);
		bt(ins, 4, descs[rnd(6)]);
		bt(ins, 5, units[rnd(3)]);
		bt(ins, 6, issued);
		bio(ins, 7, person < 0 && chance(0.05) ? t_now - (int64_t)rnd(300) * 86400 : 0);
		bi(ins, 8, t_now - 86400 * 2);
		step(ins);
		if (person >= 0) {
			int s = addr_station(person % n_addr);
			int64_t at = t_now - 86400 * 2;

			bi(hit, 1, person_base + person);
			bi(hit, 2, base + k);
			bi(hit, 3, st[s].id);
			bi(hit, 4, at);
			bi(hit, 5, st[s].off[0]);
			bi(hit, 6, at + 600);
			bi(hit, 7, st[s].off[0]);
			bi(hit, 8, at + 7200);
			bi(hit, 9, at + 7200);
			step(hit);
			hits++;
		}
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(hit);
	phase_end(&ph);
	if (!quiet)
		printf("  (%lld in the registry, hits handled)\n", (long long)hits);
}

/* The import scenario's files: N new persons (numbers outside the
 * registry's) as JSON bodies of POST /persons/import, K rows each (a body
 * stays under the server's 1 MiB limit). */
static int write_import(const char *dir, long rows, long chunk)
{
	long files = 0;

	names_init();
	for (long r0 = 0; r0 < rows; r0 += chunk) {
		char path[4096];
		FILE *f;

		snprintf(path, sizeof(path), "%s/import_%03ld.json", dir, files++);
		f = fopen(path, "w");
		if (!f)
			die("cannot write %s", path);
		fputs("{\"what\":\"persons\",\"csv\":\"姓名,身份证号,电话,类别,社区,楼栋,单元,房号\\n", f);
		for (long i = r0; i < rows && i < r0 + chunk; i++) {
			char num[19], name[32];
			const char *ch[3];
			long a = i / 5;

			make_name(name, ch);
			id_number((uint64_t)(5000000 + i), 0, num, NULL, NULL);
			fprintf(f, "%s,%s,1%d%08ld,%s,导入%ld社区,%ld号楼,%ld单元,%ld%02ld\\n", name, num, 50 + (int)(i % 40),
				(i * 7919L + 17) % 100000000L, i % 10 ? "常住" : "暂住", a / 2000, a % 2000 / 40 + 1,
				a % 40 / 10 + 1, a % 10 / 2 + 1, a % 2 + 1);
		}
		fputs("\"}", f);
		fclose(f);
	}
	printf("gen: %ld import rows in %ld files\n", rows, files);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *import_dir = NULL;
	double scale = 1.0;
	long import_rows = 100000, import_chunk = 10000;

	t_now = (int64_t)time(NULL);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			path = argv[++i];
		else if (!strcmp(argv[i], "--scale") && i + 1 < argc)
			scale = atof(argv[++i]);
		else if (!strcmp(argv[i], "--now") && i + 1 < argc)
			t_now = atoll(argv[++i]);
		else if (!strcmp(argv[i], "--quiet"))
			quiet = 1;
		else if (!strcmp(argv[i], "--import-json") && i + 1 < argc)
			import_dir = argv[++i];
		else if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			import_rows = atol(argv[++i]);
		else if (!strcmp(argv[i], "--chunk") && i + 1 < argc)
			import_chunk = atol(argv[++i]);
		else {
			fprintf(stderr, "usage: gen --db PATH [--scale F] [--now EPOCH] [--quiet]\n");
			return 2;
		}
	}
	if (import_dir)
		return write_import(import_dir, import_rows, import_chunk > 0 ? import_chunk : 10000);
	if (!path || scale <= 0 || scale > 10) {
		fprintf(stderr, "usage: gen --db PATH [--scale F (0..10]] [--now EPOCH] [--quiet]\n");
		return 2;
	}
	today = local_day(t_now);
	n_person = (int64_t)(1000000 * scale);
	n_addr = (int64_t)(200000 * scale);
	n_rental = (int64_t)(50000 * scale);
	n_incident = (int64_t)(300000 * scale);
	n_case = (int64_t)(60000 * scale);
	n_wanted = (int64_t)(100000 * scale);
	if (n_addr < NSTATIONS)
		n_addr = NSTATIONS;
	if (n_case > n_incident)
		n_case = n_incident;
	names_init();
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die("cannot open %s: %s", path, sqlite3_errmsg(db));
	if (one_int("SELECT COUNT(*) FROM person_name_token") > 0 &&
	    one_int("SELECT COUNT(*) FROM person") > 100000)
		die("%s already holds a generated data set", path);
	exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;"
	     " PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY");
	t_start = now_s();
	if (!quiet)
		printf("gen: scale %g into %s\n", scale, path);
	exec("BEGIN");
	load_county();
	load_addresses();
	load_persons();
	load_rentals();
	load_incidents();
	load_cases();
	load_wanted();
	exec("COMMIT");
	{
		double t = now_s();

		exec("PRAGMA foreign_keys=ON");
		exec("PRAGMA wal_checkpoint(TRUNCATE)");
		if (!quiet)
			printf("  %-28s %9s      %7.2f s\n", "checkpoint", "", now_s() - t);
	}
	{
		double dt = now_s() - t_start;

		printf("gen: %ld rows in %.1f s (%.0f rows/s)\n", total_rows, dt, total_rows / dt);
	}
	sqlite3_close(db);
	return 0;
}
