// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 队伍管理: 考核与奖惩
  { value: 'patrol_team', label: '巡逻队' },
  { value: 'patrol_plan', label: '巡逻计划' },
  { value: 'patrol_log', label: '巡逻记录' },
  { value: 'patrol_arrest', label: '巡逻抓现行' }
]

export const ACTIONS = {
  // 指挥调度 (issue 17)
  'patrol.list': '查看巡逻防控',
  'patrol.manage': '管理巡逻队与巡逻计划',
  'patrol.log': '填写巡逻记录',
  'patrol.score': '巡逻考评与奖励',
  'patrol_team.create': '新建巡逻队',
  'patrol_team.update': '修改巡逻队',
  'patrol_team.list': '查询巡逻队',
  'patrol_plan.create': '新建巡逻计划',
  'patrol_plan.add_slot': '增加巡逻时段',
  'patrol_plan.list': '查询巡逻计划',
  'patrol_plan.heat': '查看警情热力与巡逻覆盖',
  'patrol_score.list': '查询巡逻考评',
  'patrol_log.create': '填写巡逻记录',
  'patrol_log.list': '查询巡逻记录',
  'patrol_log.wanted_hit': '巡逻盘查比中在逃人员',
  'patrol_arrest.link': '关联抓现行的警情案件',
  'patrol_reward.create': '登记巡逻奖励',
  'patrol_meeting.notes': '记录巡逻碰头会',
  'patrol_plan.update': '修改巡逻计划',
  'patrol_plan.end_slot': '停止巡逻时段'
}

export const ACTION_PREFIXES = {}
