// core.js — what every logged-in user has: 首页 and 修改密码.
import { HomeFilled, Lock } from '@element-plus/icons-vue'

export default {
  name: 'core',
  icons: { HomeFilled, Lock },
  routes: [
    { path: '', name: 'home', component: () => import('../views/HomeView.vue'), meta: { title: '首页' } },
    {
      path: 'password',
      name: 'password',
      component: () => import('../views/PasswordView.vue'),
      meta: { title: '修改密码', crumbs: ['个人中心'] }
    }
  ],
  menu: [
    { order: 0, path: '/', title: '首页', icon: 'HomeFilled' },
    { order: 90, path: '/password', title: '修改密码', icon: 'Lock' }
  ]
}
