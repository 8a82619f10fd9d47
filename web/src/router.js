// router.js — HTML5 history routes; the server answers index.html for unknown non-API paths.
import { loadCatalog } from './catalog.js'
// meta.action names what the page needs (can() in auth.js, from GET /me); absent = any user.
import { createRouter, createWebHistory } from 'vue-router'
import { auth, can, loadSession } from './auth.js'
import AppLayout from './layout/AppLayout.vue'
import LoginView from './views/LoginView.vue'
import { WARN_COUNTY, WARN_MINE, WARN_UNIT } from './clocks/warnings.js'
import { POPULATION_BARE_ROUTES, POPULATION_ROUTES } from './population/routes.js'
import { INCIDENT_ROUTES } from './incidents/routes.js'

const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: '登录' } },
  {
    path: '/progress',
    name: 'progress',
    component: () => import('./views/ProgressView.vue'),
    meta: { open: true, title: '案件进度查询' }
  },
  {
    path: '/print/:caseId/:kind',
    name: 'print',
    component: () => import('./views/print/PrintView.vue'),
    meta: { title: '文书打印', action: 'case.read' }
  },
  ...POPULATION_BARE_ROUTES,
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '首页' } },
      {
        path: 'password',
        name: 'password',
        component: () => import('./views/PasswordView.vue'),
        meta: { title: '修改密码', crumbs: ['个人中心'] }
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('./views/admin/UsersView.vue'),
        meta: { title: '用户管理', crumbs: ['系统管理'], action: 'user.list' }
      },
      {
        path: 'admin/units',
        name: 'units',
        component: () => import('./views/admin/UnitsView.vue'),
        meta: { title: '机构管理', crumbs: ['系统管理'], action: 'unit.create' }
      },
      {
        path: 'admin/settings',
        name: 'settings',
        component: () => import('./views/admin/SettingsView.vue'),
        meta: { title: '系统设置', crumbs: ['系统管理'], action: 'settings.list' }
      },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('./views/cases/CaseListView.vue'),
        meta: { title: '案件列表', crumbs: ['执法办案'], action: 'case.list' }
      },
      {
        path: 'cases/new',
        name: 'case-new',
        component: () => import('./views/cases/CaseCreateView.vue'),
        meta: { title: '受案登记', crumbs: ['执法办案'], action: 'case.create' }
      },
      {
        path: 'cases/:id(\\d+)',
        name: 'case',
        component: () => import('./views/cases/CaseDetailView.vue'),
        meta: { title: '案件详情', crumbs: ['执法办案', '案件列表'], menu: '/cases', action: 'case.read' }
      },
      {
        path: 'approvals',
        name: 'approvals',
        component: () => import('./views/cases/ApprovalInboxView.vue'),
        meta: { title: '审批待办', crumbs: ['执法办案'], action: 'approval.list' }
      },
      {
        path: 'warnings/mine',
        name: 'my-warnings',
        component: () => import('./views/warnings/WarningsBoardView.vue'),
        props: { mode: 'mine' },
        meta: { title: '我的预警', crumbs: ['执法监督'], action: WARN_MINE }
      },
      {
        path: 'warnings/unit',
        name: 'unit-warnings',
        component: () => import('./views/warnings/WarningsBoardView.vue'),
        props: { mode: 'unit' },
        meta: { title: '本所预警看板', crumbs: ['执法监督'], action: WARN_UNIT }
      },
      {
        path: 'warnings/breaches',
        name: 'breaches',
        component: () => import('./views/warnings/BreachesView.vue'),
        meta: { title: '全县超期监督', crumbs: ['执法监督'], action: { any: [WARN_COUNTY, WARN_UNIT] } }
      },
      {
        path: 'custody',
        name: 'custody',
        component: () => import('./views/custody/CustodyBoardView.vue'),
        meta: { title: '办案区', action: 'custody.update' }
      },
      {
        path: 'admin/holidays',
        name: 'holidays',
        component: () => import('./views/admin/HolidaysView.vue'),
        meta: { title: '节假日管理', crumbs: ['系统管理'], action: 'holiday.put' }
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('./views/AuditView.vue'),
        meta: { title: '审计日志', crumbs: ['安全审计'], action: 'audit.list' }
      },
      ...POPULATION_ROUTES,
      ...INCIDENT_ROUTES,
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('./views/NotFoundView.vue'),
        props: { forbidden: true },
        meta: { title: '无权访问' }
      },
      {
        path: ':rest(.*)*',
        name: 'notfound',
        component: () => import('./views/NotFoundView.vue'),
        meta: { title: '页面不存在' }
      }
    ]
  }
]

const router = createRouter({ history: createWebHistory('/'), routes })

router.beforeEach(async (to) => {
  if (to.meta.open) {
    await loadCatalog(false)
    return true // public pages for citizens: no login needed, none refused
  }
  await loadSession()
  const user = auth.user
  await loadCatalog(!!user)
  if (to.meta.public) {
    return user ? (user.must_change_password ? '/password' : '/') : true
  }
  if (!user) {
    return { path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (user.must_change_password && to.name !== 'password') return { name: 'password' }
  if (!can(to.meta.action)) return { name: 'forbidden' }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}派出所综合警务平台`
})

export default router
