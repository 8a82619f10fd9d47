#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/rental_cycles.h"
#include "core/json.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
	{ "session.idle_minutes", SETTING_INT, "30", 1, 240, "会话空闲超时（分钟）",
	  "超过该时间无操作，需重新登录", "SESS-2", 0 },
	{ "session.absolute_hours", SETTING_INT, "12", 1, 24, "会话绝对超时（小时）",
	  "登录后超过该时间，无论是否活动都需重新登录", "SESS-2", 0 },
	{ "auth.max_failures", SETTING_INT, "5", 3, 10, "登录失败锁定次数",
	  "在时间窗口内连续登录失败达到该次数即锁定账号", "AUTH-1", 0 },
	{ "auth.fail_window_minutes", SETTING_INT, "15", 1, 1440, "登录失败统计窗口（分钟）",
	  NULL, "AUTH-1", 0 },
	{ "auth.lock_minutes", SETTING_INT, "15", 1, 1440, "账号锁定时长（分钟）",
	  NULL, "AUTH-1", 0 },
	{ "auth.password_min_length", SETTING_INT, "12", 12, 64, "密码最小长度",
	  "不得低于 12 位", "AUTH-3", 0 },
	{ "auth.password_max_age_days", SETTING_INT, "90", 0, 3650, "密码有效期（天）",
	  "超过该天数须在登录后修改密码；0 表示不限", "AUTH-3", 0 },
	{ "auth.ip_failures_per_minute", SETTING_INT, "20", 5, 1000, "单 IP 每分钟登录失败上限",
	  "超过后该 IP 的登录请求返回 429", "AUTH-2", 0 },
	{ "auth.mfa_roles", SETTING_TEXT, "admin,chief,supervisor,auditor", 0, 200,
	  "须使用双因素认证的角色", "以逗号分隔的角色代码；这些角色未绑定动态验证码前只能完成绑定（等保三级）",
	  "AUTH-5", 0 },
	{ "public.progress_max_failures", SETTING_INT, "5", 1, 100, "进度查询失败次数上限",
	  "同一地址或同一回执编号在时间窗口内查询失败达到该次数后返回 429", NULL, 0 },
	{ "public.progress_window_minutes", SETTING_INT, "15", 1, 1440, "进度查询失败统计窗口（分钟）",
	  NULL, NULL, 0 },
	{ "station.name_on_documents", SETTING_TEXT, "", 0, 64, "文书落款单位名称",
	  "为空时使用机构名称", NULL, 1 },
	{ "station.supervision_phone", SETTING_TEXT, "", 0, 32, "监督电话",
	  "印在执法监督卡上的监督电话", "SUP-CARD", 1 },
	{ "station.require_legal_review", SETTING_BOOL, "false", 0, 1, "所有处罚决定均需法制审核",
	  "开启后，本所全部处罚决定在审批前需经法制员审核", "ADM-LEGAL-REVIEW", 1 },
	{ "warn.warn_pct", SETTING_INT, "75", 50, 95, "预警阈值（已用期限百分比）",
	  "期限已过该比例时发出预警（WARN）", NULL, 0 },
	{ "warn.urgent_pct", SETTING_INT, "90", 60, 99, "紧急阈值（已用期限百分比）",
	  "期限已过该比例时升级为紧急（URGENT），通知所领导和法制员", NULL, 0 },
	{ "warn.warn_days_left", SETTING_INT, "7", 1, 30, "按日计算的期限：剩余天数预警",
	  NULL, NULL, 0 },
	{ "warn.urgent_days_left", SETTING_INT, "3", 1, 15, "按日计算的期限：剩余天数紧急",
	  NULL, NULL, 0 },
	{ "warn.meal_hours", SETTING_INT, "6", 2, 12, "办案区未安排饮食预警（小时）",
	  "询问查证期间超过该时长没有饮食记录即预警", "ADM-SUMMON-CARE", 0 },
	{ "warn.nochain_hours", SETTING_INT, "24", 1, 72, "连续传唤间隔（小时）",
	  "同一人同一案件在前次传唤结束后该时长内再次传唤，提示变相拘禁风险", "ADM-SUMMON-NOCHAIN", 0 },
	{ "incident.duplicate_minutes", SETTING_INT, "30", 1, 720, "重复警情判定时间窗（分钟）",
	  "同一地点在该时间内的再次报警提示为同一警情", NULL, 0 },
	{ "incident.unfiled_hours", SETTING_INT, "24", 1, 168, "有警无案预警（小时）",
	  "涉及违法犯罪的警情超过该时长仍未立案即预警", "PROC-ACCEPT-REG", 0 },
	{ "report.weight_solved", SETTING_INT, "10", 0, 100, "日报排名权重：破案数（每起）",
	  "刑事案件侦查终结的起数", "PAT-IND-SOLVED", 0 },
	{ "report.weight_persons", SETTING_INT, "6", 0, 100, "日报排名权重：打击处理人数（每人）",
	  "每人每日每类只计一次", "PAT-IND-PERSONS", 0 },
	{ "rental.visit_days_trusted", SETTING_INT, "90", 7, 365, "放心户走访周期（天）",
	  "季度走访", NULL, 1 },
	{ "rental.visit_days_normal", SETTING_INT, "30", 7, 180, "一般户走访周期（天）",
	  "每月走访", NULL, 1 },
	{ "rental.visit_days_watch", SETTING_INT, "7", 1, 60, "不放心户走访周期（天）",
	  "每周走访", NULL, 1 },
	{ "letter.answer_days", SETTING_INT, "30", 7, 180, "函查回复期限（天）",
	  "发出后超过该天数未回复列为逾期", NULL, 0 },
	/* 执法监督与警务公开 (issue 15 part A): what the public page and the
	 * 执法监督卡 print, and the [U] values of supervision */
	{ "station.bureau_complaint_phone", SETTING_TEXT, "", 0, 32, "公安局投诉电话",
	  "印在执法监督卡和警务公开页上的县公安局投诉（督察）电话", "SUP-CARD", 1 },
	{ "station.opening_hours", SETTING_TEXT, "", 0, 200, "窗口办公时间",
	  "警务公开页和便民联系卡上的办公时间", NULL, 1 },
	{ "station.case_scope", SETTING_TEXT, "", 0, 1000, "受案范围",
	  "警务公开页上本所受理的案件和事项，每行一项", NULL, 1 },
	{ "station.service_guide", SETTING_TEXT, "", 0, 2000, "窗口服务指南",
	  "警务公开页上的办事指南，每行一项", NULL, 1 },
	{ "station.contact_card", SETTING_TEXT, "", 0, 1000, "便民联系卡",
	  "便民联系卡的内容（社区民警、联系电话等），每行一项", NULL, 1 },
	{ "station.complaint_channels", SETTING_TEXT, "", 0, 1000, "控告申诉途径",
	  "警务公开页和执法监督卡上的投诉途径（来信地址、来访地点等），每行一项；网上投诉始终列出", "SUP-CARD", 1 },
	{ "return_visit.due_days", SETTING_INT, "7", 1, 60, "案件回访期限（天）",
	  "案件办结后该天数内完成回访", "SUP-RETURN-VISIT", 1 },
	{ "return_visit.suspects", SETTING_BOOL, "false", 0, 1, "回访违法嫌疑人",
	  "开启后，结案回访任务也包括违法犯罪嫌疑人", "SUP-RETURN-VISIT", 1 },
	{ "return_visit.dissatisfied_max", SETTING_INT, "2", 1, 4, "不满意的满意度上限",
	  "满意度（1—5）不高于该值视为不满意，转所长复核", "SUP-RETURN-VISIT", 0 },
	{ "fault.sanctions", SETTING_TEXT,
	  "批评教育,责令书面检查,诫勉谈话,通报批评,离岗培训,调离执法岗位,取消执法资格,停止执行职务,处分", 1, 500,
	  "执法过错处理方式", "以逗号分隔；认定执法过错时从中选择", "SUP-GC-DEF", 0 },
	{ "public.complaint_max_per_hour", SETTING_INT, "5", 1, 100, "网上投诉每小时上限",
	  "同一地址每小时提交控告申诉的次数上限，超过后返回 429", NULL, 0 },
	/* 证据、案件质量与执法档案 (issue 15, part B) */
	{ "evidence.max_upload_mb", SETTING_INT, "20", 1, 32, "证据附件大小上限（MiB）",
	  "单个证据附件（照片、录音、录像、扫描件）的最大体积；不超过 32 MiB", NULL, 1 },
	{ "evidence.allowed_types", SETTING_TEXT,
	  "image/jpeg,image/png,application/pdf,audio/mpeg,audio/wav,video/mp4", 0, 200,
	  "证据附件允许的类型", "以逗号分隔的媒体类型；可选 image/jpeg、image/png、application/pdf、audio/mpeg、audio/wav、video/mp4",
	  NULL, 1 },
	{ "archive.loan_days_max", SETTING_INT, "7", 1, 90, "档案借阅最长期限（天）",
	  "借阅申请的天数不得超过该值；借出后到期未还即预警", "ARCHIVE-LOAN", 1 },
	{ "review.items", SETTING_TEXT,
	  "intake:受案及时:10,filing:立案合法:10,evidence:证据合法充分:20,procedure:程序合法:15,"
	  "law:适用法律正确:15,documents:文书规范:10,time_limits:时限遵守:10,property:涉案财物规范:10",
	  0, 500, "案件质量考评项目及分值",
	  "以逗号分隔的“代码:名称:分值”，分值合计为满分（通常 100）；SUP-KP-ITEMS 的权重为设置", "SUP-KP-ITEMS", 0 },
	{ "inspection.answer_days", SETTING_INT, "7", 1, 60, "网上巡查整改期限（天）",
	  "巡查未另定期限时，派出所答复问题的期限", "SUP-INSPECT", 0 },
	/* documents (issue 15): the bodies a 决定书 names for 复议 and 诉讼 */
	{ "documents.review_organ", SETTING_TEXT, "", 0, 64, "行政复议机关",
	  "决定书告知的行政复议机关名称（如某县人民政府）；为空时决定书留空待填", NULL, 1 },
	{ "documents.litigation_court", SETTING_TEXT, "", 0, 64, "行政诉讼法院",
	  "决定书告知的行政诉讼管辖法院名称；为空时写“人民法院”", NULL, 1 },
	/* jurisdiction (SUP-JURIS-ADM): the communities and villages of a station */
	{ "station.area", SETTING_TEXT, "", 0, 2000, "辖区社区、村",
	  "本所辖区的社区、村名称，以逗号分隔；行为地不在其中（也不在本所登记地址的社区中）的案件须写明管辖依据", "SUP-JURIS-ADM", 1 },
	{ "case.econ_dispute_categories", SETTING_TEXT, "0503", 0, 200, "经济纠纷警情类别",
	  "这些类别的警情转为案件须写明理由并经法制员审核（类别代码，以逗号分隔）", "SUP-ECON", 0 },
	/* 社区警务 (issue 16): no national figure was found for any of these */
	{ "community.residents_per_officer", SETTING_INT, "3000", 1, 100000, "警民比（每名社区民警实有人口）",
	  "责任区或民警的实有人口超过该数即列为超负荷；法律未规定，由县局设置", "COM-WARD-RATIO", 1 },
	{ "community.visits_per_week", SETTING_INT, "2", 0, 100, "每周熟悉住户（户）",
	  "每名社区民警每周应熟悉的住户数", "COM-DUTIES", 1 },
	{ "community.contact_days_strict", SETTING_INT, "7", 1, 365, "重点管控人员见面周期（天）",
	  "法律未规定，由县局设置", "COM-ZD-LIST", 1 },
	{ "community.contact_days_normal", SETTING_INT, "30", 1, 365, "一般管控人员见面周期（天）",
	  "法律未规定，由县局设置", "COM-ZD-LIST", 1 },
	{ "community.contact_days_watch", SETTING_INT, "90", 1, 365, "关注人员见面周期（天）",
	  "法律未规定，由县局设置", "COM-ZD-LIST", 1 },
	{ "community.key_categories", SETTING_TEXT, "重点人口,刑释解教,社区矫正,吸毒人员,肇事肇祸精神障碍患者,重点租户,其他",
	  0, 500, "重点人员类别", "以逗号分隔；类别表由县局设置，不在代码中固定", "COM-ZD-LIST", 0 },
	{ "community.key_tenant_level", SETTING_TEXT, "normal", 0, 16, "重点层级承租人的管控级别",
	  "出租房屋承租人列为重点层级时自动列管的级别：strict / normal / watch", "COM-ZD-LIST", 1 },
	{ "community.map_tile_url", SETTING_TEXT, "", 0, 300, "地图瓦片地址",
	  "为空时不加载底图，只显示本所地址点位和责任区范围（离线部署）；如 https://tiles.example/{z}/{x}/{y}.png", NULL, 0 },
	/* 特种行业、内部单位 (issue 16, part B): the inspection cycle and the
	 * checklist of each kind — NBZA sets no frequency (COM-KEYUNIT-CHECK);
	 * the checklists follow LG Art 6-9, FJS Art 4, 7-9, 典当管理办法, and for
	 * internal units NBZA Art 8; items are separated by '；' */
	{ "trade.cycle_days_hotel", SETTING_INT, "30", 1, 730, "旅馆检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_pawn", SETTING_INT, "30", 1, 730, "典当检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_scrap", SETTING_INT, "30", 1, 730, "废旧金属收购检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_seal", SETTING_INT, "90", 1, 730, "印章刻制检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_locksmith", SETTING_INT, "90", 1, 730, "开锁检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_used_phone", SETTING_INT, "30", 1, 730, "二手手机检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_car_repair", SETTING_INT, "90", 1, 730, "机动车修理检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_finance", SETTING_INT, "30", 1, 730, "金融单位检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_school", SETTING_INT, "90", 1, 730, "学校检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_hospital", SETTING_INT, "90", 1, 730, "医院检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_enterprise", SETTING_INT, "180", 1, 730, "企业检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_fuel", SETTING_INT, "30", 1, 730, "加油站检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.cycle_days_other_unit", SETTING_INT, "180", 1, 730, "其他单位检查周期（天）",
	  "距上次检查超过该天数即列为应检查（预警）", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_hotel", SETTING_TEXT, "旅客住宿登记并查验身份证件；境外旅客24小时内报送；贵重物品保管登记；遗留物品登记移交；危险物品查控；可疑人员报告；视频监控运行", 0, 600, "旅馆检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_pawn", SETTING_TEXT, "查验当户身份证件；查验当物来源；当物登记与信息上传；禁收物品查控；可疑人员与赃物报告；视频监控运行", 0, 600, "典当检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_scrap", SETTING_TEXT, "备案及变更备案；生产性废旧金属查验证明；收购登记（单位、经办人、物品）；禁止收购物品查控；赃物嫌疑报告", 0, 600, "废旧金属收购检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_seal", SETTING_TEXT, "刻制登记；委托单位证明查验；印模备案；从业人员登记", 0, 600, "印章刻制检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_locksmith", SETTING_TEXT, "开锁登记（身份、住址）；房屋车辆权属查验；从业人员登记；可疑情况报告", 0, 600, "开锁检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_used_phone", SETTING_TEXT, "收购登记并查验身份证件；来源查验；可疑物品报告；视频监控运行", 0, 600, "二手手机检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_car_repair", SETTING_TEXT, "承修登记；可疑车辆报告；从业人员登记", 0, 600, "机动车修理检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_finance", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "金融单位检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_school", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "学校检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_hospital", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "医院检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_enterprise", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "企业检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_fuel", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "加油站检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	{ "trade.checklist_other_unit", SETTING_TEXT, "门卫、值班、巡查；场所安全管理；现金、票据、印鉴、有价证券管理；内部消防、交通安全；治安防范教育培训；治安、刑事案件报告；检查、考核及奖惩；危险物品管理（存放危险物品的单位）；技防设施运行", 0, 600, "其他单位检查项目",
	  "以全角分号“；”分隔；检查时逐项登记合格或不合格", "COM-KEYUNIT-CHECK", 1 },
	/* 流动人口: 人走报告 within N working days of the departure; no national
	 * deadline (COM-FLOAT-REG: provinces set it, e.g. Zhejiang 3 working days) */
	{ "floating.departure_report_workdays", SETTING_INT, "3", 1, 30, "人走报告期限（工作日）",
	  "房东、用工单位在人员离开后该工作日数内报告；超过的标为逾期报告", "COM-FLOAT-REG", 1 },
	/* 安全小区: no national criteria (COM-SAFE-AREA); the county sets them */
	{ "safe_area.no_burglary_months", SETTING_INT, "12", 1, 60, "安全小区：无入室盗窃月数",
	  "评定日前该月数内小区没有入室盗窃警情", "COM-SAFE-AREA", 0 },
	{ "safe_area.burglary_categories", SETTING_TEXT, "0101", 0, 200, "安全小区：计为入室盗窃的警情类别",
	  "警情类别代码，以逗号分隔（默认 0101 入室盗窃）", "COM-SAFE-AREA", 0 },
	{ "safe_area.min_coverage_pct", SETTING_INT, "80", 0, 100, "安全小区：楼栋视频覆盖率下限（%）",
	  "技防：有视频监控覆盖的楼栋占全部楼栋的百分比", "COM-SAFE-AREA", 0 },
	{ "safe_area.require_patrol", SETTING_BOOL, "true", 0, 1, "安全小区：须有巡逻或值守",
	  NULL, "COM-SAFE-AREA", 0 },
	/* 三考 (issue 18, part 2): no national figures; the county sets them */
	{ "exam.pass_score", SETTING_INT, "60", 1, 100, "考试及格分数",
	  "百分制；试卷未另定及格分的按此计", NULL, 0 },
	{ "exam.practice_questions", SETTING_INT, "10", 1, 100, "练习题数",
	  "每次练习从题库随机抽取的题数", NULL, 1 },
	{ "exam.practice_minutes", SETTING_INT, "20", 1, 300, "练习时限（分钟）",
	  "超过时限提交的答案不再接收", NULL, 1 },
	/* 指挥调度 (issue 17, part 3): the station's alert, the escalation of an
	 * unacknowledged dispatch, arrival targets (PAT-110-ARRIVAL, local rules) */
	{ "incident.alert_sound", SETTING_BOOL, "true", 0, 1, "新指令提示音",
	  "受派派出所的警情看板收到新派警指令时播放提示音（关闭即本所静音，弹窗提示照常）", "PAT-110-FIRST", 1 },
	{ "incident.ack_escalate_minutes", SETTING_INT, "5", 1, 120, "派警未签收升级（分钟）",
	  "派警后超过该时长仍未签收，在指挥调度看板标记并列入执法预警", "PAT-110-FIRST", 0 },
	{ "incident.arrival_urban_minutes", SETTING_INT, "5", 1, 120, "到场时限：城区（分钟）",
	  "自派警起算，超过即标记为迟到", "PAT-110-ARRIVAL", 0 },
	{ "incident.arrival_suburban_minutes", SETTING_INT, "10", 1, 240, "到场时限：城郊（分钟）",
	  "自派警起算，超过即标记为迟到", "PAT-110-ARRIVAL", 0 },
	{ "incident.suburban", SETTING_BOOL, "false", 0, 1, "本所辖区按城郊计到场时限",
	  NULL, "PAT-110-ARRIVAL", 1 },
	/* 队伍管理: 考核 weights (issue 18): each source's share of the score;
	 * 0 leaves a figure shown but not scored. Early intervention and the
	 * 警风警纪监督员 answer clock: no national figure, the county's [U] */
	{ "assess.weight.cases_handled", SETTING_INT, "20", 0, 100, "考核权重：办理案件",
	  "在同一比较范围内按最高值折算：本项得分 = 权重 × 数值 ÷ 最高值", NULL, 0 },
	{ "assess.weight.cases_solved", SETTING_INT, "20", 0, 100, "考核权重：办结案件", NULL, NULL, 0 },
	{ "assess.weight.persons_dealt", SETTING_INT, "10", 0, 100, "考核权重：查处违法犯罪人员", NULL, NULL, 0 },
	{ "assess.weight.breaches", SETTING_INT, "15", 0, 100, "考核权重：执法监督记录（越少越好）",
	  "越少越好：本项得分 = 权重 ×（1 − 数值 ÷ 最高值）；最高值为0时得满分", NULL, 0 },
	{ "assess.weight.faults", SETTING_INT, "15", 0, 100, "考核权重：执法过错认定（越少越好）", NULL, NULL, 0 },
	{ "assess.weight.quality", SETTING_INT, "10", 0, 100, "考核权重：案件质量评分", NULL, NULL, 0 },
	{ "assess.weight.satisfaction", SETTING_INT, "5", 0, 100, "考核权重：回访满意度", NULL, NULL, 0 },
	{ "assess.weight.household_visits", SETTING_INT, "3", 0, 100, "考核权重：熟悉住户走访", NULL, NULL, 0 },
	{ "assess.weight.rental_visits", SETTING_INT, "2", 0, 100, "考核权重：出租房屋检查", NULL, NULL, 0 },
	{ "assess.weight.patrol_hours", SETTING_INT, "3", 0, 100, "考核权重：巡逻时长", NULL, NULL, 0 },
	{ "assess.weight.patrol_arrests", SETTING_INT, "5", 0, 100, "考核权重：巡逻抓现行", NULL, NULL, 0 },
	{ "assess.weight.exam_score", SETTING_INT, "3", 0, 100, "考核权重：学法考试成绩", NULL, NULL, 0 },
	{ "intervention.window_months", SETTING_INT, "12", 1, 60, "早期干预：统计月数",
	  "在此月数内的执法监督记录、查实投诉和执法过错认定计入", NULL, 0 },
	{ "intervention.breaches", SETTING_INT, "3", 1, 100, "早期干预：执法监督记录达到（次）", NULL, NULL, 0 },
	{ "intervention.complaints", SETTING_INT, "2", 1, 100, "早期干预：查实投诉达到（件）", NULL, NULL, 0 },
	{ "intervention.faults", SETTING_INT, "1", 1, 100, "早期干预：执法过错认定达到（次）", NULL, NULL, 0 },
	{ "monitor.answer_days", SETTING_INT, "15", 1, 90, "监督员意见答复期限（天）",
	  "警风警纪监督员提出意见后，派出所在此天数内答复；逾期列入预警", "TEAM-MONITOR-ANSWER", 1 },
	/* 巡逻防控: the hot-spot proposal (PAT-HOTSPOT, Koper curve) and the
	 * weights of the patrol score (PAT-SCORE); none is set by law */
	{ "patrol.visit_minutes", SETTING_INT, "15", 5, 60, "热点巡查每次分钟数",
	  "Koper 曲线：到热点短时停留约10—15分钟，威慑效果最好", "PAT-HOTSPOT", 1 },
	{ "patrol.hotspot_min_incidents", SETTING_INT, "3", 1, 1000, "建议巡逻时段的警情下限",
	  "近几周同一网格、同一星期几同一小时的警情达到该数且无巡逻覆盖，即建议增加巡逻时段", "PAT-HOTSPOT", 1 },
	{ "patrol.max_proposals", SETTING_INT, "5", 1, 50, "每次建议的巡逻时段数", NULL, "PAT-HOTSPOT", 1 },
	{ "patrol.weight_arrest", SETTING_INT, "10", 0, 1000, "巡逻考评：每起抓现行得分", NULL, "PAT-SCORE", 1 },
	{ "patrol.weight_hour", SETTING_INT, "1", 0, 1000, "巡逻考评：每巡逻小时得分", "按整小时计", "PAT-SCORE", 1 },
	{ "patrol.weight_slot", SETTING_INT, "2", 0, 1000, "巡逻考评：每落实一个计划时段得分", NULL, "PAT-SCORE", 1 },
	{ "patrol.weight_incident", SETTING_INT, "3", 0, 1000, "巡逻考评：巡区巡逻时段内每起警情扣分",
	  "警情越少越好", "PAT-SCORE", 1 },
	{ "patrol.weight_drop", SETTING_INT, "2", 0, 1000, "巡逻考评：比上期每少一起警情得分",
	  "比上期多则相应扣分", "PAT-SCORE", 1 },
	{ "patrol.reward_first", SETTING_TEXT, "通报表扬", 0, 200, "巡逻考评：第一名的奖励", "奖勤", "PAT-SCORE", 1 },
	{ "patrol.reward_last", SETTING_TEXT, "约谈督促", 0, 200, "巡逻考评：最后一名的督促", "罚懒", "PAT-SCORE", 1 },
	/* 警务动态日报 on the bureau's indicators (issue 17): weights, penalties
	 * and the 可防性案件 kinds are the county's (PAT-STATS, PAT-PREVENTABLE [U]) */
	{ "report.weight_safe_pct", SETTING_INT, "1", 0, 100, "日报排名权重：安全小区占比（每个百分点）",
	  "当日被评定为安全小区的小区占本所小区总数的百分比", "PAT-IND-SAFE", 0 },
	{ "report.weight_preventable", SETTING_INT, "3", 0, 100, "日报排名权重：可防性案件（每起增减）",
	  "与上周同日、去年同日相比每少一起加分，每多一起扣分", "PAT-IND-PREVENTABLE", 0 },
	{ "report.preventable_categories", SETTING_TEXT, "0101,0102,0104,0201,0209", 0, 200,
	  "可防性案件的警情类别", "警情类别代码，以逗号分隔", "PAT-PREVENTABLE", 0 },
	{ "report.penalty_callback", SETTING_INT, "2", 0, 100, "日报排名扣分：未回告（每起）",
	  "当日处结的警情至当日结束仍未回告的，每起扣分", "PAT-IND-CALLBACK", 0 },
	{ "report.penalty_oversight", SETTING_INT, "10", 0, 100, "日报排名扣分：督办未答复超期（每件）",
	  "当日结束时已过答复期限仍未答复的督办，每件扣分", "PAT-IND-OVERSIGHT", 0 },
	{ "report.penalty_breach", SETTING_INT, "10", 0, 100, "日报排名扣分：未处理的执法监督记录（每条）",
	  "当日结束时仍未答复的超期记录，每条扣分", "PAT-IND-BREACH", 0 },
	{ "report.penalty_task_overdue", SETTING_INT, "5", 0, 100, "日报排名扣分：领导交办超期（每件）",
	  "当日结束时已过期限仍未办结的领导交办任务，每件扣分", "PAT-IND-TASKS", 0 },
	{ "leader_task.warn_hours", SETTING_INT, "24", 1, 720, "领导交办：到期前预警（小时）",
	  "距期限不足该小时数仍未办结的任务进入预警", "PAT-IND-TASKS", 0 },
	{ "analysis.k_tenths", SETTING_INT, "20", 0, 50, "研判：异常判定倍数（十分之一）",
	  "高于近4周同日均值加该倍数（÷10）的标准差即列为突出问题；20 即 2.0 倍", "PAT-ANALYSIS-RANGE", 0 },
	{ "analysis.min_count", SETTING_INT, "2", 1, 100, "研判：突出问题起数下限",
	  "当日起数不少于该数才列为突出问题", "PAT-ANALYSIS-RANGE", 0 },
	/* 队伍管理 (issue 18, part 1) */
	{ "team.qual_required", SETTING_BOOL, "true", 0, 1, "主办民警须具备基本级执法资格",
	  "开启时，未取得有效基本级执法资格的民警不能作为案件主办民警（受案登记、补录）", "TEAM-QUAL-USE", 1 },
	{ "duty.shift_start", SETTING_TEXT, "08:30", 0, 5, "值班交接班时间",
	  "24小时值班班次的开始时间（HH:MM），签到以此为准", "PAT-DUTY-24H", 1 },
	{ "duty.signin_grace_minutes", SETTING_INT, "15", 0, 240, "值班签到宽限（分钟）",
	  "交接班时间后该分钟数内签到为按时，之后为迟到；班次结束仍未签到为缺勤", "PAT-DUTY-24H", 1 },
	/* 社区警务 gaps (issue 16): 撤管审批, key units' drills, licence reminders */
	{ "community.removal_approver", SETTING_TEXT, "station", 0, 16, "重点人员撤管审批人",
	  "station：本所所长审批；bureau：县局领导审批。申请人不能审批本人的申请（法律未规定，由县局设置）", "COM-ZD-REMOVE", 0 },
	{ "trade.drill_months", SETTING_INT, "12", 1, 60, "重点单位应急预案演练周期（月）",
	  "超过该月数未登记演练的治安保卫重点单位列入预警（法规未规定，由县局设置）", "COM-KEYUNIT-SETUP", 1 },
	{ "trade.licence_warn_days", SETTING_INT, "30", 1, 365, "许可证到期提前提醒（天）",
	  "特种行业许可证到期前该天数起列入预警和今日工作", "COM-TRADE-LICENCE", 1 },
	/* 队伍管理: meetings, study and training (issue 18) */
	{ "team.training_days_min", SETTING_INT, "15", 0, 365, "民警年度训练天数下限",
	  "业务培训按出席民警计天数；按全年进度落后的民警列入预警", "TEAM-TRAIN-DAYS", 1 },
	{ "team.meeting_weekday", SETTING_INT, "1", 1, 7, "例会在星期几（1为星期一）",
	  "当天结束仍未记录本周例会的列入预警", "TEAM-MEETING-PLAN", 1 },
	{ "team.case_review_weekday", SETTING_INT, "5", 1, 7, "案件通报研讨在星期几（1为星期一）",
	  "当天结束仍未记录本周案件通报研讨的列入预警", "TEAM-MEETING-PLAN", 1 },
	{ "team.legal_study_day", SETTING_INT, "5", 1, 28, "每月集体法律学习日",
	  "当天结束仍未记录本月集体法律学习的列入预警", "TEAM-MEETING-PLAN", 1 },
	{ "team.qual_valid_years", SETTING_INT, "0", 0, 20, "执法资格有效年限（0为长期有效）",
	  "通过执法资格考试后，人员档案记载的有效期为取得日期加该年数", "TEAM-QUAL-VALID", 0 },
	{ "assess.weight.training_attendance", SETTING_INT, "3", 0, 100, "考核权重：会议学习出席率", NULL, NULL, 0 },
	{ "assess.weight.training_days", SETTING_INT, "2", 0, 100, "考核权重：业务培训天数", NULL, NULL, 0 },
	{ "assess.weight.meet_rate", SETTING_INT, "2", 0, 100, "考核权重：走访见面率", NULL, NULL, 0 },
	{ "assess.weight.letter_rate", SETTING_INT, "2", 0, 100, "考核权重：流动人口发函率（派出所）", NULL, NULL, 0 },
	{ NULL, 0, NULL, 0, 0, NULL, NULL, NULL, 0 },
};

const struct setting_def *setting_find(const char *key)
{
	for (const struct setting_def *d = setting_defs; d->key; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

/* The stored value for (key, unit) or NULL; copied into the arena. */
static int stored_value(struct ctx *c, const char *key, int64_t unit_id,
			const char **out)
{
	struct db_stmt *st;
	int rc;

	*out = NULL;
	rc = db_prepare(c->db,
			unit_id ? "SELECT value FROM setting WHERE skey = ? AND unit_id = ?"
				: "SELECT value FROM setting WHERE skey = ? AND unit_id IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, key);
	if (unit_id)
		db_bind_int(st, 2, unit_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*out = arena_strdup(c->arena, db_column_text(st, 0));
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

static int effective(struct ctx *c, const struct setting_def *d, int64_t unit_id,
		     const char **val, int *overridden)
{
	const char *v = NULL;
	int rc = PS_OK;

	*overridden = 0;
	if (unit_id && d->per_unit) {
		rc = stored_value(c, d->key, unit_id, &v);
		if (!rc && v)
			*overridden = 1;
	}
	if (!rc && !v)
		rc = stored_value(c, d->key, 0, &v);
	*val = v ? v : d->def;
	return rc;
}

int64_t setting_int(struct ctx *c, const char *key, int64_t unit_id)
{
	const struct setting_def *d = setting_find(key);
	const char *v;
	int ov;
	struct ps_err e, *saved = c->err;

	if (!d)
		return 0;
	ps_err_clear(&e);
	c->err = &e;
	if (effective(c, d, unit_id, &v, &ov)) {
		log_error("setting %s unreadable: %s", key, e.msg);
		v = d->def;
	}
	c->err = saved;
	if (d->type == SETTING_BOOL)
		return strcmp(v, "true") == 0;
	return strtoll(v, NULL, 10);
}

const char *setting_text(struct ctx *c, const char *key, int64_t unit_id)
{
	const struct setting_def *d = setting_find(key);
	const char *v;
	int ov;
	struct ps_err e, *saved = c->err;

	if (!d)
		return "";
	ps_err_clear(&e);
	c->err = &e;
	if (effective(c, d, unit_id, &v, &ov)) {
		log_error("setting %s unreadable: %s", key, e.msg);
		v = d->def;
	}
	c->err = saved;
	return v;
}

/* 1 when text is a comma-separated list of role codes (or empty): the
 * value of auth.mfa_roles. */
static int roles_list_valid(const char *text)
{
	char role[32];
	size_t n = 0;

	for (const char *p = text;; p++) {
		if (*p == ',' || *p == '\0') {
			role[n] = '\0';
			if (n && !authz_role_bit(role))
				return 0;
			n = 0;
			if (!*p)
				return 1;
		} else if (*p != ' ') {
			if (n + 1 >= sizeof(role))
				return 0;
			role[n++] = *p;
		}
	}
}

static json_t *def_json(const struct setting_def *d, const char *val, int ov)
{
	static const char *types[] = { "int", "bool", "text" };
	json_t *o = json_object(), *jv, *jd;

	if (!o)
		return NULL;
	if (d->type == SETTING_INT) {
		jv = json_integer(strtoll(val, NULL, 10));
		jd = json_integer(strtoll(d->def, NULL, 10));
	} else if (d->type == SETTING_BOOL) {
		jv = json_boolean(strcmp(val, "true") == 0);
		jd = json_boolean(strcmp(d->def, "true") == 0);
	} else {
		jv = json_string(val);
		jd = json_string(d->def);
	}
	json_object_set_new(o, "key", json_string(d->key));
	json_object_set_new(o, "type", json_string(types[d->type]));
	json_object_set_new(o, "value", jv);
	json_object_set_new(o, "default", jd);
	if (d->type == SETTING_INT) {
		json_object_set_new(o, "min", json_integer(d->min));
		json_object_set_new(o, "max", json_integer(d->max));
	}
	json_object_set_new(o, "label", json_string(d->label));
	json_object_set_new(o, "description",
			    d->description ? json_string(d->description) : json_null());
	json_object_set_new(o, "rule", d->rule ? json_string(d->rule) : json_null());
	json_object_set_new(o, "per_unit", json_boolean(d->per_unit));
	json_object_set_new(o, "overridden", json_boolean(ov));
	return o;
}


static int check_unit(struct ctx *c, int64_t unit_id)
{
	struct db_stmt *st;
	int rc;

	if (!unit_id)
		return PS_OK;
	rc = db_prepare(c->db, "SELECT kind FROM org_unit WHERE id = ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, unit_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc == PS_DONE)
		return ps_fail_field(c->err, PS_EINVAL, "unit_id", "单位不存在");
	return rc == PS_ROW ? PS_OK : rc;
}

int settings_list(struct ctx *c, int64_t unit_id, json_t **out)
{
	json_t *items, *res;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_LIST);
	if (!rc)
		rc = check_unit(c, unit_id);
	if (rc)
		return rc;
	res = json_object();
	items = json_array();
	if (!res || !items) {
		json_decref(res);
		json_decref(items);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_object_set_new(res, "items", items);
	for (const struct setting_def *d = setting_defs; d->key; d++) {
		const char *v;
		int ov;

		rc = effective(c, d, unit_id, &v, &ov);
		if (rc) {
			json_decref(res);
			return rc;
		}
		json_array_append_new(items, def_json(d, v, ov));
	}
	*out = res;
	return PS_OK;
}

int settings_put(struct ctx *c, const char *key, json_t *value,
		 int64_t unit_id, json_t **out)
{
	const struct setting_def *d = setting_find(key);
	char text[256];
	const char *v;
	struct db_stmt *st;
	int rc, ov;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_PUT);
	if (rc)
		return rc;
	if (!d)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL,
			       "没有这个设置项");
	if (unit_id && !d->per_unit)
		return ps_fail_field(c->err, PS_EINVAL, "unit_id",
				     "该设置项全县统一，不能按派出所单独设置");
	rc = check_unit(c, unit_id);
	if (rc)
		return rc;
	switch (d->type) {
	case SETTING_INT:
		if (!json_is_integer(value))
			return ps_fail_field(c->err, PS_EINVAL, "value", "应为整数");
		if (json_integer_value(value) < d->min ||
		    json_integer_value(value) > d->max)
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "取值应在 %lld 到 %lld 之间",
					     (long long)d->min, (long long)d->max);
		snprintf(text, sizeof(text), "%lld",
			 (long long)json_integer_value(value));
		break;
	case SETTING_BOOL:
		if (!json_is_boolean(value))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为 true 或 false");
		snprintf(text, sizeof(text), "%s",
			 json_is_true(value) ? "true" : "false");
		break;
	default:
		if (!json_is_string(value) ||
		    utf8_chars(json_string_value(value)) > (size_t)d->max ||
		    strlen(json_string_value(value)) != json_string_length(value))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为不超过 %lld 个字符的文本",
					     (long long)d->max);
		snprintf(text, sizeof(text), "%s", json_string_value(value));
		if (strcmp(key, "auth.mfa_roles") == 0 && !roles_list_valid(text))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为以逗号分隔的角色代码，如 admin,chief");
	}
	/* an update first, then an insert: portable, and the unique index on
	 * (skey, unit_id) does not treat NULL unit ids as equal */
	rc = db_prepare(c->db,
			unit_id ? "UPDATE setting SET value = ?, updated_by = ?, updated_at = ? WHERE skey = ? AND unit_id = ?"
				: "UPDATE setting SET value = ?, updated_by = ?, updated_at = ? WHERE skey = ? AND unit_id IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, text);
	db_bind_int(st, 2, c->who.user_id);
	db_bind_int(st, 3, c->now);
	db_bind_text(st, 4, key);
	if (unit_id)
		db_bind_int(st, 5, unit_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) == 0) {
		rc = db_prepare(c->db,
				"INSERT INTO setting(skey, unit_id, value, updated_by, updated_at) VALUES (?,?,?,?,?)",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_text(st, 1, key);
		if (unit_id)
			db_bind_int(st, 2, unit_id);
		else
			db_bind_null(st, 2);
		db_bind_text(st, 3, text);
		db_bind_int(st, 4, c->who.user_id);
		db_bind_int(st, 5, c->now);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
	}
	/* the rentals' maintained next visits follow their cycle */
	rc = rental_cycles_apply(c, key, setting_int);
	if (rc)
		return rc;
	{
		char detail[320];

		snprintf(detail, sizeof(detail), "unit=%lld value=%s",
			 (long long)unit_id, text);
		rc = audit_write(c, "settings.put", "setting", key, "success", detail);
	}
	if (rc)
		return rc;
	rc = effective(c, d, unit_id, &v, &ov);
	if (rc)
		return rc;
	*out = def_json(d, v, ov);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
