// area.js — 队伍管理 (issue 18): staff records and structure figures, duty rosters with sign-in,
// leave; home cards 民警在岗, 今日值班, 待办事项. Menu entries one per line (other helpers add theirs).
import api from '../api.js'
import { TEAM_ROUTES } from './routes.js'
import { TEAM_ICONS, TEAM_MENU } from './menu.js'
import { DUTY_READ, TASKS_READ } from './labels.js'

const board = () => api.get('/duty-board')

export default {
  name: 'team',
  rank: 170, // place among the areas (routes, and menu entries or cards of equal order)
  icons: TEAM_ICONS,
  routes: TEAM_ROUTES,
  menu: [{ order: 70, ...TEAM_MENU }],
  home: [
    { title: '待办事项', icon: 'Bell', sub: '审批、预警、检查、请假等本人待办', link: '/team/todos', load: () => api.get('/todos').then((d) => d.total ?? 0), action: TASKS_READ, order: 5 },
    { title: '民警在岗', icon: 'User', sub: '当前班次已签到在岗（请假外出另列）', link: '/team/duty', load: () => board().then((d) => d.on_duty ?? 0), action: DUTY_READ, order: 6 },
    { title: '今日值班', icon: 'Calendar', sub: '当前班次排班人数', link: '/team/duty', load: () => board().then((d) => d.rostered ?? 0), action: DUTY_READ, order: 7 }
  ]
}
