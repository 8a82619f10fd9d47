// routes.js — the 110 接处警 pages inside the app layout (read by area.js).
import { INCIDENTS, INTAKE, OVERSIGHT, REPORTS, UNFILED } from './labels.js'

const CRUMBS = ['110接处警']

export const INCIDENT_ROUTES = [
  {
    path: 'incidents/new',
    name: 'incident-new',
    component: () => import('../views/incidents/IntakeView.vue'),
    meta: { title: '接警登记', crumbs: CRUMBS, action: INTAKE }
  },
  {
    path: 'incidents/board',
    name: 'incident-board',
    component: () => import('../views/incidents/BoardView.vue'),
    meta: { title: '指挥调度看板', crumbs: CRUMBS, action: INCIDENTS }
  },
  {
    path: 'incidents',
    name: 'incidents',
    component: () => import('../views/incidents/IncidentListView.vue'),
    meta: { title: '警情列表', crumbs: CRUMBS, action: INCIDENTS }
  },
  {
    path: 'incidents/:id(\\d+)',
    name: 'incident',
    component: () => import('../views/incidents/IncidentDetailView.vue'),
    meta: { title: '警情详情', crumbs: [...CRUMBS, '警情列表'], menu: '/incidents', action: INCIDENTS }
  },
  {
    path: 'oversight',
    name: 'oversight',
    component: () => import('../views/incidents/OversightView.vue'),
    meta: { title: '督办', crumbs: CRUMBS, action: OVERSIGHT }
  },
  {
    path: 'reports/daily',
    name: 'daily-report',
    component: () => import('../views/incidents/DailyReportView.vue'),
    meta: { title: '警务动态日报', crumbs: CRUMBS, action: REPORTS }
  },
  {
    path: 'reports/stats',
    name: 'incident-stats',
    component: () => import('../views/incidents/StatsView.vue'),
    meta: { title: '统计分析', crumbs: CRUMBS, action: REPORTS }
  },
  // 有警无案 for the 督察 (issue 17)
  {
    path: 'unfiled-incidents',
    name: 'unfiled-incidents',
    component: () => import('../views/incidents/UnfiledView.vue'),
    meta: { title: '有警无案', crumbs: CRUMBS, action: UNFILED }
  }
]
