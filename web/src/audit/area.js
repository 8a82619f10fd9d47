// area.js — 安全审计: the audit log and its chain check (the auditor role).
import { Document } from '@element-plus/icons-vue'
import api from '../api.js'
import { dayStartSec, todayShanghai } from '../format.js'

const AUDITOR = ['auditor']

export default {
  name: 'audit',
  icons: { Document },
  routes: [
    {
      path: 'audit',
      name: 'audit',
      component: () => import('../views/AuditView.vue'),
      meta: { title: '审计日志', crumbs: ['安全审计'], roles: AUDITOR }
    }
  ],
  menu: [{ order: 70, path: '/audit', title: '审计日志', icon: 'Document', roles: AUDITOR }],
  home: [
    {
      title: '今日审计事件',
      icon: 'Document',
      sub: '北京时间今日 0 时起',
      link: '/audit',
      load: () => api.get('/audit', { from: dayStartSec(todayShanghai()), page: 1, per_page: 1 }).then((d) => d.total ?? 0),
      at: { auditor: 10 }
    }
  ]
}
