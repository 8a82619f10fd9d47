// area.js — 一标三实: addresses, persons, rentals, floating population, wanted list and hits, letters.
import { Bell, House } from '@element-plus/icons-vue'
import { POPULATION_BARE_ROUTES, POPULATION_ROUTES } from './routes.js'
import { POPULATION_ICONS, POPULATION_MENU } from './menu.js'
import { openHits, visitsDueToday, visitsOverdue } from './home.js'

export default {
  name: 'population',
  rank: 60, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { ...POPULATION_ICONS, Bell, House },
  routes: POPULATION_ROUTES,
  bareRoutes: POPULATION_BARE_ROUTES,
  menu: [{ order: 60, ...POPULATION_MENU }],
  home: [
    {
      title: '走访任务',
      icon: 'House',
      sub: '今日应走访的出租房屋（含逾期）',
      link: '/visits/today',
      load: visitsDueToday,
      action: { all: ['rental.visit'], not: ['hit.update', 'letter.create'] },
      order: 42
    },
    {
      title: '走访逾期',
      icon: 'House',
      sub: '超过走访周期的出租房屋',
      link: '/population/rentals?overdue=1',
      load: visitsOverdue,
      action: 'hit.update',
      order: 40
    },
    { title: '比对命中', icon: 'Bell', sub: '在逃比对命中，待签收核查', link: '/population/hits', load: openHits, action: 'hit.update', order: 41 }
  ]
}
