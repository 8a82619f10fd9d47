// area.js — 安全审计: the audit log and its chain check .
import { Document } from '@element-plus/icons-vue'
import api from '../api.js'
import { dayStartSec, todayShanghai } from '../format.js'

export default {
  name: 'audit',
  rank: 70, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { Document },
  routes: [
    {
      path: 'audit',
      name: 'audit',
      component: () => import('../views/AuditView.vue'),
      meta: { title: '审计日志', crumbs: ['安全审计'], action: 'audit.list' }
    }
  ],
  menu: [{ order: 70, path: '/audit', title: '审计日志', icon: 'Document', action: 'audit.list' }],
  home: [
    {
      title: '今日审计事件',
      icon: 'Document',
      sub: '北京时间今日 0 时起',
      link: '/audit',
      load: () => api.get('/audit', { from: dayStartSec(todayShanghai()), page: 1, per_page: 1 }).then((d) => d.total ?? 0),
      action: 'audit.list',
      order: 92
    }
  ]
}
