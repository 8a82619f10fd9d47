/* api_authz_matrix.c — every route × every demo role × own station / other
 * station / other county, against an expected outcome WRITTEN BY HAND
 * below (issue 12 item 4). The table is reviewed by reading: it states what
 * each role of DESIGN §1 may do, not what the code happens to answer.
 *
 * The route list comes from src/api/routes.c ($PRECINCT_SRC; parsed, so a new route
 * without a row here fails the test, and so does a row for a route that is
 * gone). The fixtures: the demo county, with 西河派出所 moved into a second
 * county (外县公安局) and a few of 城关's records moved to 北社 and to 西河
 * before the server starts, so that every kind of record exists in the
 * three places.
 *
 * A cell is one character: Y = not refused (2xx, or 4xx other than 403/404:
 * a validation or state answer means the permission held), N = 403,
 * H = 404, . = not run (no fixture). A route without {id} has one cell per
 * role; a route with a record id has three: own station, other station,
 * other county (one character stands for all three). Within a route the
 * refusals run first, so that an allowed write cannot change the state a
 * refusal is checked in.
 *
 * A record of another unit is never answered as absent: reading it or
 * acting on it is refused (403, N) and the refusal is audited (TRUST
 * ACL-1, issue 13) — so no cell of this table is H any more, and every 403
 * the run meets must have left a "denied" audit row with its request id;
 * every 2xx read of business data (a GET the administrator is refused) a
 * "success" row (AUD-1; three exemptions in read_audited). */
#include "harness.h"
#include "core/crypto.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define API "/api/v1"

/* the demo accounts, in the column order of the table */
static const char *const users[] = {
	"admin",      /* 系统管理员 */
	"auditor",    /* 安全审计员 */
	"jiejing",    /* 接警员 dispatcher, 110 center (county) */
	"ducha",      /* 督察 supervisor, 督察大队 (county) */
	"juzhang",    /* 局领导 chief at the county bureau */
	"fazhidadui", /* 法制大队 legal (county) */
	"suozhang",   /* 所长 chief of 城关派出所 */
	"minjing1",   /* 民警 officer of 城关, main officer of its cases */
	"minjing2",   /* 民警 officer of 城关, co-officer */
	"fazhi",      /* 法制员 legal of 城关 */
	"neiqin",     /* 内勤 clerk of 城关 */
	"fujing",     /* 辅警 auxiliary of 城关 */
	"dangan",     /* 档案管理员 archivist of 城关 */
};
#define NU ((int)(sizeof(users) / sizeof(users[0])))

enum { OWN, OTHER, COUNTY, NSCOPE };

struct row {
	const char *method, *path, *body;
	const char *cells; /* NU space-separated groups of 1 or 3 characters */
};

/* Placeholders in paths and bodies: {id} and the words below are replaced
 * by the fixture of the scope being run (see fill). */
#define R(m, p, b, c) { m, API p, b, c }

/*                                       adm aud jie duc juz fzd suo mj1 mj2 fzh nq  fj  da */
static const struct row table[] = {
	/* public and one's own session */
	R("GET", "/health", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/session", "{\"username\":\"nobody-matrix\",\"password\":\"not-it\"}",
	  "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("DELETE", "/session", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/me", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/me/password", "{\"old_password\":\"Wrong#Old-2026\",\"new_password\":\"Matrix#New-2026x\"}",
	  "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	/* a demo case's code and its reporter's digits (13800001111) */
	R("POST", "/progress", "{\"receipt_code\":\"{code}\",\"phone_last4\":\"1111\"}",
	  "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	/* one's own second factor (AUTH-5): everybody; a wrong code is a 400,
	 * disabling what is not enabled a 409 */
	R("GET", "/me/totp", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/me/totp/setup", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/me/totp/confirm", "{\"code\":\"abcdef\"}", "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/me/totp/disable", "{\"code\":\"abcdef\"}", "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	/* exports of personal data (PII-2): ledger keepers and reviewers */
	R("POST", "/exports", "{\"kind\":\"cases\",\"format\":\"csv\",\"reason\":\"矩阵导出核对\"}",
	  "N N N Y Y Y Y N N Y Y N N"),

	/* system administration: the administrator only (三权分立) */
	R("GET", "/users", NULL, "Y N N N N N N N N N N N N"),
	R("POST", "/users",
	  "{\"username\":\"matrixu\",\"name\":\"矩阵\",\"role\":\"officer\",\"unit_id\":@station,"
	  "\"password\":\"Xinren#Start-2026\"}",
	  "Y N N N N N N N N N N N N"),
	R("PATCH", "/users/{id}", "{\"name\":\"改名\"}",
	  "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	R("POST", "/users/{id}/lock", NULL, "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	R("POST", "/users/{id}/unlock", NULL, "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	R("POST", "/users/{id}/password", "{\"new_password\":\"Reset#Matrix-2026\"}",
	  "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	R("POST", "/users/{id}/totp/reset", NULL, "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	/* the org tree is not personal data: everybody reads it */
	R("GET", "/units", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/units",
	  "{\"code\":\"140000019900\",\"name\":\"矩阵派出所\",\"kind\":\"station\",\"parent_id\":@bureau}",
	  "Y N N N N N N N N N N N N"),
	R("PATCH", "/units/{id}", "{\"phone\":\"0351-7654321\"}",
	  "YYY NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN NNN"),
	R("GET", "/settings", NULL, "Y N N N N N N N N N N N N"),
	R("PUT", "/settings/{key}", "{\"value\":240}", "Y N N N N N N N N N N N N"),
	R("GET", "/holidays", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("PUT", "/holidays/{day}", "{\"kind\":\"holiday\",\"name\":\"矩阵节\"}",
	  "Y N N N N N N N N N N N N"),
	/* the audit log: the auditor only */
	R("GET", "/audit", NULL, "N Y N N N N N N N N N N N"),
	R("GET", "/audit/verify", NULL, "N Y N N N N N N N N N N N"),
	R("GET", "/audit/export", NULL, "N Y N N N N N N N N N N N"),

	/* lookups */
	R("GET", "/colleagues", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/offences", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	/* the rule catalog is the law, not case data: every signed-in role reads it,
	 * and its public part needs no login */
	R("GET", "/catalog", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/catalog/public", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/incident-categories", NULL, "Y Y Y Y Y Y Y Y Y Y Y Y Y"),

	/* cases: business data, never admin/auditor; county staff read the
	 * county, station staff their station; work on a case is its
	 * officers' (and its station chief's) */
	R("GET", "/cases", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/cases",
	  "{\"kind\":\"admin\",\"title\":\"矩阵案\",\"source\":\"walk_in\",\"act_date\":\"@yesterday\","
	  "\"co_officer_id\":@co}",
	  "N N N N N N Y Y Y N N N N"),
	R("GET", "/cases/{id}", NULL, "NNN NNN YYN YYN YYN YYN YNN YNN YNN YNN YNN YNN YNN"),
	/* the main officer (minjing2 on the own case) or the station's chief */
	R("POST", "/cases/{id}/officers", "{\"user_id\":@aux,\"duty\":\"assist\"}",
	  "NNN NNN NNN NNN NNN NNN YNN NNN YNN NNN NNN NNN NNN"),
	R("POST", "/cases/{id}/parties", "{\"role\":\"witness\",\"name\":\"矩阵证人\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN NNN NNN NNN"),
	/* approving: the own case waits for the station's legal review (fazhi);
	 * the other station's case is only filed, and a state that does not
	 * allow the action answers 409 before the approver is asked for */
	R("POST", "/cases/{id}/actions/{action}", "{\"opinion\":\"同意\"}",
	  "NNN NNN NYN NYN NYN NYN NNN NNN NNN YNN NNN NNN NNN"),
	R("POST", "/cases/{id}/interviews",
	  "{\"party_id\":@party,\"kind\":\"inquiry\",\"start_at\":@ivstart,\"end_at\":@ivend,"
	  "\"place_kind\":\"station_room\",\"place\":\"办案区第一询问室\",\"recording_id\":\"AV-9001\","
	  "\"qa\":[{\"q\":\"问\",\"a\":\"答\"}]}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/cases/{id}/notices", "{\"party_id\":@party,\"kind\":\"guardian\",\"penalty_text\":\"拟作出的处罚\",\"statement\":\"无\"}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/cases/{id}/proposals", "{\"party_id\":@party,\"offence_code\":\"OF-101\",\"tier\":\"基本\",\"warning\":true}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/cases/{id}/property", "{\"name\":\"手机\",\"quantity\":\"1部\"}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/cases/{id}/documents", "{\"kind\":\"receipt\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN NNN NNN"),
	R("GET", "/interviews/{id}", NULL, "NN. NN. YY. YY. YY. YY. YN. YN. YN. YN. YN. YN. YN."),
	R("PATCH", "/interviews/{id}", "{\"qa\":[{\"q\":\"问\",\"a\":\"答\"}]}",
	  "NN. NN. NN. NN. NN. NN. NN. YN. YN. NN. NN. NN. NN."),
	R("POST", "/interviews/{id}/sign", NULL, "NN. NN. NN. NN. NN. NN. NN. YN. YN. NN. NN. NN. NN."),
	R("POST", "/interviews/{id}/correct", NULL,
	  "NN. NN. NN. NN. NN. NN. NN. YN. YN. NN. NN. NN. NN."),
	R("POST", "/proposals/{id}/withdraw", NULL, "N.. N.. N.. N.. N.. N.. N.. Y.. Y.. N.. N.. N.. N.."),
	R("POST", "/property/{id}/keep", "{\"keeper\":\"保管员\"}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("GET", "/approvals", NULL, "N N N N Y Y Y N N Y N N N"),

	/* law-enforcement clocks */
	R("GET", "/warnings", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/warnings/summary", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/breaches", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	/* the case's officers, its station's chief or the county's chief */
	R("POST", "/breaches/{id}/answer", "{\"kind\":\"explanation\",\"text\":\"说明\"}",
	  "NNN NNN NNN NNN YYN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("GET", "/measures", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/cases/{id}/measures", "{\"party_id\":@party,\"kind\":\"summons\",\"tier\":\"8h\",\"reason\":\"到案接受询问\"}",
	  "NNN NNN NNN NNN YYN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/measures/{id}/extend", "{\"tier\":\"24h\",\"reason\":\"情况复杂\"}",
	  "NNN NNN NNN NNN YYN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/measures/{id}/milestone", "{\"key\":\"family\",\"at\":@now}",
	  "NNN NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/measures/{id}/end", "{\"reason\":\"release\"}",
	  "NNN NNN NNN NNN YYN NNN YNN YNN YNN NNN NNN NNN NNN"),
	/* the 30-day extension is the bureau's (a rule: 409 for others) */
	R("POST", "/cases/{id}/limit", "{\"action\":\"extend\",\"reason\":\"重大复杂\"}",
	  "NNN NNN YYN YYN YYN YYN YNN YNN YNN YNN YNN YNN YNN"),
	R("GET", "/custody", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/custody", "{\"case_id\":@case,\"party_id\":@party,\"reason\":\"传唤到案\"}",
	  "N N N N N N Y Y Y N N N N"),
	R("GET", "/custody/{id}", NULL, "NN. NN. YY. YY. YY. YY. YN. YN. YN. YN. YN. YN. YN."),
	R("POST", "/custody/{id}/check", "{\"notes\":\"人身检查无异常\"}",
	  "NN. NN. NN. NN. YY. YY. YN. YN. YN. YN. NN. YN. NN."),
	R("POST", "/custody/{id}/room", "{\"room_kind\":\"inquiry_room\",\"room_no\":\"1\"}",
	  "NN. NN. NN. NN. YY. YY. YN. YN. YN. YN. NN. YN. NN."),
	R("POST", "/custody/{id}/log", "{\"kind\":\"meal\",\"note\":\"午餐\"}",
	  "NN. NN. NN. NN. YY. YY. YN. YN. YN. YN. NN. YN. NN."),
	R("POST", "/custody/{id}/exit", "{\"reason\":\"询问完毕\",\"belongings_returned\":true}",
	  "NN. NN. NN. NN. YY. YY. YN. YN. YN. YN. NN. YN. NN."),

	/* 110: the desk registers and dispatches county-wide; stations their own */
	R("GET", "/incidents", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/incidents",
	  "{\"source\":\"walk_in\",\"place\":\"城关镇人民路\",\"category\":\"dispute\",\"summary\":\"矩阵报警\","
	  "\"caller_name\":\"报警人\",\"caller_phone\":\"13800000000\"}",
	  "N N Y Y Y N Y Y Y N N Y N"),
	R("GET", "/incidents/board", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("GET", "/incidents/{id}", NULL, "NNN NNN YYN YYN YYN YYN YNN YNN YNN YNN YNN YNN YNN"),
	R("POST", "/incidents/{id}/dispatch", "{\"station_id\":@unit}",
	  "NNN NNN YYN YYN NNN NNN YNN NNN NNN NNN NNN NNN NNN"),
	R("POST", "/incidents/{id}/feedback", "{\"outcome\":\"mediated\",\"text\":\"已调解\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("POST", "/incidents/{id}/callback", "{\"result\":\"satisfied\"}",
	  "NNN NNN YYN YYN NNN NNN YNN YNN YNN NNN NNN YNN NNN"),
	R("POST", "/incidents/{id}/{step}", NULL,
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN NNN YNN NNN"),
	R("GET", "/oversight", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/oversight",
	  "{\"object_type\":\"incident\",\"object_id\":@incident,\"instructions\":\"请尽快处置\",\"deadline\":@later}",
	  "N N Y Y N N N N N N N N N"),
	R("POST", "/oversight/{id}/{action}", NULL,
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("GET", "/reports/daily", NULL, "N N Y Y Y Y Y N N Y N N N"),
	R("GET", "/reports/daily.xlsx", NULL, "N N Y Y Y Y Y N N Y N N N"),
	R("GET", "/reports/stats", NULL, "N N Y Y Y Y Y N N Y N N N"),

	/* 一标三实: station staff register; every business role reads its unit */
	R("GET", "/addresses", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/addresses", "{\"community\":\"矩阵社区\",\"building\":\"1\",\"room\":\"101\"}",
	  "N N N N N N Y Y Y N Y Y N"),
	/* 修改 an address: whoever registers them, of its station (an emptied
	 * community is a 400 after the permission held, before the beat rule) */
	R("PATCH", "/addresses/{id}", "{\"community\":\"\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN YNN NNN"),
	R("GET", "/persons", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/persons", "{\"id_number\":\"110101199003071233\",\"name\":\"矩阵人\",\"kind\":\"temporary\"}",
	  "N N N N N N Y Y Y N Y Y N"),
	R("POST", "/persons/import", "{\"csv\":\"姓名,身份证号\\n\"}", "N N N N N N Y Y Y N Y Y N"),
	R("GET", "/persons/{id}", NULL, "NNN NNN YYN YYN YYN YYN YNN YNN YNN YNN YNN YNN YNN"),
	R("GET", "/rentals", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/rentals", "{\"address_id\":@address,\"landlord_id\":@person,\"rooms\":2,\"level\":\"normal\"}",
	  "N N N N N N Y Y Y N Y Y N"),
	/* a rental is its station's; the county reads (and the bureau's staff
	 * read) the county's, never the other county's */
	R("GET", "/rentals/{id}", NULL, "NNN NNN YYN YYN YYN YYN YNN YNN YNN YNN YNN YNN YNN"),
	/* the rental is in 东街一区 (demo): its sergeant minjing1, its auxiliary
	 * and the chief visit it; minjing2 and the clerk only read (COM-WARD) */
	R("POST", "/rentals/{id}/visits", "{\"visited_on\":\"@today\",\"findings\":\"正常\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN NNN NNN NNN YNN NNN"),
	R("POST", "/rentals/{id}/cases", "{\"case_id\":@case}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN YNN NNN"),
	R("POST", "/rentals/{id}/tenancies", "{\"person_id\":@person,\"from_date\":\"@today\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN YNN NNN"),
	R("POST", "/tenancies/{id}/end", "{\"to_date\":\"@today\"}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN YNN NNN"),
	R("POST", "/floating", "{\"person_id\":@person,\"mode\":\"direct\",\"layer\":\"known\",\"registered_on\":\"@today\"}",
	  "N N N N N N Y Y Y N Y Y N"),
	R("GET", "/employers", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/employers", "{\"name\":\"矩阵公司\",\"contact\":\"联系人\",\"phone\":\"13800000001\"}",
	  "N N N N N N Y Y Y N Y Y N"),
	R("POST", "/employers/{id}/reports", "{\"month\":\"@month\",\"arrivals\":1,\"departures\":0}",
	  "NNN NNN NNN NNN NNN NNN YNN YNN YNN NNN YNN YNN NNN"),
	R("GET", "/wanted", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/wanted",
	  "{\"id_number\":\"110101199001011237\",\"name\":\"矩阵逃犯\",\"case_desc\":\"诈骗\","
	  "\"issuing_unit\":\"外地公安局\",\"issued_on\":\"@today\"}",
	  "N N N Y Y Y Y N N Y N N N"),
	R("POST", "/wanted/import", "{\"csv\":\"身份证号,姓名\\n\"}", "N N N Y Y Y Y N N Y N N N"),
	/* the list is the county's, not a station's: one answer for every scope */
	R("POST", "/wanted/{id}/withdraw", NULL, "N N N Y Y Y Y N N Y N N N"),
	R("GET", "/hits", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/hits/{id}/{step}", NULL, "NNN NNN NNN NNN YYN NNN YNN YNN YNN NNN NNN NNN NNN"),
	R("GET", "/letters", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	R("POST", "/letters", "{\"person_id\":@person,\"to_unit\":\"原籍派出所\",\"sent_on\":\"@today\"}",
	  "N N N N N N Y Y Y N Y N N"),
	/* an answer is the station's own: another station's letter is refused
	 * (403, audited); the county chief reaches both, and for him neither is
	 * his station's letter to answer (409) */
	R("POST", "/letters/{id}/answer", "{\"answered_on\":\"@today\",\"result\":\"none\"}",
	  "NN. NN. NN. NN. YY. NN. YN. YN. YN. NN. YN. NN. NN."),
	R("GET", "/population/summary", NULL, "N N Y Y Y Y Y Y Y Y Y Y Y"),
	/* the areas' rows: tests/api/authz/<area>.inc, collected by the build
	 * (cmake/collect.cmake → collected/authz_matrix.inc) */
#include "collected/authz_matrix.inc"
};
#define NROWS ((int)(sizeof(table) / sizeof(table[0])))

/* ---- fixtures ---- */

struct fixtures {
	long long unit[NSCOPE];      /* 城关, 北社, 西河 (moved to the other county) */
	long long bureau;            /* the demo county */
	long long user[NSCOPE];      /* an officer of each, the target of account routes */
	long long kase[NSCOPE], party[NSCOPE], interview[NSCOPE], proposal[NSCOPE];
	long long property[NSCOPE], measure[NSCOPE], custody[NSCOPE], breach[NSCOPE];
	long long incident[NSCOPE], oversight[NSCOPE];
	long long person[NSCOPE], address[NSCOPE], rental[NSCOPE], tenancy[NSCOPE];
	long long employer[NSCOPE], hit[NSCOPE], letter[NSCOPE], wanted[NSCOPE];
	long long trade[NSCOPE], trade_finding[NSCOPE], trade_inspection[NSCOPE], floating[NSCOPE], compound[NSCOPE], forecast[NSCOPE];
	long long patrol_team[NSCOPE], patrol_plan[NSCOPE], patrol_arrest[NSCOPE];
	long long co_officer, aux;
	const char *receipt;
	/* 执法监督 (issue 15 part A) */
	long long complaint[NSCOPE], appeal[NSCOPE], fault[NSCOPE], visit[NSCOPE];
	const char *tracking;
	long long evidence[NSCOPE], attachment[NSCOPE];
	long long archive[NSCOPE], loan[NSCOPE];
	long long inspection[NSCOPE], finding[NSCOPE];
	/* 社区警务 */
	long long beat[NSCOPE], grid[NSCOPE], key_person[NSCOPE], kp_transfer[NSCOPE], sweep[NSCOPE];
	long long sweep_address[NSCOPE];
	long long beat_address, kp_person, dongguan, juzhang;
	/* 三考 */
	long long exam_question[NSCOPE], exam_sitting[NSCOPE];
	long long equipment[NSCOPE];
	/* 队伍管理 (issue 18, part 3) */
	long long intervention[NSCOPE], monitor[NSCOPE], monitor_visit[NSCOPE];
	/* 领导交办, 调度会 (issue 17) */
	long long leader_task[NSCOPE], meeting[NSCOPE];
	/* 包片领导 (issue 16 gaps, addr2): one current assignment at each station */
	long long leader_assignment[NSCOPE];
	long long sanction[NSCOPE];
	/* 居住证 (issue 16 gaps, rescard) */
	long long residence_permit[NSCOPE];
	/* 队伍管理 (issue 18, part 1) */
	long long roster[NSCOPE], leave[NSCOPE];
	/* 回避 (issue 15) */
	long long recusal[NSCOPE];
	/* 撤管 (issue 16 gaps) */
	long long kp_removal[NSCOPE];
	long long kp_listing[NSCOPE];
	long long hotel_guest[NSCOPE], scrap_purchase[NSCOPE], left_item[NSCOPE], circulated_goods[NSCOPE];
	/* issue 17 remaining gaps (pat5) */
	long long patrol_slot[NSCOPE];
};

static long long q1(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

static void exec(struct server *srv, const char *sql)
{
	if (db_raw_exec(srv->db, sql) != 0)
		fail_msg("fixture SQL failed: %s", sql);
}

/* Move the demo data into three places, on the stopped database. The demo
 * seed's cases: 4 (approving, with a measure, custody and an interview)
 * stays at 城关; 2 (filed, the same kinds of records) goes to 北社 with
 * 北社's officers; 15 (criminal, with a measure) to 西河 in the other
 * county. */
static void make_fixtures(struct server *srv, struct fixtures *f)
{
	/* the server's clock (offset 0), written in portable SQL */
	const char *now = fmt(srv, "%lld", (long long)time(NULL));

	memset(f, 0, sizeof(*f));
	f->unit[OWN] = q1(srv, "SELECT id FROM org_unit WHERE name = '城关派出所'");
	f->unit[OTHER] = q1(srv, "SELECT id FROM org_unit WHERE name = '北社派出所'");
	f->unit[COUNTY] = q1(srv, "SELECT id FROM org_unit WHERE name = '西河派出所'");
	f->bureau = q1(srv, "SELECT id FROM org_unit WHERE kind = 'bureau'");
	assert_true(f->unit[OWN] > 0 && f->unit[OTHER] > 0 && f->unit[COUNTY] > 0);

	/* the other county: a root bureau of its own, 西河 under it */
	exec(srv, fmt(srv, "INSERT INTO org_unit(id, code, name, kind, parent_id, path, created_at, updated_at)"
			   " VALUES (900, '150000000000', '外县公安局', 'bureau', NULL, '/900/', 0, 0);"
			   "UPDATE org_unit SET parent_id = 900, path = '/900/' || id || '/' WHERE id = %lld;"
			   "UPDATE incident SET unit_id = station_id WHERE station_id = %lld;",
		      f->unit[COUNTY], f->unit[COUNTY]));

	/* cases */
	f->kase[OWN] = 4;
	f->kase[OTHER] = 2;
	f->kase[COUNTY] = 15;
	assert_int_equal(q1(srv, "SELECT unit_id FROM police_case WHERE id = 4"), f->unit[OWN]);
	exec(srv, fmt(srv,
		      "UPDATE police_case SET unit_id = %lld, case_seq = case_seq + 100 WHERE id = 2;"
		      "UPDATE police_case SET unit_id = %lld WHERE id = 15;"
		      "UPDATE case_officer SET user_id = (SELECT id FROM users WHERE username = 'beishe_mj1')"
		      " WHERE case_id = 2 AND user_id = (SELECT id FROM users WHERE username = 'minjing1');"
		      "UPDATE case_officer SET user_id = (SELECT id FROM users WHERE username = 'beishe_mj2')"
		      " WHERE case_id = 2 AND user_id = (SELECT id FROM users WHERE username = 'minjing2');"
		      "UPDATE case_officer SET user_id = (SELECT id FROM users WHERE username = 'xihe_mj1')"
		      " WHERE case_id = 15 AND user_id = (SELECT id FROM users WHERE username = 'minjing1');"
		      "UPDATE case_officer SET user_id = (SELECT id FROM users WHERE username = 'xihe_mj2')"
		      " WHERE case_id = 15 AND user_id = (SELECT id FROM users WHERE username = 'minjing2');"
		      "UPDATE custody_entry SET unit_id = %lld WHERE case_id = 2;",
		      f->unit[OTHER], f->unit[COUNTY], f->unit[OTHER]));
	for (int s = 0; s < NSCOPE; s++) {
		long long k = f->kase[s];

		f->party[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM case_party WHERE case_id = %lld", k));
		f->interview[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM interview WHERE case_id = %lld", k));
		f->proposal[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM penalty_proposal WHERE case_id = %lld"
					     " AND status = 'submitted'", k));
		f->measure[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM measure WHERE case_id = %lld", k));
		f->custody[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM custody_entry WHERE case_id = %lld", k));
		/* property and breaches: one of each per case */
		exec(srv, fmt(srv,
			      "INSERT INTO case_property(case_id, name, quantity, seized_at, status, created_by,"
			      " created_at) SELECT %lld, '手机', '1部', %s - 3600, 'seized', user_id, %s"
			      " FROM case_officer WHERE case_id = %lld LIMIT 1;"
			      "INSERT INTO breach(clock_key, unit_id, case_id, rule, label, deadline, recorded_at)"
			      " SELECT 'matrix:%lld', unit_id, id, 'ADM-CASE-30D', '办案期限', %s - 7200, %s"
			      " FROM police_case WHERE id = %lld;",
			      k, now, now, k, k, now, now, k));
		f->property[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM case_property WHERE case_id = %lld", k));
		f->breach[s] = q1(srv, fmt(srv, "SELECT id FROM breach WHERE clock_key = 'matrix:%lld'", k));
	}

	/* incidents: one given to each station; an oversight task on each */
	for (int s = 0; s < NSCOPE; s++) {
		f->incident[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM incident WHERE station_id = %lld"
					     " AND status IN ('dispatched','acknowledged','arrived')",
					     f->unit[s]));
		if (f->incident[s] <= 0)
			f->incident[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM incident WHERE station_id = %lld",
						     f->unit[s]));
		exec(srv, fmt(srv,
			      "INSERT INTO oversight_task(object_type, object_id, station_id, instructions, deadline,"
			      " created_by, created_at) VALUES ('incident', %lld, %lld, '请核查', %s + 86400,"
			      " (SELECT id FROM users WHERE username = 'ducha'), %s)",
			      f->incident[s], f->unit[s], now, now));
		f->oversight[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM oversight_task WHERE station_id = %lld",
					      f->unit[s]));
	}

	/* 一标三实: records of 城关 moved to 北社 and to 西河 */
	{
		long long p[NSCOPE], r[NSCOPE], e[NSCOPE], h[NSCOPE];

		for (int s = 0; s < NSCOPE; s++) {
			p[s] = q1(srv, fmt(srv, "SELECT id FROM person WHERE unit_id = %lld AND id NOT IN"
					   " (SELECT person_id FROM case_party) ORDER BY id LIMIT 1 OFFSET %d",
					   f->unit[OWN], s));
			r[s] = q1(srv, fmt(srv, "SELECT r.id FROM rental r WHERE r.station_id = %lld AND EXISTS"
					   " (SELECT 1 FROM tenancy t WHERE t.rental_id = r.id AND t.to_date IS NULL)"
					   " ORDER BY r.id LIMIT 1 OFFSET %d",
					   f->unit[OWN], s));
			e[s] = q1(srv, fmt(srv, "SELECT id FROM employer_unit ORDER BY id LIMIT 1 OFFSET %d", s));
			h[s] = q1(srv, fmt(srv, "SELECT id FROM comparison_hit ORDER BY id LIMIT 1 OFFSET %d", s));
		}
		for (int s = 0; s < NSCOPE; s++) {
			f->person[s] = p[s];
			f->rental[s] = r[s];
			f->employer[s] = e[s];
			f->hit[s] = h[s];
			f->address[s] = q1(srv, fmt(srv, "SELECT address_id FROM rental WHERE id = %lld", r[s]));
			f->tenancy[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM tenancy WHERE rental_id = %lld"
						   " AND to_date IS NULL", r[s]));
			if (s == OWN)
				continue;
			exec(srv, fmt(srv,
				      "UPDATE person SET unit_id = %lld WHERE id = %lld;"
				      "UPDATE rental SET station_id = %lld WHERE id = %lld;"
				      "UPDATE address SET station_id = %lld, post_id = NULL WHERE id = %lld;"
				      "UPDATE employer_unit SET station_id = %lld WHERE id = %lld;"
				      "UPDATE comparison_hit SET unit_id = %lld WHERE id = %lld;",
				      f->unit[s], p[s], f->unit[s], r[s], f->unit[s], f->address[s], f->unit[s],
				      e[s], f->unit[s], h[s]));
		}
		f->letter[OWN] = q1(srv, "SELECT MIN(id) FROM inquiry_letter WHERE answered_on IS NULL");
		f->letter[OTHER] = q1(srv, "SELECT MAX(id) FROM inquiry_letter WHERE answered_on IS NULL");
		f->letter[COUNTY] = -1;
		if (f->letter[OTHER] != f->letter[OWN])
			exec(srv, fmt(srv, "UPDATE inquiry_letter SET station_id = %lld WHERE id = %lld",
				      f->unit[OTHER], f->letter[OTHER]));
		else
			f->letter[OTHER] = -1;
	}

	/* 特种行业: three of 城关's units with an open finding, moved to 北社 and 西河 */
	for (int s = 0; s < NSCOPE; s++) {
		f->trade[s] = q1(srv, fmt(srv, "SELECT DISTINCT unit_id FROM trade_finding WHERE rectified_on IS NULL"
					       " AND unit_id IN (SELECT id FROM trade_unit WHERE station_id = %lld)"
					       " ORDER BY unit_id LIMIT 1 OFFSET %d",
					  f->unit[OWN], s));
		f->trade_finding[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM trade_finding WHERE unit_id = %lld"
						       " AND rectified_on IS NULL", f->trade[s]));
		f->trade_inspection[s] = q1(srv, fmt(srv, "SELECT MIN(inspection_id) FROM trade_finding WHERE id = %lld",
						  f->trade_finding[s]));
	}
	/* 包片领导: 督察 马振东 made one of each station (the fixture; the rule on
	 * who may be one is the create's) */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv, "INSERT INTO leader_assignment(station_id, user_id, assigned_by, assigned_at)"
				   " SELECT %lld, id, id, %s FROM users WHERE username = 'ducha'",
			      f->unit[s], now));
		f->leader_assignment[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM leader_assignment WHERE station_id = %lld",
						       f->unit[s]));
	}
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE trade_unit SET station_id = %lld, address_id = NULL WHERE id = %lld",
			      f->unit[s], f->trade[s]));
	/* 安全小区: three of 城关's compounds (the demo's), moved to 北社 and 西河 */
	for (int s = 0; s < NSCOPE; s++)
		f->compound[s] = q1(srv, fmt(srv, "SELECT id FROM compound WHERE station_id = %lld ORDER BY id LIMIT 1 OFFSET %d",
					     f->unit[OWN], s));
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE compound SET station_id = %lld WHERE id = %lld", f->unit[s], f->compound[s]));
	/* 治安形势预报: three of 城关's (the demo's), moved to 北社 and 西河 */
	for (int s = 0; s < NSCOPE; s++)
		f->forecast[s] = q1(srv, fmt(srv, "SELECT id FROM security_forecast WHERE station_id = %lld ORDER BY id LIMIT 1 OFFSET %d",
					     f->unit[OWN], s));
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE security_forecast SET station_id = %lld WHERE id = %lld", f->unit[s], f->forecast[s]));
	/* 巡逻防控: a team, a plan and a log with an arrest in the act in each scope */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO patrol_team(station_id, name, kind, leader, created_at) VALUES (%lld, '矩阵队%d',"
			      " 'police', '某', 0);"
			      "INSERT INTO patrol_plan(station_id, team_id, name, route, created_by, created_at) SELECT %lld,"
			      " MAX(id), '矩阵计划', '矩阵路线', 1, 0 FROM patrol_team;"
			      "INSERT INTO patrol_log(station_id, team_id, started_at, ended_at, created_by, created_at)"
			      " SELECT %lld, MAX(id), 0, 3600, 1, 0 FROM patrol_team;"
			      "INSERT INTO patrol_arrest(log_id, officer_id, person_name, offence, arrested_at) SELECT MAX(id),"
			      " 1, '某', '扒窃', 60 FROM patrol_log;",
			      f->unit[s], s, f->unit[s], f->unit[s]));
		f->patrol_team[s] = q1(srv, "SELECT MAX(id) FROM patrol_team");
		f->patrol_plan[s] = q1(srv, "SELECT MAX(id) FROM patrol_plan");
		f->patrol_arrest[s] = q1(srv, "SELECT MAX(id) FROM patrol_arrest");
	}
	/* 值班: a signed-in roster entry of 李明 (城关), and of 北社's and 西河's
	 * staff; 请假: 城关's pending request (刘强), two decided ones moved to
	 * 北社 and 西河 */
	f->roster[OWN] = q1(srv, "SELECT MIN(r.id) FROM duty_roster r JOIN users u ON u.id = r.user_id"
				 " WHERE u.username = 'minjing1' AND r.signed_in_at IS NOT NULL");
	for (int s = 1; s < NSCOPE; s++)
		f->roster[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM duty_roster WHERE station_id = %lld"
					       " AND signed_in_at IS NOT NULL", f->unit[s]));
	f->leave[OWN] = q1(srv, "SELECT MIN(id) FROM leave_request WHERE status = 'pending'");
	f->leave[OTHER] = q1(srv, "SELECT MIN(l.id) FROM leave_request l JOIN users u ON u.id = l.user_id"
				  " WHERE u.username = 'minjing2'");
	f->leave[COUNTY] = q1(srv, "SELECT MIN(l.id) FROM leave_request l JOIN users u ON u.id = l.user_id"
				   " WHERE u.username = 'suozhang'");
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE leave_request SET unit_id = %lld WHERE id = %lld", f->unit[s], f->leave[s]));
	/* 流动人口: three of 城关's floating persons, moved with their registration */
	for (int s = 0; s < NSCOPE; s++)
		f->floating[s] = q1(srv, fmt(srv, "SELECT person_id FROM floating_person WHERE station_id = %lld"
						  " ORDER BY person_id LIMIT 1 OFFSET %d",
					     f->unit[OWN], s));
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE floating_person SET station_id = %lld WHERE person_id = %lld;"
				   "UPDATE person SET unit_id = %lld WHERE id = %lld",
			      f->unit[s], f->floating[s], f->unit[s], f->floating[s]));

	/* 居住证: three of the demo's applications of 城关, moved */
	for (int s = 0; s < NSCOPE; s++)
		f->residence_permit[s] = q1(srv, fmt(srv, "SELECT id FROM residence_permit WHERE station_id = %lld"
							  " ORDER BY id LIMIT 1 OFFSET %d",
						     f->unit[OWN], s));
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE residence_permit SET station_id = %lld WHERE id = %lld", f->unit[s],
			      f->residence_permit[s]));

	/* 三考: hand-written questions of the county (one moved to the other
	 * county); minjing1's formal sitting, and two of minjing2's moved to an
	 * officer of 北社 and of 西河 */
	for (int s = 0; s < NSCOPE; s++)
		f->exam_question[s] = q1(srv, fmt(srv, "SELECT id FROM exam_question WHERE gen_key IS NULL ORDER BY id"
						       " LIMIT 1 OFFSET %d", s));
	exec(srv, fmt(srv, "UPDATE exam_question SET unit_id = 900 WHERE id = %lld", f->exam_question[COUNTY]));
	f->exam_sitting[OWN] = q1(srv, "SELECT s.id FROM exam_sitting s JOIN users u ON u.id = s.user_id"
				       " WHERE u.username = 'minjing1' AND s.kind = 'formal'");
	for (int s = 1; s < NSCOPE; s++) {
		f->exam_sitting[s] = q1(srv, "SELECT s.id FROM exam_sitting s JOIN users u ON u.id = s.user_id"
					       " WHERE u.username = 'minjing2' ORDER BY s.id LIMIT 1");
		exec(srv, fmt(srv, "UPDATE exam_sitting SET unit_id = %lld, user_id = (SELECT id FROM users WHERE username = '%s')"
				   " WHERE id = %lld", f->unit[s], s == OTHER ? "beishe_mj1" : "xihe_mj1", f->exam_sitting[s]));
	}
	/* 装备: 城关's JLY0101 (held by minjing1) stays; two radios moved to 北社 and 西河 */
	f->equipment[OWN] = q1(srv, "SELECT id FROM equipment WHERE code = 'JLY0101'");
	f->equipment[OTHER] = q1(srv, "SELECT id FROM equipment WHERE code = 'DJJ01'");
	f->equipment[COUNTY] = q1(srv, "SELECT id FROM equipment WHERE code = 'DJJ02'");
	for (int s = 1; s < NSCOPE; s++)
		exec(srv, fmt(srv, "UPDATE equipment SET station_id = %lld WHERE id = %lld", f->unit[s], f->equipment[s]));
	f->user[OWN] = q1(srv, "SELECT id FROM users WHERE username = 'minjing4'");
	f->user[OTHER] = q1(srv, "SELECT id FROM users WHERE username = 'beishe_mj3'");
	f->user[COUNTY] = q1(srv, "SELECT id FROM users WHERE username = 'xihe_mj3'");
	/* the county's wanted list: one entry (no hit) for every scope */
	for (int s = 0; s < NSCOPE; s++)
		f->wanted[s] = q1(srv, "SELECT MAX(id) FROM wanted_person WHERE id NOT IN"
				       " (SELECT wanted_id FROM comparison_hit)");
	f->co_officer = q1(srv, "SELECT id FROM users WHERE username = 'minjing2'");
	f->aux = q1(srv, "SELECT id FROM users WHERE username = 'fujing'");
	f->receipt = db_raw_text(srv, srv->db, "SELECT receipt_code FROM police_case WHERE id = 4");
	/* 执法监督: 城关's seeded records; 北社's complaint; the rest made in
	 * 北社 and 西河 (the public complaint moved to 西河) */
	f->complaint[OWN] = q1(srv, "SELECT id FROM complaint WHERE contact_name = '李建国'");
	f->complaint[OTHER] = q1(srv, "SELECT id FROM complaint WHERE contact_name = '冯某'");
	f->complaint[COUNTY] = q1(srv, "SELECT id FROM complaint WHERE contact_name = '王先生'");
	f->tracking = db_raw_text(srv, srv->db, "SELECT tracking_code FROM complaint WHERE contact_name = '王先生'");
	exec(srv, fmt(srv, "UPDATE complaint SET station_id = %lld WHERE id = %lld", f->unit[COUNTY], f->complaint[COUNTY]));
	f->appeal[OWN] = q1(srv, "SELECT id FROM appeal WHERE outcome IS NULL");
	f->fault[OWN] = q1(srv, "SELECT MIN(id) FROM fault_finding");
	f->visit[OWN] = q1(srv, "SELECT id FROM return_visit WHERE review_needed = 1");
	for (int s = OTHER; s < NSCOPE; s++) {
		exec(srv, fmt(srv, "INSERT INTO appeal(case_id, station_id, kind, applicant, known_on, applied_on, received_on,"
				   " organ, recorded_by, recorded_at) VALUES (%lld, %lld, 'reconsideration', '矩阵', '2026-01-01',"
				   " '2026-01-02', '2026-01-03', '某人民政府', 1, 0);"
				   "INSERT INTO fault_finding(station_id, source, status, opened_at) VALUES (%lld, 'other', 'open', 0);"
				   "INSERT INTO return_visit(case_id, party_id, reached, method, satisfaction, visited_by, visited_at,"
				   " review_needed) VALUES (%lld, %lld, 1, 'phone', 1, 1, 0, 1);",
			      f->kase[s], f->unit[s], f->unit[s], f->kase[s], f->party[s]));
		f->appeal[s] = q1(srv, "SELECT MAX(id) FROM appeal");
		f->fault[s] = q1(srv, "SELECT MAX(id) FROM fault_finding");
		f->visit[s] = q1(srv, "SELECT MAX(id) FROM return_visit");
	}
	/* evidence: one item with one attachment per case; the file itself
	 * in the attachment directory under its SHA-256 (store/blobs.h) */
	{
		const char *pdf = "%PDF-1.4 matrix";
		char sha[CRYPTO_HASH_HEX];
		FILE *fp;

		crypto_sha256_hex(pdf, strlen(pdf), sha);
		mkdir(srv->files, 0750);
		mkdir(fmt(srv, "%s/%.2s", srv->files, sha), 0750);
		fp = fopen(fmt(srv, "%s/%.2s/%s", srv->files, sha, sha), "w");
		assert_non_null(fp);
		fputs(pdf, fp);
		fclose(fp);
		for (int s = 0; s < NSCOPE; s++) {
			long long k = f->kase[s];

			exec(srv, fmt(srv,
				      "INSERT INTO evidence(case_id, kind, title, collected_at, created_by, created_at)"
				      " SELECT %lld, 'documentary', '矩阵证据', %s, created_by, %s FROM police_case WHERE id = %lld;"
				      "INSERT INTO evidence_attachment(evidence_id, sha256, size, mime, file_name, created_by,"
				      " created_at) SELECT MAX(id), '%s', %zu, 'application/pdf', 'm.pdf', 1, %s"
				      " FROM evidence WHERE case_id = %lld;",
				      k, now, now, k, sha, strlen(pdf), now, k));
			f->evidence[s] = q1(srv, fmt(srv, "SELECT MAX(id) FROM evidence WHERE case_id = %lld", k));
			f->attachment[s] = q1(srv, fmt(srv, "SELECT MAX(a.id) FROM evidence_attachment a JOIN evidence e"
							   " ON e.id = a.evidence_id WHERE e.case_id = %lld", k));
			/* a file in each room with a loan requested by the case's officer */
			exec(srv, fmt(srv,
				      "INSERT INTO archive_file(case_id, unit_id, file_no, room, cabinet, shelf, box, pages,"
				      " status, filed_by, filed_at) SELECT id, unit_id, 'MATRIX-%lld', '档案室', 'A', '1', '1', 0,"
				      " 'in', created_by, %s FROM police_case WHERE id = %lld;"
				      "INSERT INTO archive_loan(file_id, unit_id, requested_by, reason, days, requested_at, status)"
				      " SELECT f.id, f.unit_id, f.filed_by, '矩阵', 3, %s, 'requested' FROM archive_file f"
				      " WHERE f.case_id = %lld;",
				      k, now, k, now, k));
			f->archive[s] = q1(srv, fmt(srv, "SELECT id FROM archive_file WHERE case_id = %lld", k));
			f->loan[s] = q1(srv, fmt(srv, "SELECT MAX(l.id) FROM archive_loan l JOIN archive_file f"
						     " ON f.id = l.file_id WHERE f.case_id = %lld", k));
			/* an inspection of each station sampling its case, with a finding */
			exec(srv, fmt(srv,
				      "INSERT INTO online_inspection(unit_id, title, deadline, created_by, created_at)"
				      " SELECT unit_id, '矩阵巡查', %s + 86400, (SELECT id FROM users WHERE username = 'ducha'), %s"
				      " FROM police_case WHERE id = %lld;"
				      "INSERT INTO inspection_case(inspection_id, case_id) SELECT MAX(id), %lld FROM online_inspection;"
				      "INSERT INTO inspection_finding(inspection_id, case_id, finding, created_by, created_at)"
				      " SELECT MAX(id), %lld, '矩阵问题', (SELECT id FROM users WHERE username = 'ducha'), %s"
				      " FROM online_inspection;",
				      now, now, k, k, k, now));
			f->inspection[s] = q1(srv, "SELECT MAX(id) FROM online_inspection");
			f->finding[s] = q1(srv, "SELECT MAX(id) FROM inspection_finding");
		}
	}

	/* 社区警务: 城关's 东街二区 (minjing1's beat); records of it moved to
	 * 北社 and to 西河; transfers pending towards each station */
	{
		const char *beat2 = "(SELECT id FROM beat WHERE name = '东街二区')";
		const char *beat1 = "(SELECT id FROM beat WHERE name = '东街一区')";

		f->dongguan = q1(srv, "SELECT id FROM org_unit WHERE name = '东关派出所'");
		f->juzhang = q1(srv, "SELECT id FROM users WHERE username = 'juzhang'");
		f->beat_address = q1(srv, fmt(srv, "SELECT MIN(a.id) FROM address a JOIN grid g ON g.id = a.grid_id"
					      " WHERE g.beat_id = %s AND EXISTS (SELECT 1 FROM person p"
					      " WHERE p.address_id = a.id)", beat2));
		f->kp_person = q1(srv, fmt(srv, "SELECT MIN(p.id) FROM person p JOIN address a ON a.id = p.address_id"
					   " JOIN grid g ON g.id = a.grid_id WHERE g.beat_id = %s AND p.id NOT IN"
					   " (SELECT person_id FROM key_person) AND p.id NOT IN (SELECT person_id FROM"
					   " case_party WHERE person_id IS NOT NULL)", beat2));
		f->beat[OWN] = q1(srv, fmt(srv, "SELECT %s", beat2));
		f->sweep[OWN] = q1(srv, "SELECT MIN(id) FROM registration_sweep");
		f->sweep_address[OWN] = q1(srv, fmt(srv, "SELECT MIN(address_id) FROM registration_sweep_item"
						  " WHERE sweep_id = %lld AND checked = 0", f->sweep[OWN]));
		for (int s = 0; s < NSCOPE; s++) {
			long long kp = q1(srv, fmt(srv, "SELECT id FROM key_person WHERE beat_id = %s AND source = 'listed'"
						   " AND status = 'active' ORDER BY id LIMIT 1 OFFSET %d", beat2, s));
			long long mover = q1(srv, fmt(srv, "SELECT id FROM key_person WHERE beat_id = %s AND source ="
						      " 'listed' AND status = 'active' ORDER BY id LIMIT 1 OFFSET %d",
						      beat1, s));

			if (s != OWN)
				f->beat[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM beat WHERE station_id = %lld", f->unit[s]));
			f->grid[s] = q1(srv, fmt(srv, "SELECT MIN(id) FROM grid WHERE beat_id = %lld", f->beat[s]));
			f->key_person[s] = kp;
			if (s != OWN) {
				exec(srv, fmt(srv,
					      "UPDATE key_person SET station_id = %lld, beat_id = %lld WHERE id = %lld;"
					      "UPDATE person SET unit_id = %lld WHERE id = (SELECT person_id FROM key_person"
					      " WHERE id = %lld);"
					      "INSERT INTO registration_sweep(station_id, title, planned_on, status, created_by,"
					      " created_at) VALUES (%lld, '矩阵排查', '2026-01-01', 'planned', 1, 0);"
					      "INSERT INTO registration_sweep_item(sweep_id, address_id) SELECT MAX(id), %lld"
					      " FROM registration_sweep;",
					      f->unit[s], f->beat[s], kp, f->unit[s], kp, f->unit[s], f->address[s]));
				f->sweep[s] = q1(srv, "SELECT MAX(id) FROM registration_sweep");
				f->sweep_address[s] = f->address[s];
			}
			/* one of 东街一区's, on its way from 东关 to the scope's station */
			exec(srv, fmt(srv,
				      "UPDATE key_person SET station_id = %lld, status = 'transferring' WHERE id = %lld;"
				      "INSERT INTO key_person_transfer(key_person_id, from_station_id, to_station_id, letter_id,"
				      " reason, status, sent_by, sent_at) VALUES (%lld, %lld, %lld, (SELECT MIN(id) FROM"
				      " inquiry_letter), '矩阵移交', 'pending', 1, 0);",
				      f->dongguan, mover, mover, f->dongguan, f->unit[s]));
			f->kp_transfer[s] = q1(srv, "SELECT MAX(id) FROM key_person_transfer");
			assert_true(f->beat[s] > 0 && f->grid[s] > 0 && kp > 0 && mover > 0 && f->sweep[s] > 0);
		}
		assert_true(f->beat_address > 0 && f->kp_person > 0 && f->sweep_address[OWN] > 0);
	}
	/* 队伍管理: an education record, a 警风警纪监督员 and an open opinion in
	 * each place, for an officer of the place */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO early_intervention(user_id, station_id, measure, reasons, given_on, review_on,"
			      " recorded_by, recorded_at) VALUES (%lld, %lld, 'talk', '矩阵', '2026-01-01', '2026-02-01', 1, 0);"
			      "INSERT INTO conduct_monitor(station_id, name, unit, contact, term_from, term_to, created_by,"
			      " created_at) VALUES (%lld, '矩阵监督员', '矩阵单位', '13900000000', '2026-01-01', '2027-12-31', 1, 0);",
			      f->user[s], f->unit[s], f->unit[s]));
		f->intervention[s] = q1(srv, "SELECT MAX(id) FROM early_intervention");
		f->monitor[s] = q1(srv, "SELECT MAX(id) FROM conduct_monitor");
		exec(srv, fmt(srv,
			      "INSERT INTO conduct_monitor_visit(monitor_id, station_id, visited_on, opinion, due_on, recorded_by,"
			      " recorded_at) VALUES (%lld, %lld, '2026-01-05', '矩阵意见', '2026-01-20', 1, 0)",
			      f->monitor[s], f->unit[s]));
		f->monitor_visit[s] = q1(srv, "SELECT MAX(id) FROM conduct_monitor_visit");
	}
	/* 领导交办: one task given to each scope's station, due tomorrow */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO leader_task(station_id, source, content, leader_name, deadline, status,"
			      " created_by, created_at) VALUES (%lld, 'leader', '矩阵交办', '高建军', %lld, 'assigned', %lld, 0)",
			      f->unit[s], (long long)(time(NULL) + srv->clock_offset + 86400), f->juzhang));
		f->leader_task[s] = q1(srv, "SELECT MAX(id) FROM leader_task");
	}
	/* 调度会: one of the demo county (own and other station: the same
	 * bureau's), one of the other county */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO meeting(bureau_id, held_on, title, attendees, period_from, period_to, snapshot,"
			      " created_by, created_at) VALUES (%s, '2026-01-05', '矩阵调度会', '高建军', '2026-01-01',"
			      " '2026-01-04', '{}', %lld, 0)",
			      s == COUNTY ? fmt(srv, "(SELECT parent_id FROM org_unit WHERE id = %lld)", f->unit[COUNTY])
					  : fmt(srv, "%lld", f->bureau),
			      f->juzhang));
		f->meeting[s] = q1(srv, "SELECT MAX(id) FROM meeting");
	}
	/* 回避: a pending recusal of each scope's officer from its case */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO recusal(case_id, user_id, origin, ground, reason, status, recorded_by, recorded_at)"
			      " VALUES (%lld, %lld, 'declared', 'other', '矩阵回避', 'pending', 1, 0)",
			      f->kase[s], f->user[s]));
		f->recusal[s] = q1(srv, "SELECT MAX(id) FROM recusal");
	}
	/* 撤管: a pending request on each scope's key person, asked by the
	 * scope's officer */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO key_person_removal(key_person_id, station_id, reason, status, requested_by,"
			      " requested_at) VALUES (%lld, %lld, '矩阵撤管', 'pending', %lld, 0)",
			      f->key_person[s], f->unit[s], f->user[s]));
		f->kp_removal[s] = q1(srv, "SELECT MAX(id) FROM key_person_removal");
	}
	/* 列管: a pending request for each scope's person, asked by the scope's officer */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO key_person_listing(person_id, station_id, category, reason, level, listed_on,"
			      " status, requested_by, requested_at) VALUES (%lld, %lld, '重点人口', '矩阵列管', 'normal',"
			      " '2026-01-01', 'pending', %lld, 0)",
			      f->person[s], f->unit[s], f->user[s]));
		f->kp_listing[s] = q1(srv, "SELECT MAX(id) FROM key_person_listing");
	}
	/* a guest and a purchase at each scope's trade unit */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO hotel_guest(unit_id, station_id, name, id_type, id_number, nationality, foreign_guest,"
			      " room, checkin_at, recorded_by, created_at) VALUES (%lld, %lld, '矩阵旅客', 'id_card',"
			      " '110101199001011237', '中国', 0, '101', 0, %lld, 0);"
			      "INSERT INTO scrap_purchase(unit_id, station_id, purchased_on, item_class, item, weight_g,"
			      " seller_name, seller_id_number, recorded_by, created_at) VALUES (%lld, %lld, '2026-01-01',"
			      " 'general', '矩阵废铁', 1000, '矩阵', '110101199001011237', %lld, 0);",
			      f->trade[s], f->unit[s], f->user[s], f->trade[s], f->unit[s], f->user[s]));
		f->hotel_guest[s] = q1(srv, "SELECT MAX(id) FROM hotel_guest");
		f->scrap_purchase[s] = q1(srv, "SELECT MAX(id) FROM scrap_purchase");
	}
	/* an item a guest left, kept by each scope's hotel */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO left_item(unit_id, station_id, found_on, noticed_on, description, kept_by, status,"
			      " recorded_by, created_at) VALUES (%lld, %lld, '2026-01-01', '2026-01-01', '矩阵物品', '矩阵',"
			      " 'kept', %lld, 0)",
			      f->trade[s], f->unit[s], f->user[s]));
		f->left_item[s] = q1(srv, "SELECT MAX(id) FROM left_item");
	}
	/* a circulated good (协查物品) of each scope's station */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO circulated_goods(station_id, name, category, quantity, circulated_on, created_by,"
			      " created_at) VALUES (%lld, '矩阵协查物品', 'other', 1, '2026-01-01', %lld, 0)",
			      f->unit[s], f->user[s]));
		f->circulated_goods[s] = q1(srv, "SELECT MAX(id) FROM circulated_goods");
	}
	/* issue 17 remaining gaps (pat5): a slot of each scope's plan */
	for (int s = 0; s < NSCOPE; s++) {
		exec(srv, fmt(srv,
			      "INSERT INTO patrol_slot(plan_id, weekday, start_min, end_min, created_by, created_at)"
			      " VALUES (%lld, 5, 60, 120, 1, 0)",
			      f->patrol_plan[s]));
		f->patrol_slot[s] = q1(srv, "SELECT MAX(id) FROM patrol_slot");
	}
	/* 奖惩: a 禁闭 running since yesterday (Beijing) in each place — in 城关
	 * of minjing1, elsewhere of the place's officer — to appeal */
	for (int s = 0; s < NSCOPE; s++) {
		time_t t = time(NULL) + srv->clock_offset + 8 * 3600 - 86400;
		struct tm tm;

		gmtime_r(&t, &tm);
		exec(srv, fmt(srv,
			      "INSERT INTO sanction(user_id, station_id, kind, reason, ground, decided_by, decided_on, start_on,"
			      " days, recorded_by, recorded_at) VALUES (%s, %lld, 'confinement', '矩阵', 'other', '督察大队',"
			      " '%04d-%02d-%02d', '%04d-%02d-%02d', 5, 1, 0)",
			      s == OWN ? "(SELECT id FROM users WHERE username = 'minjing1')" : fmt(srv, "%lld", f->user[s]),
			      f->unit[s], tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_year + 1900, tm.tm_mon + 1,
			      tm.tm_mday));
		f->sanction[s] = q1(srv, "SELECT MAX(id) FROM sanction");
	}
}

/* ---- running one cell ---- */

/* The fixture a route's {id} names, for a scope; <= 0 when none. */
static long long id_for(const struct fixtures *f, const char *path, int s)
{
	static const struct { const char *prefix; size_t off; } map[] = {
#define M(p, field) { API p, offsetof(struct fixtures, field) }
		M("/users/", user), M("/units/", unit), M("/cases/", kase),
		M("/interviews/", interview), M("/proposals/", proposal), M("/property/", property),
		M("/measures/", measure), M("/custody/", custody), M("/breaches/", breach),
		M("/incidents/", incident), M("/oversight/", oversight), M("/persons/", person),
		M("/rentals/", rental), M("/tenancies/", tenancy), M("/employers/", employer),
		M("/hits/", hit), M("/letters/", letter), M("/wanted/", wanted),
		M("/public/stations/", unit), M("/complaints/", complaint), M("/appeals/", appeal),
		M("/fault-findings/", fault), M("/return-visits/", visit), M("/officer-records/", user),
		M("/evidence/", evidence), M("/attachments/", attachment),
		M("/archive-files/", archive), M("/loans/", loan),
		M("/online-inspections/", inspection), M("/inspection-findings/", finding),
		M("/beats/", beat), M("/grids/", grid), M("/key-persons/", key_person),
		M("/key-person-transfers/", kp_transfer), M("/registration-sweeps/", sweep),
		M("/trade-units/", trade), M("/trade-findings/", trade_finding), M("/trade-inspections/", trade_inspection), M("/floating/", floating), M("/compounds/", compound), M("/security-forecasts/", forecast),
		M("/exam-questions/", exam_question), M("/exam-sittings/", exam_sitting),
		M("/equipment/", equipment),
		M("/interventions/", intervention), M("/conduct-monitors/", monitor), M("/conduct-monitor-visits/", monitor_visit),
		M("/patrol-teams/", patrol_team), M("/patrol-plans/", patrol_plan), M("/patrol-arrests/", patrol_arrest),
		M("/leader-tasks/", leader_task), M("/meetings/", meeting),
		M("/leader-assignments/", leader_assignment), M("/addresses/", address),
		M("/staff/", user), M("/duty-rosters/", roster), M("/leaves/", leave),
		M("/recusals/", recusal),
		M("/key-person-removals/", kp_removal), M("/key-person-listings/", kp_listing), M("/hotel-guests/", hotel_guest),
		M("/scrap-purchases/", scrap_purchase), M("/left-items/", left_item),
		M("/circulated-goods/", circulated_goods),
		M("/patrol-slots/", patrol_slot),
		M("/sanctions/", sanction),
		M("/station-checklists/", unit),
		M("/residence-permits/", residence_permit),
#undef M
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strncmp(path, map[i].prefix, strlen(map[i].prefix)) == 0)
			return ((const long long *)((const char *)f + map[i].off))[s];
	fail_msg("no fixture for %s", path);
	return -1;
}

/* Replace every occurrence of word in s by value (srv's pool). */
static const char *subst(struct server *srv, const char *s, const char *word, const char *value)
{
	const char *p;

	while (s && (p = strstr(s, word)) != NULL)
		s = fmt(srv, "%.*s%s%s", (int)(p - s), s, value, p + strlen(word));
	return s;
}

static const char *today(struct server *srv, int delta_days, int len)
{
	time_t t = time(NULL) + srv->clock_offset + (time_t)delta_days * 86400;
	struct tm tm;

	localtime_r(&t, &tm);
	return fmt(srv, "%.*s", len, fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
}

static const char *fill(struct server *srv, const struct fixtures *f, const char *text, int s)
{
	const char *r = text;

	if (!r)
		return NULL;
	if (strstr(r, "{id}"))
		r = subst(srv, r, "{id}", fmt(srv, "%lld", id_for(f, text, s)));
	r = subst(srv, r, "/actions/{action}", "/actions/approve");
	if (strstr(r, API "/oversight/"))
		r = subst(srv, r, "{action}", "sign");
	if (strstr(r, API "/leader-tasks/"))
		r = subst(srv, r, "{action}", "sign");
	if (strstr(r, API "/incidents/"))
		r = subst(srv, r, "{step}", "arrive");
	if (strstr(r, API "/hits/"))
		r = subst(srv, r, "{step}", "sign");
	if (strstr(r, API "/loans/"))
		r = subst(srv, r, "{step}", "approve");
	r = subst(srv, r, "{key}", "session.idle_minutes");
	r = subst(srv, r, "{kind}", "case_ledger");
	r = subst(srv, r, "{day}", today(srv, 400, 10));
	r = subst(srv, r, "{code}", f->receipt);
	if (strstr(r, API "/complaints/"))
		r = subst(srv, r, "{step}", "accept");
	r = subst(srv, r, "{tracking}", f->tracking);
	r = subst(srv, r, "@station", fmt(srv, "%lld", f->unit[OWN]));
	r = subst(srv, r, "@tradeunit", fmt(srv, "%lld", f->trade[OWN]));
	r = subst(srv, r, "@unit", fmt(srv, "%lld", f->unit[s]));
	r = subst(srv, r, "@bureau", fmt(srv, "%lld", f->bureau));
	r = subst(srv, r, "@co", fmt(srv, "%lld", f->co_officer));
	r = subst(srv, r, "@aux", fmt(srv, "%lld", f->aux));
	r = subst(srv, r, "@party", fmt(srv, "%lld", f->party[s]));
	r = subst(srv, r, "@case", fmt(srv, "%lld", f->kase[s]));
	r = subst(srv, r, "@incident", fmt(srv, "%lld", f->incident[s]));
	r = subst(srv, r, "@person", fmt(srv, "%lld", f->person[s]));
	r = subst(srv, r, "@address", fmt(srv, "%lld", f->address[s]));
	r = subst(srv, r, "@now", fmt(srv, "%lld", (long long)(time(NULL) + srv->clock_offset - 60)));
	r = subst(srv, r, "@ivstart", fmt(srv, "%lld", (long long)(time(NULL) + srv->clock_offset - 3600)));
	r = subst(srv, r, "@ivend", fmt(srv, "%lld", (long long)(time(NULL) + srv->clock_offset - 1800)));
	r = subst(srv, r, "@later", fmt(srv, "%lld", (long long)(time(NULL) + srv->clock_offset + 86400)));
	r = subst(srv, r, "@yesterday", today(srv, -1, 10));
	r = subst(srv, r, "@today", today(srv, 0, 10));
	r = subst(srv, r, "@month", today(srv, 0, 7));
	r = subst(srv, r, "@beataddr", fmt(srv, "%lld", f->beat_address));
	r = subst(srv, r, "@kpperson", fmt(srv, "%lld", f->kp_person));
	r = subst(srv, r, "@sweepaddr", fmt(srv, "%lld", f->sweep_address[s]));
	r = subst(srv, r, "@dongguan", fmt(srv, "%lld", f->dongguan));
	r = subst(srv, r, "@juzhang", fmt(srv, "%lld", f->juzhang));
	r = subst(srv, r, "@patrolteam", fmt(srv, "%lld", f->patrol_team[OWN]));
	return r;
}

static char outcome(long status)
{
	if (status == 403)
		return 'N';
	if (status == 404)
		return 'H';
	return 'Y';
}

/* The cell of user u, scope s in a row ('.' = not run). */
static char cell(const struct row *rw, int u, int s)
{
	const char *p = rw->cells;

	for (int i = 0; i < u; i++) {
		p = strchr(p, ' ');
		if (!p)
			fail_msg("row %s %s: fewer than %d groups", rw->method, rw->path, NU);
		p++;
	}
	if (p[1] == ' ' || p[1] == '\0')
		return p[0]; /* one cell for every scope */
	return p[s];
}

static int has_id(const struct row *rw)
{
	return strstr(rw->path, "{id}") != NULL;
}

/* ---- every refusal and every read of business data is audited ----
 * The request id of each 403 (ACL-1, ACL-3: "denied") and of each 2xx GET
 * of a route that reads business data (AUD-1: "success") is kept with its
 * cell; at the end the audit table must hold a row of that outcome for
 * every one (checked in batches). */
struct noted {
	const char *rid, *what;
};

static struct noted refused[16384], reads[8192];
static int nrefused, nreads;

/* The request id of r (X-Request-Id, or the error body's), hex, or NULL. */
static const char *request_id(struct server *srv, const struct resp *r)
{
	const char *rid = json_string_value(jpath(r->json, "error.request_id"));
	const char *h = r->headers ? strstr(r->headers, "X-Request-Id: ") : NULL;

	if (!rid && h)
		rid = fmt(srv, "%.16s", h + strlen("X-Request-Id: "));
	/* a request id is hex: quoted as it is in the batch query below */
	for (const char *p = rid; p && *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return NULL;
	return rid ? fmt(srv, "%s", rid) : NULL;
}

static void note(struct server *srv, struct noted *tab, int *n, int cap, const struct resp *r, const char *what)
{
	if (*n == cap)
		fail_msg("more requests to check than the table holds");
	tab[*n].rid = request_id(srv, r);
	tab[(*n)++].what = what;
}

/* The noted requests without an audit row of outcome, each printed. */
static int unaudited(struct server *srv, const struct noted *tab, int count, const char *outcome)
{
	int bad = 0;

	for (int i = 0; i < count; i += 200) {
		int n = count - i < 200 ? count - i : 200, named = 0;
		const char *in = "''";

		for (int k = i; k < i + n; k++)
			if (tab[k].rid) {
				in = fmt(srv, "%s,'%s'", in, tab[k].rid);
				named++;
			}
		if (named == n && db_raw_int(srv->db,
					     fmt(srv, "SELECT COUNT(DISTINCT request_id) FROM (SELECT request_id, outcome"
						      " FROM audit UNION ALL SELECT request_id, outcome FROM audit_read) a"
						      " WHERE"
						      " outcome = '%s' AND request_id IN (%s)", outcome, in),
					     NULL) == n)
			continue;
		for (int k = i; k < i + n; k++)
			if (!tab[k].rid ||
			    db_raw_int(srv->db,
				       fmt(srv, "SELECT COUNT(*) FROM (SELECT request_id, outcome FROM audit UNION ALL"
					   " SELECT request_id, outcome FROM audit_read) a WHERE request_id = ?"
					   " AND outcome = '%s'",
					   outcome),
				       tab[k].rid) == 0) {
				print_error("UNAUDITED (%s) %s\n", outcome, tab[k].what);
				bad++;
			}
	}
	return bad;
}

/* A GET whose 2xx answer must be audited: every business-data read (the
 * rows the administrator is refused), but for these three, written here
 * by hand: the user's own colleagues (staff, not citizens), the standard
 * addresses (places, no person) and the warnings' counts (no record). */
static int read_audited(const struct row *rw)
{
	static const char *const exempt[] = { API "/colleagues", API "/addresses", API "/warnings/summary",
					      API "/dispatch-alerts" /* numbers and times, polled each second */ };

	if (strcmp(rw->method, "GET") != 0 || rw->cells[0] != 'N')
		return 0;
	for (size_t i = 0; i < sizeof(exempt) / sizeof(exempt[0]); i++)
		if (!strcmp(rw->path, exempt[i]))
			return 0;
	return 1;
}

/* ---- the route table itself ---- */

/* Every ROUTE / ROUTE_B line of src/api/routes.c has a row here and back. */
static int check_routes_listed(struct server *srv)
{
	const char *src = getenv("PRECINCT_SRC");
	const char *path = fmt(srv, "%s/src/api/routes.c", src ? src : ".");
	FILE *fp = fopen(path, "r");
	char line[512];
	int seen[sizeof(table) / sizeof(table[0])] = { 0 };
	int n = 0, bad = 0;

	if (!fp)
		fail_msg("cannot open %s (PRECINCT_SRC names the source tree)", path);
	while (fgets(line, sizeof(line), fp)) {
		char m[16], p[256];
		int found = 0;

		if (sscanf(line, " ROUTE(\"%15[^\"]\", \"%255[^\"]\"", m, p) != 2 &&
		    sscanf(line, " ROUTE_B(\"%15[^\"]\", \"%255[^\"]\"", m, p) != 2)
			continue;
		n++;
		for (int i = 0; i < NROWS; i++)
			if (!strcmp(table[i].method, m) && !strcmp(table[i].path, p)) {
				seen[i]++;
				found = 1;
			}
		if (!found) {
			print_error("route %s %s has no row in the authorisation matrix\n", m, p);
			bad++;
		}
	}
	fclose(fp);
	for (int i = 0; i < NROWS; i++)
		if (seen[i] != 1) {
			print_error("matrix row %s %s matches %d routes\n", table[i].method, table[i].path,
				    seen[i]);
			bad++;
		}
	assert_true(n > 50);
	return bad;
}

STORY(every_route_every_role_every_scope)
{
	struct fixtures f;
	struct session *sess[NU];
	int mismatches = 0, ran = 0, refusals = 0;

	assert_int_equal(check_routes_listed(srv), 0);
	make_fixtures(srv, &f);
	server_start(srv);
	for (int u = 0; u < NU; u++)
		sess[u] = login(srv, users[u], DEMO_PW);
	/* long sessions: the run takes a while */
	assert_int_equal(http(srv, sess[0], "PUT", API "/settings/session.idle_minutes", "{\"value\":240}")->status,
			 200);

	for (int pass = 0; pass < 2; pass++) {
		/* pass 0: every route but logging out; pass 1: logging out */
		for (int i = 0; i < NROWS; i++) {
			const struct row *rw = &table[i];
			int logout = !strcmp(rw->method, "DELETE") && !strcmp(rw->path, API "/session");

			if (logout != pass)
				continue;
			/* the refusals first, then what is allowed */
			for (int want_refusal = 1; want_refusal >= 0; want_refusal--)
				for (int s = 0; s < (has_id(rw) ? NSCOPE : 1); s++)
					for (int u = 0; u < NU; u++) {
						char want = cell(rw, u, s), got;
						struct resp *r;

						if (want == '.' || (want != 'Y') != want_refusal)
							continue;
						if (has_id(rw) && id_for(&f, rw->path, s) <= 0) {
							print_error("row %s %s scope %d: no fixture but the cell is %c\n",
								    rw->method, rw->path, s, want);
							mismatches++;
							continue;
						}
						r = http(srv, sess[u], rw->method, fill(srv, &f, rw->path, s),
							 fill(srv, &f, rw->body, s));
						got = outcome(r->status);
						ran++;
						if (got != want) {
							print_error("MISMATCH %s %s [%s, %s]: expected %c, got %ld %.300s\n",
								    rw->method, rw->path, users[u],
								    s == OWN ? "own" : s == OTHER ? "other station" : "other county",
								    want, r->status, r->body);
							mismatches++;
						} else if (got == 'N' || (read_audited(rw) && r->status / 100 == 2)) {
							const char *what = fmt(srv, "%s %s [%s, %s]: %.200s", rw->method,
									       rw->path, users[u],
									       s == OWN     ? "own"
									       : s == OTHER ? "other station"
											    : "other county",
									       r->body);

							if (got == 'N') {
								note(srv, refused, &nrefused, (int)(sizeof(refused) / sizeof(refused[0])), r, what);
								refusals++;
							} else {
								note(srv, reads, &nreads, (int)(sizeof(reads) / sizeof(reads[0])), r, what);
							}
						}
					}
		}
	}
	mismatches += unaudited(srv, refused, nrefused, "denied");
	mismatches += unaudited(srv, reads, nreads, "success");
	print_message("authorisation matrix: %d requests, %d refusals and %d reads of business data (each"
		      " audited), %d mismatches\n",
		      ran, refusals, nreads, mismatches);
	assert_int_equal(mismatches, 0);
}

/* A read of another station's case is refused and leaves an audit row
 * naming the case, the reader and the outcome. */
STORY(cross_unit_read_is_refused_and_audited)
{
	struct fixtures f;
	struct session *mj, *aud;
	struct resp *r;

	make_fixtures(srv, &f);
	server_start(srv);
	mj = login(srv, "minjing1", DEMO_PW);
	aud = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, aud, "case.read", "minjing1", "denied"), 0);
	r = http(srv, mj, "GET", fmt(srv, API "/cases/%lld", f.kase[OTHER]), NULL);
	assert_error(srv, r, 403, "FORBIDDEN");
	r = http(srv, mj, "GET", fmt(srv, API "/cases/%lld", f.kase[COUNTY]), NULL);
	assert_error(srv, r, 403, "FORBIDDEN");
	assert_int_equal(audit_count(srv, aud, "case.read", "minjing1", "denied"), 2);
	r = http(srv, aud, "GET", fmt(srv, API "/audit?action=case.read&user=minjing1&object_id=%lld",
				      f.kase[OTHER]), NULL);
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "items.0.outcome"), "denied");
	assert_string_equal(rstr(r, "items.0.object_type"), "case");
	/* the same case read by its own station's officer is allowed */
	r = http(srv, mj, "GET", fmt(srv, API "/cases/%lld", f.kase[OWN]), NULL);
	assert_int_equal(r->status, 200);

	/* a rental of another station: refused, not answered as absent, and
	 * audited with the rental's record id (issue 13) */
	r = http(srv, mj, "GET", fmt(srv, API "/rentals/%lld", f.rental[OTHER]), NULL);
	assert_error(srv, r, 403, "FORBIDDEN");
	r = http(srv, aud, "GET", fmt(srv, API "/audit?action=rental.read&user=minjing1&object_id=%lld",
				      f.rental[OTHER]), NULL);
	assert_int_equal(r->status, 200);
	assert_int_equal(rnum(r, "total"), 1);
	assert_string_equal(rstr(r, "items.0.outcome"), "denied");
	assert_string_equal(rstr(r, "items.0.object_type"), "rental");
	/* one that does not exist is still absent */
	r = http(srv, mj, "GET", API "/rentals/999999", NULL);
	assert_int_equal(r->status, 404);
}

/* /me lists the actions of the user: the 三权分立 separation shows there */
STORY(me_lists_the_allowed_actions)
{
	static const struct { const char *user, *has, *lacks; } cases[] = {
		{ "admin", "user.create", "case.read" },
		{ "auditor", "audit.list", "user.list" },
		{ "minjing1", "case.create", "audit.list" },
		{ "fujing", "person.register", "case.create" },
		{ "juzhang", "case.read", "case.create" },
		{ "ducha", "wanted.put", "person.register" },
	};
	json_t *it;
	size_t i;

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct resp *r = http(srv, login(srv, cases[k].user, DEMO_PW), "GET", API "/me", NULL);
		int has = 0, lacks = 1;

		assert_int_equal(r->status, 200);
		json_array_foreach(jpath(r->json, "actions"), i, it) {
			const char *a = json_string_value(json_object_get(it, "action"));

			assert_non_null(json_string_value(json_object_get(it, "scope")));
			has |= !strcmp(a, cases[k].has);
			lacks &= !!strcmp(a, cases[k].lacks);
		}
		if (!has || !lacks)
			fail_msg("%s: /me actions %s", cases[k].user, r->body);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_route_every_role_every_scope, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(cross_unit_read_is_refused_and_audited, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(me_lists_the_allowed_actions, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
