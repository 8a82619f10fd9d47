// core.js — what every logged-in user has: 首页 and 修改密码.
import { HomeFilled, Key, Lock } from '@element-plus/icons-vue'

export default {
  name: 'core',
  rank: 10, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { HomeFilled, Key, Lock },
  routes: [
    { path: '', name: 'home', component: () => import('../views/HomeView.vue'), meta: { title: '首页' } },
    {
      path: 'security',
      name: 'security',
      component: () => import('../views/SecurityView.vue'),
      meta: { title: '账号安全', crumbs: ['个人中心'] }
    },
    {
      path: 'password',
      name: 'password',
      component: () => import('../views/PasswordView.vue'),
      meta: { title: '修改密码', crumbs: ['个人中心'] }
    }
  ],
  menu: [
    { order: 0, path: '/', title: '首页', icon: 'HomeFilled' },
    { order: 90, path: '/password', title: '修改密码', icon: 'Lock' },
    { order: 91, path: '/security', title: '账号安全', icon: 'Key' }
  ]
}
