// area.js — 110 接处警: intake, dispatch board, incident list and file, 督办, daily report, statistics.
import { AlarmClock, PhoneFilled, Position, Trophy } from '@element-plus/icons-vue'
import { INCIDENT_ROUTES } from './routes.js'
import { INCIDENT_ICONS, INCIDENT_MENU } from './menu.js'
import { WARN_COUNTY } from '../clocks/warnings.js'
import { dailyReportCard, openOversightCard, pendingDispatchCard, todayIncidentsCard } from './home.js'

export default {
  name: 'incidents',
  rank: 50, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { ...INCIDENT_ICONS, AlarmClock, PhoneFilled, Position, Trophy },
  routes: INCIDENT_ROUTES,
  menu: INCIDENT_MENU.map((m) => ({ order: 50, ...m })),
  home: [
    { ...dailyReportCard, action: { any: [WARN_COUNTY, ['report.daily', 'incident.dispatch', 'approval.list']] }, order: 30 },
    { ...todayIncidentsCard, action: 'incident.dispatch', order: 31 },
    { ...pendingDispatchCard, action: { all: ['oversight.create'], not: ['wanted.put'] }, order: 32 },
    { ...openOversightCard, action: { all: ['oversight.create'], not: ['wanted.put'] }, order: 33 }
  ]
}
