// router.js — HTML5 history routes; the server answers index.html for unknown non-API paths.
import { loadCatalog } from './catalog.js'
import { createRouter, createWebHistory } from 'vue-router'
import { auth, loadSession, mustEnrol } from './auth.js'
import AppLayout from './layout/AppLayout.vue'
import LoginView from './views/LoginView.vue'
import { BARE_ROUTES, LAYOUT_ROUTES, allows } from './areas/index.js'

// The routes of every area (areas/index.js), inside the app layout or as full pages, and the
// pages that belong to no area: login, the citizens' progress query, 无权访问 and 页面不存在.
const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true, title: '登录' } },
  {
    path: '/progress',
    name: 'progress',
    component: () => import('./views/ProgressView.vue'),
    meta: { open: true, title: '案件进度查询' }
  },
  ...BARE_ROUTES,
  {
    path: '/',
    component: AppLayout,
    children: [
      ...LAYOUT_ROUTES,
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
  // AUTH-5: a role that must use two factors reaches only 账号安全 until it has enrolled
  if (!user.must_change_password && mustEnrol() && to.name !== 'security') return { name: 'security' }
  if (!allows(user, to.meta)) return { name: 'forbidden' }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}派出所综合警务平台`
})

export default router
