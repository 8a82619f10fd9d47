// area.js — 110 接处警: intake, dispatch board, incident list and file, 督办, daily report, statistics.
import { AlarmClock, PhoneFilled, Position, Trophy } from '@element-plus/icons-vue'
import { INCIDENT_ROUTES } from './routes.js'
import { INCIDENT_ICONS, INCIDENT_MENU } from './menu.js'
import { dailyReportCard, openOversightCard, pendingDispatchCard, todayIncidentsCard } from './home.js'

export default {
  name: 'incidents',
  icons: { ...INCIDENT_ICONS, AlarmClock, PhoneFilled, Position, Trophy },
  routes: INCIDENT_ROUTES,
  menu: INCIDENT_MENU.map((m) => ({ order: 50, ...m })),
  home: [
    { ...todayIncidentsCard, at: { dispatcher: 10, supervisor: 20, chief: 30 } },
    { ...pendingDispatchCard, at: { dispatcher: 20 } },
    { ...openOversightCard, at: { dispatcher: 30 } },
    { ...dailyReportCard, at: { supervisor: 10, chief: 50 } }
  ]
}
