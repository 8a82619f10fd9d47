// routes.js — the 社区警务 pages (children of the app layout; the layout turns into a phone shell
// with a drawer menu on narrow screens, so 今日工作 works on a 390 px handset).
import { BEATS, KEY_LIST, LEDGERS, SWEEPS, TODAY, VISITS_LIST } from './labels.js'

const crumbs = ['社区警务']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export const COMMUNITY_ROUTES = [
  page('community/today', 'community-today', () => import('../views/community/TodayView.vue'), '今日工作', TODAY),
  page('community/beats', 'community-beats', () => import('../views/community/BeatsView.vue'), '责任区与警力负荷', BEATS),
  page('community/map', 'community-map', () => import('../views/community/BeatMapView.vue'), '责任区地图', BEATS),
  page('community/visits', 'community-visits', () => import('../views/community/HouseholdVisitsView.vue'), '熟悉住户', VISITS_LIST),
  page('community/key-persons', 'community-key-persons', () => import('../views/community/KeyPersonsView.vue'), '重点人员', KEY_LIST),
  page(
    'community/key-persons/:id(\\d+)',
    'community-key-person',
    () => import('../views/community/KeyPersonDetailView.vue'),
    '重点人员详情',
    KEY_LIST,
    { crumbs: ['社区警务', '重点人员'], menu: '/community/key-persons' }
  ),
  page('community/sweeps', 'community-sweeps', () => import('../views/community/SweepsView.vue'), '漏登漏管排查', SWEEPS),
  page(
    'community/key-person-listings',
    'community-key-person-listings',
    () => import('../views/community/KeyPersonListingsView.vue'),
    '列管审批',
    KEY_LIST
  ),
  page(
    'community/key-person-removals',
    'community-key-person-removals',
    () => import('../views/community/KeyPersonRemovalsView.vue'),
    '撤管审批',
    KEY_LIST
  ),
  page('community/ledgers', 'community-ledgers', () => import('../views/community/CommunityLedgersView.vue'), '社区警务台账', LEDGERS)
]
