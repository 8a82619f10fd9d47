// area.js — 证据、案件质量与执法档案 (issue 15 part B): the archive room (files, filing, loans),
// the ledgers (台账) and case-quality review. Pages show by allowed action.
import { Box, Notebook, Search, Stamp } from '@element-plus/icons-vue'
import api from '../api.js'

const crumbs = ['执法监督']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export default {
  name: 'archives',
  rank: 100, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { Box, Notebook, Search, Stamp },
  routes: [
    page('archives', 'archives', () => import('../views/archives/ArchivesView.vue'), '执法档案', 'archive.list'),
    page('ledgers', 'ledgers', () => import('../views/archives/LedgersView.vue'), '台账', 'case.list'),
    page('case-reviews', 'case-reviews', () => import('../views/archives/ReviewsView.vue'), '案件质量考评', 'case_review.list'),
    page('online-inspections', 'online-inspections', () => import('../views/archives/InspectionsView.vue'), '网上巡查', 'inspection.list')
  ],
  menu: [
    {
      order: 56,
      title: '档案与考评',
      icon: 'Box',
      children: [
        { path: '/archives', title: '档案室', icon: 'Box', action: 'archive.list' },
        { path: '/ledgers', title: '台账', icon: 'Notebook', action: 'case.list' },
        { path: '/case-reviews', title: '案件质量考评', icon: 'Stamp', action: 'case_review.list' },
        { path: '/online-inspections', title: '网上巡查', icon: 'Search', action: 'inspection.list' }
      ]
    }
  ],
  home: [
    {
      title: '档案借阅',
      icon: 'Box',
      sub: '待审批、逾期未还的档案借阅',
      link: '/archives?tab=loans',
      load: async () => {
        const [req, over] = await Promise.all([
          api.get('/loans', { status: 'requested', per_page: 1 }),
          api.get('/loans', { overdue: 1, per_page: 1 })
        ])
        return (req.total || 0) + (over.total || 0)
      },
      action: 'loan.lend',
      order: 45
    },
    {
      title: '案件质量考评',
      icon: 'Stamp',
      sub: '已结案件的质量考评',
      link: '/case-reviews',
      load: () => api.get('/case-reviews', { per_page: 1 }).then((d) => d.total || 0),
      action: 'case_review.create',
      order: 46
    }
  ]
}
