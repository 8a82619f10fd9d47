// routes.js — the 领导交办 and 逐级上报/阅示 pages (children of the app layout).
import { ANALYSIS_READ, MEETING_LIST, REPORTS, TASK_LIST } from './labels.js'

const crumbs = ['指挥调度']

export const LEADERSHIP_ROUTES = [
  {
    path: 'leader-tasks',
    name: 'leader-tasks',
    component: () => import('../views/leadership/LeaderTasksView.vue'),
    meta: { title: '领导交办', crumbs, action: TASK_LIST }
  },
  {
    path: 'leader-tasks/:id(\\d+)',
    name: 'leader-task',
    component: () => import('../views/leadership/LeaderTasksView.vue'),
    meta: { title: '领导交办', crumbs, action: TASK_LIST, menu: '/leader-tasks' }
  },
  {
    path: 'daily-submissions',
    name: 'daily-submissions',
    component: () => import('../views/leadership/DailySubmissionsView.vue'),
    meta: { title: '日报上报与阅示', crumbs, action: REPORTS }
  },
  {
    path: 'analysis',
    name: 'analysis',
    component: () => import('../views/leadership/AnalysisView.vue'),
    meta: { title: '研判', crumbs, action: ANALYSIS_READ }
  },
  {
    path: 'meetings',
    name: 'meetings',
    component: () => import('../views/leadership/MeetingsView.vue'),
    meta: { title: '调度分析会', crumbs, action: MEETING_LIST }
  }
]

/** Full pages outside the layout: the printable 调度分析会 record. */
export const LEADERSHIP_BARE_ROUTES = [
  {
    path: '/print/meetings/:id(\\d+)',
    name: 'meeting-print',
    component: () => import('../views/leadership/MeetingPrintView.vue'),
    meta: { title: '调度分析会记录', action: MEETING_LIST }
  }
]
