// area.js — 执法办案: case list, 受案登记, case file, approval inbox, and the printed documents.
import { Briefcase, DocumentAdd, Files, Folder, Stamp } from '@element-plus/icons-vue'
import api from '../api.js'

/** Roles that work with cases (执法办案). */
export const CASE_ROLES = ['officer', 'chief', 'legal', 'clerk', 'auxiliary', 'supervisor', 'archivist']
const CREATE_ROLES = ['officer', 'chief']
const APPROVAL_ROLES = ['chief', 'legal']

const crumbs = ['执法办案']
const total = (path, params) => api.get(path, { ...params, page: 1, per_page: 1 }).then((d) => d.total ?? 0)

export default {
  name: 'cases',
  icons: { Briefcase, DocumentAdd, Files, Folder, Stamp },
  routes: [
    {
      path: 'cases',
      name: 'cases',
      component: () => import('../views/cases/CaseListView.vue'),
      meta: { title: '案件列表', crumbs, roles: CASE_ROLES }
    },
    {
      path: 'cases/new',
      name: 'case-new',
      component: () => import('../views/cases/CaseCreateView.vue'),
      meta: { title: '受案登记', crumbs, roles: CREATE_ROLES }
    },
    {
      path: 'cases/:id(\\d+)',
      name: 'case',
      component: () => import('../views/cases/CaseDetailView.vue'),
      meta: { title: '案件详情', crumbs: [...crumbs, '案件列表'], menu: '/cases', roles: CASE_ROLES }
    },
    {
      path: 'approvals',
      name: 'approvals',
      component: () => import('../views/cases/ApprovalInboxView.vue'),
      meta: { title: '审批待办', crumbs, roles: APPROVAL_ROLES }
    }
  ],
  bareRoutes: [
    {
      path: '/print/:caseId/:kind',
      name: 'print',
      component: () => import('../views/print/PrintView.vue'),
      meta: { title: '文书打印', roles: CASE_ROLES }
    }
  ],
  menu: [
    {
      order: 20,
      title: '执法办案',
      icon: 'Briefcase',
      roles: CASE_ROLES,
      children: [
        { path: '/cases', title: '案件列表', icon: 'Files' },
        { path: '/cases/new', title: '受案登记', icon: 'DocumentAdd', roles: CREATE_ROLES },
        { path: '/approvals', title: '审批待办', icon: 'Stamp', roles: APPROVAL_ROLES, badge: 'approvals' }
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
      at: { officer: 10 }
    },
    { title: '待审批', icon: 'Stamp', sub: '等待本人审批的案件', link: '/approvals', load: () => total('/approvals'), at: { chief: 10 } },
    { title: '待法制审核', icon: 'Stamp', sub: '等待法制审核的案件', link: '/approvals', load: () => total('/approvals'), at: { legal: 10 } }
  ]
}
