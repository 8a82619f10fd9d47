// routes.js — the 110 接处警 pages inside the app layout (read by area.js).
import { INCIDENT_ROLES, INTAKE_ROLES, OVERSIGHT_ROLES, REPORT_ROLES } from './labels.js'

const CRUMBS = ['110接处警']

export const INCIDENT_ROUTES = [
  {
    path: 'incidents/new',
    name: 'incident-new',
    component: () => import('../views/incidents/IntakeView.vue'),
    meta: { title: '接警登记', crumbs: CRUMBS, roles: INTAKE_ROLES }
  },
  {
    path: 'incidents/board',
    name: 'incident-board',
    component: () => import('../views/incidents/BoardView.vue'),
    meta: { title: '指挥调度看板', crumbs: CRUMBS, roles: INCIDENT_ROLES }
  },
  {
    path: 'incidents',
    name: 'incidents',
    component: () => import('../views/incidents/IncidentListView.vue'),
    meta: { title: '警情列表', crumbs: CRUMBS, roles: INCIDENT_ROLES }
  },
  {
    path: 'incidents/:id(\\d+)',
    name: 'incident',
    component: () => import('../views/incidents/IncidentDetailView.vue'),
    meta: { title: '警情详情', crumbs: [...CRUMBS, '警情列表'], menu: '/incidents', roles: INCIDENT_ROLES }
  },
  {
    path: 'oversight',
    name: 'oversight',
    component: () => import('../views/incidents/OversightView.vue'),
    meta: { title: '督办', crumbs: CRUMBS, roles: OVERSIGHT_ROLES }
  },
  {
    path: 'reports/daily',
    name: 'daily-report',
    component: () => import('../views/incidents/DailyReportView.vue'),
    meta: { title: '警务动态日报', crumbs: CRUMBS, roles: REPORT_ROLES }
  },
  {
    path: 'reports/stats',
    name: 'incident-stats',
    component: () => import('../views/incidents/StatsView.vue'),
    meta: { title: '统计分析', crumbs: CRUMBS, roles: REPORT_ROLES }
  }
]
