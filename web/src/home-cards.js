// home-cards.js — what each role sees on the home page. A card with `load` shows a real number;
// the others belong to modules not built yet and show "—" with "功能建设中".
import api from './api.js'
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

export const HOME_CARDS = {
  officer: [
    {
      title: '我的案件',
      icon: 'Folder',
      sub: '本人主办或协办的案件',
      link: '/cases?mine=1',
      load: () => total('/cases', { mine: 1 })
    },
    { title: '待办事项', icon: 'List' },
    {
      title: '我的预警',
      icon: 'Bell',
      sub: '本人案件的办案期限与强制措施计时',
      link: '/warnings/mine',
      load: warnings(['WARN', 'URGENT', 'BREACH'])
    },
    { title: '今日值班', icon: 'Calendar' },
    VISITS_OVERDUE,
    OPEN_HITS
  ],
  chief: [
    { title: '待审批', icon: 'Stamp', sub: '等待本人审批的案件', link: '/approvals', load: () => total('/approvals') },
    {
      title: '本所预警',
      icon: 'Bell',
      sub: '本所紧急、超期的法定时限',
      link: '/warnings/unit',
      load: warnings(['URGENT', 'BREACH'])
    },
    todayIncidentsCard,
    { title: '民警在岗', icon: 'Avatar' },
    dailyReportCard,
    VISITS_OVERDUE,
    OPEN_HITS
  ],
  dispatcher: [
    todayIncidentsCard,
    pendingDispatchCard,
    openOversightCard
  ],
  supervisor: [
    dailyReportCard,
    todayIncidentsCard,
    {
      title: '超期预警',
      icon: 'Bell',
      sub: '全县已超过法定时限的事项',
      link: '/warnings/breaches',
      load: warnings(['BREACH', 'URGENT'])
    },
    { title: '投诉信访', icon: 'ChatLineSquare' }
  ],
  legal: [
    { title: '待法制审核', icon: 'Stamp', sub: '等待法制审核的案件', link: '/approvals', load: () => total('/approvals') },
    {
      title: '本所预警',
      icon: 'Bell',
      sub: '紧急、超期的法定时限',
      link: '/warnings/unit',
      load: warnings(['URGENT', 'BREACH'])
    }
  ],
  clerk: [
    { title: '待归档', icon: 'FolderChecked' },
    { title: '台账', icon: 'Notebook' }
  ],
  auxiliary: [
    { title: '走访任务', icon: 'House', sub: '今日应走访的出租房屋（含逾期）', link: '/visits/today', load: visitsDueToday },
    { title: '巡逻记录', icon: 'Guide' }
  ],
  archivist: [
    { title: '待入库', icon: 'Box' },
    { title: '借阅中', icon: 'Reading' }
  ],
  admin: [
    { title: '用户数', icon: 'User', sub: '本级及下级单位账号', link: '/admin/users', load: () => total('/users') },
    {
      title: '机构数',
      icon: 'OfficeBuilding',
      sub: '市局、县局、派出所、警务室等',
      link: '/admin/units',
      load: () => total('/units')
    }
  ],
  auditor: [
    {
      title: '今日审计事件',
      icon: 'Document',
      sub: '北京时间今日 0 时起',
      link: '/audit',
      load: () => total('/audit', { from: dayStartSec(todayShanghai()) })
    }
  ]
}

export function cardsFor(role) {
  return HOME_CARDS[role] || []
}
