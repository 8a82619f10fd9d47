// home-cards.js — the home page's cards. A card shows when the user may perform its `action`
// (can() in auth.js, from GET /me — no role lists here); one with `load` shows a real number, the
// others belong to modules not built yet and show "—" with "功能建设中".
import api from './api.js'
import { can } from './auth.js'
import { WARN_COUNTY, WARN_MINE, WARN_UNIT } from './clocks/warnings.js'
import { dayStartSec, todayShanghai } from './format.js'
import { summaryText } from './clocks/warnings.js'
import { openHits, visitsDueToday, visitsOverdue } from './population/home.js'
import { dailyReportCard, openOversightCard, pendingDispatchCard, todayIncidentsCard } from './incidents/home.js'

/** The 执法预警 counts of the user's default scope, e.g. "紧急 2 · 超期 1". */
const warnings = (levels) => () => api.get('/warnings/summary').then((s) => summaryText(s, levels))

const total = (path, params) => api.get(path, { ...params, page: 1, per_page: 1 }).then((d) => d.total ?? 0)

// 一标三实: rentals past their visit cycle and wanted-list hits not yet closed
const VISITS_OVERDUE = { title: '走访逾期', icon: 'House', sub: '超过走访周期的出租房屋', link: '/population/rentals?overdue=1', load: visitsOverdue }
const OPEN_HITS = { title: '比对命中', icon: 'Bell', sub: '在逃比对命中，待签收核查', link: '/population/hits', load: openHits }

// The archive room has no actions of its own yet (the module is not built): its cards go to who
// reads cases and does nothing else.
const ARCHIVE = {
  all: ['case.read'],
  not: ['person.register', 'incident.create', 'approval.list', 'oversight.create', 'report.daily', 'wanted.put']
}

/** In the order shown; a user sees every card whose action is allowed. */
export const HOME_CARDS = [
  // case work
  {
    title: '我的案件',
    icon: 'Folder',
    sub: '本人主办或协办的案件',
    link: '/cases?mine=1',
    load: () => total('/cases', { mine: 1 }),
    action: WARN_MINE
  },
  { title: '待办事项', icon: 'List', action: WARN_MINE },
  {
    title: '我的预警',
    icon: 'Bell',
    sub: '本人案件的办案期限与强制措施计时',
    link: '/warnings/mine',
    load: warnings(['WARN', 'URGENT', 'BREACH']),
    action: WARN_MINE
  },
  { title: '今日值班', icon: 'Calendar', action: WARN_MINE },
  // approvals and the unit's clocks
  { title: '待审批', icon: 'Stamp', sub: '等待本人审批或法制审核的案件', link: '/approvals', load: () => total('/approvals'), action: 'approval.list' },
  {
    title: '本所预警',
    icon: 'Bell',
    sub: '本所紧急、超期的法定时限',
    link: '/warnings/unit',
    load: warnings(['URGENT', 'BREACH']),
    action: WARN_UNIT
  },
  // the county's supervision and the 110 desk
  { ...dailyReportCard, action: { any: [WARN_COUNTY, ['report.daily', 'incident.dispatch', 'approval.list']] } },
  { ...todayIncidentsCard, action: 'incident.dispatch' },
  { ...pendingDispatchCard, action: { all: ['oversight.create'], not: ['wanted.put'] } },
  { ...openOversightCard, action: { all: ['oversight.create'], not: ['wanted.put'] } },
  {
    title: '超期预警',
    icon: 'Bell',
    sub: '全县已超过法定时限的事项',
    link: '/warnings/breaches',
    load: warnings(['BREACH', 'URGENT']),
    action: WARN_COUNTY
  },
  { title: '投诉信访', icon: 'ChatLineSquare', action: WARN_COUNTY },
  { title: '民警在岗', icon: 'Avatar', action: ['approval.list', 'case.create'] },
  // 一标三实
  { ...VISITS_OVERDUE, action: 'hit.update' },
  { ...OPEN_HITS, action: 'hit.update' },
  { title: '走访任务', icon: 'House', sub: '今日应走访的出租房屋（含逾期）', link: '/visits/today', load: visitsDueToday, action: { all: ['rental.visit'], not: ['hit.update', 'letter.create'] } },
  { title: '巡逻记录', icon: 'Guide', action: { all: ['rental.visit'], not: ['hit.update', 'letter.create'] } },
  // records office and archive (modules not built yet)
  { title: '待归档', icon: 'FolderChecked', action: { all: ['letter.create'], not: ['hit.update'] } },
  { title: '台账', icon: 'Notebook', action: { all: ['letter.create'], not: ['hit.update'] } },
  { title: '待入库', icon: 'Box', action: ARCHIVE },
  { title: '借阅中', icon: 'Reading', action: ARCHIVE },
  // system administration and audit
  { title: '用户数', icon: 'User', sub: '本级及下级单位账号', link: '/admin/users', load: () => total('/users'), action: 'user.list' },
  {
    title: '机构数',
    icon: 'OfficeBuilding',
    sub: '市局、县局、派出所、警务室等',
    link: '/admin/units',
    load: () => total('/units'),
    action: 'unit.create'
  },
  {
    title: '今日审计事件',
    icon: 'Document',
    sub: '北京时间今日 0 时起',
    link: '/audit',
    load: () => total('/audit', { from: dayStartSec(todayShanghai()) }),
    action: 'audit.list'
  }
]

/** The cards of the logged-in user. */
export function cardsFor() {
  return HOME_CARDS.filter((c) => can(c.action))
}
