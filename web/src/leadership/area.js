// area.js — 领导交办, 逐级上报 and 阅示 (issue 17): leaders assign tasks to the stations, the stations
// sign, report progress and complete them; each station submits its day's report, the bureau's
// leaders read the sum and write a 阅示 that becomes tasks.
import api from '../api.js'
import { LEADERSHIP_BARE_ROUTES, LEADERSHIP_ROUTES } from './routes.js'
import { LEADERSHIP_ICONS, LEADERSHIP_MENU } from './menu.js'
import { TASK_LIST } from './labels.js'

/** Home card figure: open tasks past their deadline. */
const overdueTasks = () => api.get('/leader-tasks', { open: 1 }).then((d) => (d.items || []).filter((t) => t.overdue).length)

export default {
  name: 'leadership',
  rank: 160, // place among the areas (routes, and menu entries or cards of equal order)
  icons: LEADERSHIP_ICONS,
  routes: LEADERSHIP_ROUTES,
  bareRoutes: LEADERSHIP_BARE_ROUTES,
  menu: [{ order: 58, ...LEADERSHIP_MENU }],
  home: [
    {
      title: '交办超期',
      icon: 'Checked',
      sub: '领导交办任务已过期限仍未办结',
      link: '/leader-tasks',
      load: overdueTasks,
      action: TASK_LIST,
      order: 44
    }
  ]
}
