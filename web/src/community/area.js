// area.js — 社区警务 (issue 16, part A): beats and grids with their load, the map, household
// visits, key persons with contacts and transfers, 漏登漏管 sweeps, and the beat officer's today page.
import api from '../api.js'
import { COMMUNITY_ROUTES } from './routes.js'
import { COMMUNITY_ICONS, COMMUNITY_MENU } from './menu.js'
import { KEY_LIST, TODAY } from './labels.js'

async function todayDue() {
  const d = await api.get('/today')
  return d.visits.due + d.contacts.length
}

async function keyOverdue() {
  return (await api.get('/key-persons', { overdue: 1, mine: 1, page: 1, per_page: 1 })).total
}

export default {
  name: 'community',
  rank: 110, // place among the areas (routes, and menu entries or cards of equal order)
  icons: COMMUNITY_ICONS,
  routes: COMMUNITY_ROUTES,
  menu: [{ order: 62, ...COMMUNITY_MENU }],
  home: [
    { title: '今日工作', icon: 'Calendar', sub: '本周应熟悉住户与到期的重点人员见面', link: '/community/today', load: todayDue, action: TODAY, order: 43 },
    { title: '见面逾期', icon: 'Warning', sub: '本人责任区超过见面周期的重点人员', link: '/community/key-persons?overdue=1', load: keyOverdue, action: { all: [KEY_LIST, TODAY] }, order: 44 }
  ]
}
