// routes.js — the 巡逻防控 pages (children of the app layout; 巡逻记录 is a phone form: the layout turns
// into a phone shell with a drawer menu on narrow screens).
import { PATROL_LIST, PATROL_LOG } from './labels.js'

const crumbs = ['巡逻防控']
const page = (path, name, component, title, action) => ({ path, name, component, meta: { title, crumbs, action } })

export const PATROL_ROUTES = [
  page('patrol/plans', 'patrol-plans', () => import('../views/patrol/PatrolPlansView.vue'), '巡逻计划与警情热力', PATROL_LIST),
  page('patrol/teams', 'patrol-teams', () => import('../views/patrol/PatrolTeamsView.vue'), '巡逻队', PATROL_LIST),
  page('patrol/log', 'patrol-log', () => import('../views/patrol/PatrolLogView.vue'), '巡逻记录', PATROL_LOG),
  page('patrol/scores', 'patrol-scores', () => import('../views/patrol/PatrolScoresView.vue'), '巡逻考评', PATROL_LIST)
]
