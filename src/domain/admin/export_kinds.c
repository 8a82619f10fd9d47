/* export_kinds.c — the table of exports and ledgers (export_kinds.h): the
 * columns of each and the statement that reads its rows in the reader's
 * scope. */
#include "domain/admin/export_kinds.h"
#include "domain/cases/cases.h"
#include "domain/enums.h"

#include <string.h>

static const struct export_col person_cols[] = {
	{ "id", "编号" },          { "name", "姓名" },        { "sex", "性别" },
	{ "id_number", "身份证号" }, { "birth_date", "出生日期" }, { "phone", "联系电话" },
	{ "kind", "人员类别" },     { "address", "地址" },      { "unit_name", "登记单位" },
	{ NULL, NULL },
};

static const struct export_col case_cols[] = {
	{ "case_no", "案件编号" },     { "kind", "案件类别" },   { "status_label", "状态" },
	{ "title", "案由" },           { "act_date", "发案日期" }, { "accepted_at", "受案时间" },
	{ "main_officer", "主办民警" }, { "unit_name", "办案单位" },
	{ NULL, NULL },
};

static const struct export_col custody_cols[] = {
	{ "id", "登记号" },          { "case_no", "案件编号" },  { "person", "姓名" },
	{ "id_number", "身份证号" },   { "reason", "进入事由" },   { "arrived_at", "到案时间" },
	{ "room", "房间" },          { "exited_at", "离开时间" }, { "exit_reason", "离开去向" },
	{ "officer_name", "带入民警" }, { "unit_name", "单位" },
	{ NULL, NULL },
};

static const struct export_col property_cols[] = {
	{ "id", "编号" },          { "case_no", "案件编号" }, { "name", "物品名称" },
	{ "quantity", "数量" },     { "seized_at", "扣押时间" }, { "kept_at", "移交保管时间" },
	{ "keeper", "保管人" },      { "status", "状态" },     { "unit_name", "办案单位" },
	{ NULL, NULL },
};

/* 执法监督 ledgers (issue 15 part A) */
static const struct export_col return_visit_cols[] = {
	{ "case_no", "案件编号" },     { "person", "当事人" },       { "role", "身份" },
	{ "visited_at", "回访时间" },   { "method", "回访方式" },     { "reached", "是否联系上" },
	{ "satisfaction", "满意度" },  { "comments", "意见" },       { "visited_by", "回访人" },
	{ "review_note", "复核意见" },  { "unit_name", "办案单位" },
	{ NULL, NULL },
};

static const struct export_col complaint_cols[] = {
	{ "src", "类别" },           { "ref", "编号" },           { "case_no", "案件编号" },
	{ "sub", "来源或种类" },       { "registered_at", "登记时间" }, { "state", "办理状态或结果" },
	{ "party", "信访人或申请人" },   { "unit_name", "单位" },
	{ NULL, NULL },
};

static const struct export_col fault_cols[] = {
	{ "id", "编号" },            { "unit_name", "单位" },       { "case_no", "案件编号" },
	{ "source", "来源" },         { "officer", "民警" },        { "part", "责任环节" },
	{ "record_type", "认定" },    { "fault_kind", "过错类型" },   { "sanction", "处理方式" },
	{ "reason", "理由" },         { "decided_by", "认定人" },     { "decided_at", "认定时间" },
	{ NULL, NULL },
};

static const struct export_col interference_cols[] = {
	{ "id", "编号" },            { "unit_name", "单位" },       { "case_no", "案件编号" },
	{ "occurred_at", "时间" },    { "who", "过问人" },          { "how", "方式" },
	{ "identity", "身份" },       { "asked", "过问内容" },       { "recorded_by", "记录人" },
	{ NULL, NULL },
};

/* 台账 (ledgers, issue 15): a station header, a total row, a Chinese name */
static const struct export_col case_ledger_cols[] = {
	{ "case_no", "案件编号" },       { "kind", "案件类别" },        { "title", "案由" },
	{ "act_date", "发案日期" },      { "accepted_at", "受案时间" },  { "decided_at", "决定时间" },
	{ "closed_at", "结案时间" },     { "status_label", "状态" },     { "main_officer", "主办民警" },
	{ "suspects", "违法嫌疑人（人）" }, { "fine_total", "罚款金额（元）" }, { "unit_name", "办案单位" },
	{ NULL, NULL },
};

static const struct export_col measure_ledger_cols[] = {
	{ "id", "编号" },            { "case_no", "案件编号" },    { "kind", "措施" },
	{ "tier", "期限档次" },      { "person", "对象" },          { "started_at", "开始时间" },
	{ "ended_at", "结束时间" },  { "end_reason", "结束原因" },  { "status", "状态" },
	{ "officer_name", "办案民警" }, { "unit_name", "办案单位" },
	{ NULL, NULL },
};

static const struct export_col archive_ledger_cols[] = {
	{ "file_no", "档案号" },     { "case_no", "案件编号" },   { "title", "案由" },
	{ "closed_at", "结案时间" }, { "filed_at", "入库时间" },  { "place", "存放位置" },
	{ "pages", "页数" },         { "status", "状态" },        { "filed_by_name", "入库人" },
	{ NULL, NULL },
};

static const struct export_col loan_ledger_cols[] = {
	{ "id", "编号" },              { "file_no", "档案号" },       { "case_no", "案件编号" },
	{ "borrower", "借阅人" },      { "reason", "借阅事由" },      { "requested_at", "申请时间" },
	{ "approver", "审批人" },      { "lent_at", "借出时间" },     { "due_at", "应还时间" },
	{ "returned_at", "归还时间" }, { "status", "状态" },          { "overdue", "逾期" },
	{ NULL, NULL },
};
/* 特种行业、内部单位 ledgers (issue 16, part B): one per category, rows by kind */
static const struct export_col trade_cols[] = {
	{ "kind", "类别" },           { "name", "单位名称" },       { "licence_no", "许可证（备案）号" },
	{ "responsible", "负责人" },  { "phone", "联系电话" },      { "address", "地址" },
	{ "key_unit", "重点单位" },   { "security_chief", "保卫负责人" }, { "security_staff", "保卫人数" },
	{ "cameras", "监控探头" },    { "video_linked", "视频联网" }, { "alarm", "报警装置" },
	{ "guard_measures", "人防" }, { "physical_measures", "物防" }, { "last_inspected_on", "最近检查" },
	{ "open_findings", "未整改问题" }, { "unit_name", "管辖单位" },
	{ NULL, NULL },
};

#define TRADE_LEDGER_SQL(cat)                                                                            \
	"SELECT t.id, t.kind, t.name, t.licence_no, t.responsible, t.phone,"                             \
	" CASE WHEN a.id IS NULL THEN '' ELSE a.community || a.building || a.unit_no || a.room END AS address," \
	" CASE WHEN t.key_unit = 1 THEN '是' ELSE '否' END AS key_unit, t.security_chief, t.security_staff,"  \
	" t.cameras, CASE WHEN t.video_linked = 1 THEN '是' ELSE '否' END AS video_linked,"                 \
	" CASE WHEN t.alarm = 1 THEN '是' ELSE '否' END AS alarm, t.guard_measures, t.physical_measures,"   \
	" (SELECT MAX(i.inspected_on) FROM trade_inspection i WHERE i.unit_id = t.id) AS last_inspected_on," \
	" (SELECT COUNT(*) FROM trade_finding f WHERE f.unit_id = t.id AND f.rectified_on IS NULL) AS open_findings," \
	" o.name AS unit_name FROM trade_unit t JOIN org_unit o ON o.id = t.station_id"                   \
	" LEFT JOIN address a ON a.id = t.address_id WHERE t.category = '" cat "' AND t.closed_on IS NULL" \
	" AND o.path LIKE ? ORDER BY t.kind, t.id LIMIT ?"

/* 社区警务 ledgers (issue 16 gaps): the community lists and one ledger per
 * special trade, each with the station header and a total row */
static const struct export_col key_person_cols[] = {
	{ "name", "姓名" },            { "id_number", "身份证号" },   { "category", "类别" },
	{ "level", "管控级别" },        { "reason", "列管原因" },      { "listed_on", "列管日期" },
	{ "beat_name", "责任区" },      { "officer_name", "社区民警" }, { "last_met_on", "最近见面" },
	{ "status", "状态" },           { "unit_name", "派出所" },
	{ NULL, NULL },
};

static const struct export_col rental_cols[] = {
	{ "address", "房屋地址" },        { "landlord", "出租人" },        { "rooms", "间数" },
	{ "level", "管理等级" },          { "letter_signed_on", "责任书签订" }, { "letter_expires_on", "责任书到期" },
	{ "tenants", "在住承租人（人）" }, { "last_visit_on", "最近检查" },    { "unit_name", "派出所" },
	{ NULL, NULL },
};

static const struct export_col floating_cols[] = {
	{ "name", "姓名" },             { "id_number", "身份证号" },     { "registered_on", "登记日期" },
	{ "permit_no", "居住证号" },     { "permit_expires_on", "居住证有效期" }, { "mode", "管理方式" },
	{ "layer", "管理层级" },         { "employer", "用工单位" },      { "unit_name", "派出所" },
	{ NULL, NULL },
};

static const struct export_col household_visit_cols[] = {
	{ "visited_on", "走访日期" },     { "address", "住户地址" },  { "beat_name", "责任区" },
	{ "persons_seen", "见到人数" },   { "learnt", "掌握情况" },   { "changes", "变化情况" },
	{ "user_name", "走访民警" },
	{ NULL, NULL },
};

static const struct export_col hotel_guest_cols[] = {
	{ "hotel", "旅馆" },           { "room", "房号" },           { "name", "姓名" },
	{ "id_type", "证件类型" },      { "id_number", "证件号码" },   { "nationality", "国籍（地区）" },
	{ "checkin_at", "入住时间" },   { "checkout_at", "退房时间" }, { "foreign_guest", "境外旅客" },
	{ "reported_at", "报送时间" },  { "wanted", "比中在逃" },
	{ NULL, NULL },
};

static const struct export_col scrap_purchase_cols[] = {
	{ "purchased_on", "收购日期" },   { "buyer", "收购单位" },      { "item_class", "物品类别" },
	{ "item", "物品名称" },           { "spec", "规格" },           { "item_state", "新旧程度" },
	{ "identifier", "串号/序列号" },   { "weight_g", "重量（克）" },     { "seller_name", "出售人" },   { "id_number", "出售人身份证号" },
	{ "seller_address", "出售人住址" }, { "seller_unit", "出售单位" }, { "seller_unit_proof", "出售单位证明" },
	{ "suspicious", "可疑物品" },      { "handling", "处置" },        { "receipt_no", "扣留收据" },
	{ NULL, NULL },
};

static const struct export_col seal_order_cols[] = {
	{ "made_on", "刻制日期" },       { "cutter", "刻章单位" },       { "seal_kind", "印章种类" },
	{ "seal_text", "印文" },         { "customer_unit", "用章单位" }, { "approval_doc", "批准文件" },
	{ "approval_organ", "出具机关" }, { "handler_name", "经办人" },   { "id_number", "经办人身份证号" },
	{ NULL, NULL },
};

static const struct export_col pawn_ticket_cols[] = {
	{ "pawned_on", "典当日期" },    { "pawnshop", "典当行" },     { "ticket_no", "当票号" },
	{ "item_class", "当物类别" },   { "item", "当物" },           { "identifier", "串号/车架号" }, { "origin", "来源" },
	{ "amount_yuan", "当金（元）" }, { "pledger_name", "出质人" }, { "id_number", "出质人身份证号" },
	{ "suspicious", "报告公安机关" }, { "wanted", "比中在逃" },
	{ NULL, NULL },
};

static const struct export_col residence_permit_cols[] = {
	{ "name", "姓名" },              { "id_number", "身份证号" },       { "basis", "申领条件" },
	{ "basis_detail", "证明（单位、住所或学校）" }, { "registered_on", "居住登记日期" },
	{ "applied_on", "申请日期" },      { "accepted_on", "受理日期" },     { "issue_due", "发放期限" },
	{ "card_no", "居住证号" },         { "issued_on", "签发日期" },       { "last_endorsed_on", "最近签注" },
	{ "endorse_due", "签注到期" },      { "status", "状态" },             { "unit_name", "办理单位" },
	{ NULL, NULL },
};

#define ADDRESS_TEXT_SQL "a.community || a.building || a.unit_no || a.room"

/* 考核 (issue 18): this month's officer ranking, computed (no SQL of its own) */
static const struct export_col assessment_cols[] = {
	{ "rank", "名次" },            { "name", "民警" },                { "unit_name", "单位" },
	{ "score", "得分" },           { "cases_handled", "办理案件" },   { "cases_solved", "办结案件" },
	{ "persons_dealt", "查处人员" }, { "breaches", "执法监督记录" },  { "faults", "执法过错认定" },
	{ "quality", "案件质量评分" },  { "satisfaction", "回访满意度" }, { "household_visits", "熟悉住户走访" },
	{ "rental_visits", "出租房屋检查" },
	{ NULL, NULL },
};

static const struct export_kind kinds[] = {
	{ "persons", "实有人口", ACT_PERSON_SEARCH, person_cols, "person",
	  "SELECT p.id, p.name, p.sex, p.id_number, p.birth_date, p.phone, p.kind,"
	  " COALESCE(a.community || a.building || a.unit_no || a.room, p.address) AS address,"
	  " o.name AS unit_name"
	  " FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id"
	  " WHERE o.path LIKE ? ORDER BY p.id LIMIT ?", 0, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "cases", "案件", ACT_CASE_LIST, case_cols, "case",
	  "SELECT k.id, k.case_no, k.kind, k.status, k.title, k.act_date, k.accepted_at,"
	  " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
	  "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1) AS main_officer,"
	  " o.name AS unit_name"
	  " FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE o.path LIKE ? ORDER BY k.id LIMIT ?", 0, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "custody", "办案区登记台账", ACT_CUSTODY_BOARD, custody_cols, "custody",
	  "SELECT e.id, k.case_no, " PARTY_NAME_SQL " AS person,"
	  " CASE WHEN cp.own_name IS NULL THEN p.id_number END AS id_number, cp.confidential, e.reason,"
	  " e.arrived_at, e.room_kind, e.room_no, e.exited_at, e.exit_reason,"
	  " u.name AS officer_name, o.name AS unit_name"
	  " FROM custody_entry e JOIN police_case k ON k.id = e.case_id"
	  " JOIN org_unit o ON o.id = e.unit_id JOIN case_party cp ON cp.id = e.party_id"
	  " JOIN person p ON p.id = cp.person_id JOIN users u ON u.id = e.officer_id"
	  " WHERE o.path LIKE ? ORDER BY e.id LIMIT ?", 0, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "property", "涉案财物台账", ACT_CASE_LIST, property_cols, "property",
	  "SELECT cpy.id, k.case_no, cpy.name, cpy.quantity, cpy.seized_at, cpy.kept_at,"
	  " cpy.keeper, cpy.status, o.name AS unit_name"
	  " FROM case_property cpy JOIN police_case k ON k.id = cpy.case_id"
	  " JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE o.path LIKE ? ORDER BY cpy.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	/* 执法监督 ledgers (issue 15 part A) */
	{ "return_visits", "案件回访台账", ACT_RETURN_VISIT_LIST, return_visit_cols, "return_visit",
	  "SELECT v.id, k.case_no, " PARTY_NAME_SQL " AS person, cp.confidential, cp.role, v.visited_at, v.method,"
	  " v.reached, v.satisfaction, v.comments, u.name AS visited_by, v.review_note, o.name AS unit_name"
	  " FROM return_visit v JOIN police_case k ON k.id = v.case_id JOIN org_unit o ON o.id = k.unit_id"
	  " JOIN case_party cp ON cp.id = v.party_id JOIN person p ON p.id = cp.person_id JOIN users u ON u.id = v.visited_by"
	  " WHERE o.path LIKE ? ORDER BY v.visited_at, v.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "complaints", "信访投诉与复议诉讼台账", ACT_COMPLAINT_LIST, complaint_cols, "complaint",
	  "SELECT t.id, t.src, t.ref, t.case_no, t.sub, t.registered_at, t.state, t.result, t.party, o.name AS unit_name FROM ("
	  " SELECT m.id, 'complaint' AS src, m.tracking_code AS ref, k.case_no, m.channel AS sub, m.received_at AS registered_at,"
	  " m.status AS state, m.finding AS result, m.contact_name AS party, m.station_id AS unit_id FROM complaint m"
	  " LEFT JOIN police_case k ON k.id = m.case_id"
	  " UNION ALL SELECT a.id, 'appeal', k.case_no, k.case_no, a.kind, a.recorded_at, a.outcome, NULL, a.applicant,"
	  " a.station_id FROM appeal a JOIN police_case k ON k.id = a.case_id"
	  ") t JOIN org_unit o ON o.id = t.unit_id WHERE o.path LIKE ? ORDER BY t.registered_at, t.src, t.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "faults", "执法过错台账", ACT_FAULT_LIST, fault_cols, "fault_finding",
	  "SELECT f.id, o.name AS unit_name, k.case_no, f.source, u.name AS officer, fo.part, f.record_type,"
	  " f.kind AS fault_kind, f.sanction, f.reason, du.name AS decided_by, f.decided_at"
	  " FROM fault_finding f JOIN org_unit o ON o.id = f.station_id JOIN fault_officer fo ON fo.finding_id = f.id"
	  " JOIN users u ON u.id = fo.user_id LEFT JOIN police_case k ON k.id = f.case_id LEFT JOIN users du ON du.id = f.decided_by"
	  " WHERE o.path LIKE ? ORDER BY f.opened_at, f.id, u.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "interferences", "干预执法登记台账", ACT_INTERFERENCE_LIST, interference_cols, "interference",
	  "SELECT f.id, o.name AS unit_name, k.case_no, f.occurred_at, f.who, f.how, f.leader, f.internal, f.asked,"
	  " u.name AS recorded_by FROM interference f JOIN org_unit o ON o.id = f.station_id JOIN users u ON u.id = f.recorded_by"
	  " LEFT JOIN police_case k ON k.id = f.case_id WHERE o.path LIKE ? ORDER BY f.occurred_at, f.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "case_ledger", "案件台账", ACT_CASE_LIST, case_ledger_cols, "case",
	  "SELECT k.id, k.case_no, k.kind, k.status, k.title, k.act_date, k.accepted_at, k.decided_at, k.closed_at,"
	  " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
	  "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1) AS main_officer,"
	  " (SELECT COUNT(*) FROM case_party cp WHERE cp.case_id = k.id AND cp.role = 'suspect') AS suspects,"
	  " (SELECT COALESCE(SUM(pp.fine), 0) FROM penalty_proposal pp WHERE pp.case_id = k.id"
	  "  AND pp.status = 'approved') AS fine_total,"
	  " o.name AS unit_name FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE o.path LIKE ? ORDER BY k.id LIMIT ?", 1, "fine_total", ACT_DATA_EXPORT, 0, NULL },
	{ "measure_ledger", "强制措施台账", ACT_MEASURE_LIST, measure_ledger_cols, "measure",
	  "SELECT m.id, k.case_no, m.kind, m.tier, " PARTY_NAME_SQL " AS person, cp.confidential, m.started_at,"
	  " m.ended_at, m.end_reason, m.status, u.name AS officer_name, o.name AS unit_name"
	  " FROM measure m JOIN police_case k ON k.id = m.case_id JOIN org_unit o ON o.id = k.unit_id"
	  " JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
	  " JOIN users u ON u.id = m.created_by"
	  " WHERE o.path LIKE ? ORDER BY m.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "archive_ledger", "执法档案台账", ACT_ARCHIVE_LIST, archive_ledger_cols, "archive_file",
	  "SELECT f.id, f.file_no, k.case_no, k.title, k.closed_at, f.filed_at, f.room, f.cabinet, f.shelf, f.box,"
	  " f.pages, f.status, u.name AS filed_by_name FROM archive_file f JOIN police_case k ON k.id = f.case_id"
	  " JOIN org_unit o ON o.id = f.unit_id JOIN users u ON u.id = f.filed_by"
	  " WHERE o.path LIKE ? ORDER BY f.id LIMIT ?", 1, "pages", ACT_LEDGER_EXPORT, 0, NULL },
	{ "loan_ledger", "档案借阅台账", ACT_ARCHIVE_LIST, loan_ledger_cols, "archive_loan",
	  "SELECT l.id, f.file_no, k.case_no, ru.name AS borrower, l.reason, l.requested_at, du.name AS approver,"
	  " l.lent_at, l.due_at, l.returned_at, l.status FROM archive_loan l JOIN archive_file f ON f.id = l.file_id"
	  " JOIN police_case k ON k.id = f.case_id JOIN org_unit o ON o.id = l.unit_id"
	  " JOIN users ru ON ru.id = l.requested_by LEFT JOIN users du ON du.id = l.decided_by"
	  " WHERE o.path LIKE ? ORDER BY l.id LIMIT ?", 1, NULL, ACT_LEDGER_EXPORT, 0, NULL },
	{ "special_trades", "特种行业台账", ACT_TRADE_LIST, trade_cols, "trade_unit", TRADE_LEDGER_SQL("special_trade"), 1, NULL, ACT_DATA_EXPORT,
	  1 + ES_SPECIAL_TRADE_KIND, "业台账" },
	{ "internal_units", "内部单位台账", ACT_TRADE_LIST, trade_cols, "trade_unit", TRADE_LEDGER_SQL("internal_unit"), 1, NULL, ACT_DATA_EXPORT,
	  1 + ES_INTERNAL_UNIT_KIND, "台账" },
	{ "assessment", "民警考核排名", ACT_ASSESSMENT_READ, assessment_cols, "user", NULL, 0, NULL, ACT_DATA_EXPORT, 0, NULL },
	/* 社区警务 ledgers (issue 16 gaps) */
	{ "key_persons", "重点人员台账", ACT_KEY_PERSON_LIST, key_person_cols, "key_person",
	  "SELECT k.id, p.name, p.id_number, k.category, k.level, k.reason, k.listed_on, b.name AS beat_name,"
	  " u.name AS officer_name, (SELECT MAX(x.contacted_on) FROM key_person_contact x WHERE x.key_person_id = k.id"
	  " AND x.mode IN ('meet','visit')) AS last_met_on, k.status, o.name AS unit_name"
	  " FROM key_person k JOIN person p ON p.id = k.person_id JOIN org_unit o ON o.id = k.station_id"
	  " LEFT JOIN beat b ON b.id = k.beat_id LEFT JOIN users u ON u.id = b.officer_id"
	  " WHERE k.status <> 'removed' AND o.path LIKE ? ORDER BY k.id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "rentals", "出租房屋台账", ACT_RENTAL_LIST, rental_cols, "rental",
	  "SELECT r.id, " ADDRESS_TEXT_SQL " AS address, p.name AS landlord, r.rooms, r.level, r.letter_signed_on,"
	  " r.letter_expires_on, (SELECT COUNT(*) FROM tenancy t WHERE t.rental_id = r.id AND t.to_date IS NULL) AS tenants,"
	  " r.last_visit_on, o.name AS unit_name FROM rental r JOIN address a ON a.id = r.address_id"
	  " JOIN person p ON p.id = r.landlord_id JOIN org_unit o ON o.id = r.station_id"
	  " WHERE o.path LIKE ? ORDER BY r.id LIMIT ?", 1, "tenants", ACT_DATA_EXPORT, 0, NULL },
	{ "floating", "流动人口台账", ACT_PERSON_SEARCH, floating_cols, "person",
	  "SELECT p.id, p.name, p.id_number, f.registered_on, f.permit_no, f.permit_expires_on, f.mode, f.layer,"
	  " e.name AS employer, o.name AS unit_name FROM floating_person f JOIN person p ON p.id = f.person_id"
	  " JOIN org_unit o ON o.id = f.station_id LEFT JOIN employer_unit e ON e.id = f.employer_id"
	  " WHERE f.departed_on IS NULL AND o.path LIKE ? ORDER BY f.person_id LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "household_visits", "熟悉住户走访台账", ACT_HOUSEHOLD_VISIT_LIST, household_visit_cols, "address",
	  "SELECT v.id, v.visited_on, " ADDRESS_TEXT_SQL " AS address, b.name AS beat_name, v.persons_seen, v.learnt,"
	  " v.changes, u.name AS user_name FROM household_visit v JOIN address a ON a.id = v.address_id"
	  " JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g ON g.id = a.grid_id LEFT JOIN beat b ON b.id = g.beat_id"
	  " JOIN users u ON u.id = v.user_id WHERE o.path LIKE ? ORDER BY v.visited_on DESC, v.id DESC LIMIT ?", 1,
	  "persons_seen", ACT_DATA_EXPORT, 0, NULL },
	{ "hotel_guests", "旅客住宿登记台账", ACT_TRADE_REGISTER_LIST, hotel_guest_cols, "hotel_guest",
	  "SELECT g.id, t.name AS hotel, g.room, g.name, g.id_type, g.id_number, g.nationality, g.checkin_at,"
	  " g.checkout_at, g.foreign_guest, g.reported_at, g.wanted_id FROM hotel_guest g"
	  " JOIN trade_unit t ON t.id = g.unit_id JOIN org_unit o ON o.id = g.station_id"
	  " WHERE o.path LIKE ? ORDER BY g.checkin_at DESC, g.id DESC LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "scrap_purchases", "废旧金属收购台账", ACT_TRADE_REGISTER_LIST, scrap_purchase_cols, "scrap_purchase",
	  "SELECT s.id, s.purchased_on, t.name AS buyer, s.item_class, s.item, s.spec, s.item_state, s.identifier, s.weight_g,"
	  " s.seller_name, s.seller_id_number AS id_number, s.seller_address, s.seller_unit, s.seller_unit_proof,"
	  " s.suspicious, s.handling, s.receipt_no FROM scrap_purchase s JOIN trade_unit t ON t.id = s.unit_id"
	  " JOIN org_unit o ON o.id = s.station_id WHERE o.path LIKE ? ORDER BY s.purchased_on DESC, s.id DESC LIMIT ?",
	  1, "weight_g", ACT_DATA_EXPORT, 0, NULL },
	{ "seal_orders", "印章刻制登记台账", ACT_TRADE_REGISTER_LIST, seal_order_cols, "seal_order",
	  "SELECT s.id, s.made_on, t.name AS cutter, s.seal_kind, s.seal_text, s.customer_unit, s.approval_doc,"
	  " s.approval_organ, s.handler_name, s.handler_id_number AS id_number FROM seal_order s"
	  " JOIN trade_unit t ON t.id = s.unit_id JOIN org_unit o ON o.id = s.station_id"
	  " WHERE o.path LIKE ? ORDER BY s.made_on DESC, s.id DESC LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
	{ "pawn_tickets", "典当登记台账", ACT_TRADE_REGISTER_LIST, pawn_ticket_cols, "pawn_ticket",
	  "SELECT p.id, p.pawned_on, t.name AS pawnshop, p.ticket_no, p.item_class, p.item, p.identifier, p.origin, p.amount_yuan,"
	  " p.pledger_name, p.pledger_id_number AS id_number, p.suspicious, p.wanted_id FROM pawn_ticket p"
	  " JOIN trade_unit t ON t.id = p.unit_id JOIN org_unit o ON o.id = p.station_id"
	  " WHERE o.path LIKE ? ORDER BY p.pawned_on DESC, p.id DESC LIMIT ?", 1, "amount_yuan", ACT_DATA_EXPORT, 0, NULL },
	{ "residence_permits", "居住证台账", ACT_RESIDENCE_PERMIT_LIST, residence_permit_cols, "residence_permit",
	  "SELECT r.id, p.name, p.id_number, r.basis, r.basis_detail, r.registered_on, r.applied_on, r.accepted_on,"
	  " r.issue_due, r.card_no, r.issued_on, r.last_endorsed_on, r.endorse_due, r.status, o.name AS unit_name"
	  " FROM residence_permit r JOIN person p ON p.id = r.person_id JOIN org_unit o ON o.id = r.station_id"
	  " WHERE o.path LIKE ? ORDER BY r.id DESC LIMIT ?", 1, NULL, ACT_DATA_EXPORT, 0, NULL },
};


const struct export_kind *export_kinds_find(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return &kinds[i];
	return NULL;
}
