// area.js — 特种行业、内部单位 (issue 16, part B): registers, inspections by checklist, findings and
// their rectification deadlines.
import api from '../api.js'
import { TRADE_BARE_ROUTES, TRADE_ROUTES } from './routes.js'
import { TRADE_ICONS, TRADE_MENU } from './menu.js'
import { TRADE_INSPECT } from './labels.js'

/** Home card figure: findings past their rectification deadline. */
const overdueFindings = () => api.get('/trade-findings', { overdue: 1 }).then((d) => (d.items || []).length)

export default {
  name: 'trades',
  rank: 120, // place among the areas (routes, and menu entries or cards of equal order)
  icons: TRADE_ICONS,
  routes: TRADE_ROUTES,
  bareRoutes: TRADE_BARE_ROUTES,
  menu: [{ order: 62, ...TRADE_MENU }],
  home: [
    {
      title: '整改逾期',
      icon: 'Warning',
      sub: '特种行业、内部单位检查发现问题超过整改期限',
      link: '/trades/findings?view=overdue',
      load: overdueFindings,
      action: TRADE_INSPECT,
      order: 43
    }
  ]
}
