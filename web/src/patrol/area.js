// area.js — 巡逻防控 (issue 17, part 1): patrol teams, plans that follow the incidents (heat map and
// proposals), patrol logs from a phone with wanted-list checks, and the weekly/monthly/yearly scores.
import { PATROL_ROUTES } from './routes.js'
import { PATROL_ICONS, PATROL_MENU } from './menu.js'

export default {
  name: 'patrol',
  rank: 150, // place among the areas (routes, and menu entries or cards of equal order)
  icons: PATROL_ICONS,
  routes: PATROL_ROUTES,
  menu: [{ order: 63, ...PATROL_MENU }]
}
