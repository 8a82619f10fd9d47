// area.js — 执法办案: case list, 受案登记, case file, approval inbox, and the printed documents.
import { Briefcase, DocumentAdd, Files, Folder, Stamp } from '@element-plus/icons-vue'
import api from '../api.js'

import { WARN_MINE } from '../clocks/warnings.js'

const crumbs = ['执法办案']
const total = (path, params) => api.get(path, { ...params, page: 1, per_page: 1 }).then((d) => d.total ?? 0)

export default {
  name: 'cases',
  rank: 30, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { Briefcase, DocumentAdd, Files, Folder, Stamp },
  routes: [
    {
      path: 'cases',
      name: 'cases',
      component: () => import('../views/cases/CaseListView.vue'),
      meta: { title: '案件列表', crumbs, action: 'case.list' }
    },
    {
      path: 'cases/new',
      name: 'case-new',
      component: () => import('../views/cases/CaseCreateView.vue'),
      meta: { title: '受案登记', crumbs, action: 'case.create' }
    },
    {
      path: 'cases/:id(\\d+)',
      name: 'case',
      component: () => import('../views/cases/CaseDetailView.vue'),
      meta: { title: '案件详情', crumbs: [...crumbs, '案件列表'], menu: '/cases', action: 'case.read' }
    },
    {
      path: 'approvals',
      name: 'approvals',
      component: () => import('../views/cases/ApprovalInboxView.vue'),
      meta: { title: '审批待办', crumbs, action: 'approval.list' }
    }
  ],
  bareRoutes: [
    {
      path: '/print/:caseId/:kind',
      name: 'print',
      component: () => import('../views/print/PrintView.vue'),
      meta: { title: '文书打印', action: 'case.read' }
    }
  ],
  menu: [
    {
      order: 20,
      title: '执法办案',
      icon: 'Briefcase',
      children: [
        { path: '/cases', title: '案件列表', icon: 'Files', action: 'case.list' },
        { path: '/cases/new', title: '受案登记', icon: 'DocumentAdd', action: 'case.create' },
        { path: '/approvals', title: '审批待办', icon: 'Stamp', action: 'approval.list', badge: 'approvals' }
      ]
    }
  ],
  home: [
    {
      title: '我的案件',
      icon: 'Folder',
      sub: '本人主办或协办的案件',
      link: '/cases?mine=1',
      load: () => total('/cases', { mine: 1 }),
      action: WARN_MINE,
      order: 10
    },
    {
      title: '待审批',
      icon: 'Stamp',
      sub: '等待本人审批或法制审核的案件',
      link: '/approvals',
      load: () => total('/approvals'),
      action: 'approval.list',
      order: 20
    }
  ]
}
