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

// A page of an older build. A station keeps its tabs open all day; after an upgrade the tab still
// runs the old build, whose pages' files (named by their content's hash, cached for ever) the
// server no longer has, and a click on a page not yet opened failed without a word. Such a failure
// loads the page whole instead, from the new build — once: a second one within 30 s is not an
// upgrade (the server or the network is down) and is left to show itself.
const RELOADED_AT = 'precinct.reloaded_for_new_build'
const STALE_BUILD = /dynamically imported module|Importing a module script failed|Unable to preload/i

let reloading = false

router.onError((err, to) => {
  if (!STALE_BUILD.test(String(err && err.message))) return
  const last = Number(sessionStorage.getItem(RELOADED_AT) || 0)
  if (Date.now() - last < 30000) return
  sessionStorage.setItem(RELOADED_AT, Date.now().toString())
  reloading = true
  window.location.assign(to.fullPath)
})

// the navigation's own promise (a menu's router.push) rejects with the same error: not news
// while the page is being loaded whole
window.addEventListener('unhandledrejection', (e) => {
  if (reloading && STALE_BUILD.test(String(e.reason && e.reason.message))) e.preventDefault()
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}派出所综合警务平台`
})

export default router
