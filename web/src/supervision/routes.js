// routes.js — the 执法监督 pages. `SUPERVISION_ROUTES` are children of the app layout;
// `SUPERVISION_BARE_ROUTES` are the public pages (meta.open: no login).
const crumbs = ['信访与追责']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export const SUPERVISION_ROUTES = [
  page('supervision/complaints', 'supervision-complaints', () => import('../views/supervision/ComplaintsView.vue'), '信访投诉', 'complaint.list'),
  page('supervision/return-visits', 'supervision-return-visits', () => import('../views/supervision/ReturnVisitsView.vue'), '案件回访', 'return_visit.list'),
  page('supervision/cards', 'supervision-cards', () => import('../views/supervision/CardsView.vue'), '执法监督卡', 'supervision_card.list'),
  page('supervision/appeals', 'supervision-appeals', () => import('../views/supervision/AppealsView.vue'), '复议诉讼赔偿', 'appeal.list'),
  page('supervision/faults', 'supervision-faults', () => import('../views/supervision/FaultsView.vue'), '执法过错责任追究', 'fault.list'),
  page('supervision/officers', 'supervision-officers', () => import('../views/supervision/OfficerRecordsView.vue'), '民警执法档案', 'officer.record'),
  page('supervision/interferences', 'supervision-interferences', () => import('../views/supervision/InterferencesView.vue'), '干预执法登记', 'interference.create'),
  page('supervision/recusals', 'supervision-recusals', () => import('../views/supervision/RecusalsView.vue'), '办案回避', 'case.read')
]

const open = (path, name, component, title) => ({ path, name, component, meta: { open: true, title } })

export const SUPERVISION_BARE_ROUTES = [
  open('/public', 'public-notice', () => import('../views/supervision/PublicNoticeView.vue'), '警务公开'),
  open('/public/stations/:id(\\d+)', 'public-station', () => import('../views/supervision/PublicNoticeView.vue'), '警务公开'),
  open('/public/complaint', 'public-complaint', () => import('../views/supervision/PublicComplaintView.vue'), '网上投诉')
]
