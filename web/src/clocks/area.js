// area.js — the legal clocks: 执法监督 (warning boards, county-wide breaches) and 办案区 (custody).
import { AlarmClock, Bell, DataBoard, Monitor, Warning } from '@element-plus/icons-vue'
import api from '../api.js'
import { summaryText } from './warnings.js'

/** Roles that work in the 办案区 (case-handling area). */
export const CUSTODY_ROLES = ['officer', 'chief', 'auxiliary']
const WARNING_ROLES = ['officer', 'chief', 'legal', 'supervisor']

const crumbs = ['执法监督']
/** The 执法预警 counts of the user's default scope, e.g. "紧急 2 · 超期 1". */
const warnings = (levels) => () => api.get('/warnings/summary').then((s) => summaryText(s, levels))

export default {
  name: 'clocks',
  icons: { AlarmClock, Bell, DataBoard, Monitor, Warning },
  routes: [
    {
      path: 'warnings/mine',
      name: 'my-warnings',
      component: () => import('../views/warnings/WarningsBoardView.vue'),
      props: { mode: 'mine' },
      meta: { title: '我的预警', crumbs, roles: ['officer'] }
    },
    {
      path: 'warnings/unit',
      name: 'unit-warnings',
      component: () => import('../views/warnings/WarningsBoardView.vue'),
      props: { mode: 'unit' },
      meta: { title: '本所预警看板', crumbs, roles: ['chief', 'legal'] }
    },
    {
      path: 'warnings/breaches',
      name: 'breaches',
      component: () => import('../views/warnings/BreachesView.vue'),
      meta: { title: '全县超期监督', crumbs, roles: ['supervisor', 'chief', 'legal'] }
    },
    {
      path: 'custody',
      name: 'custody',
      component: () => import('../views/custody/CustodyBoardView.vue'),
      meta: { title: '办案区', roles: CUSTODY_ROLES }
    }
  ],
  menu: [
    {
      order: 30,
      title: '执法监督',
      icon: 'Bell',
      roles: WARNING_ROLES,
      children: [
        { path: '/warnings/mine', title: '我的预警', icon: 'AlarmClock', roles: ['officer'], badge: 'warnings' },
        { path: '/warnings/unit', title: '本所预警看板', icon: 'DataBoard', roles: ['chief', 'legal'], badge: 'warnings' },
        { path: '/warnings/breaches', title: '全县超期监督', icon: 'Warning', roles: ['supervisor'], badge: 'breaches' }
      ]
    },
    { order: 40, path: '/custody', title: '办案区', icon: 'Monitor', roles: CUSTODY_ROLES }
  ],
  home: [
    {
      title: '我的预警',
      icon: 'Bell',
      sub: '本人案件的办案期限与强制措施计时',
      link: '/warnings/mine',
      load: warnings(['WARN', 'URGENT', 'BREACH']),
      at: { officer: 30 }
    },
    {
      title: '本所预警',
      icon: 'Bell',
      sub: '本所紧急、超期的法定时限',
      link: '/warnings/unit',
      load: warnings(['URGENT', 'BREACH']),
      at: { chief: 20 }
    },
    {
      title: '本所预警',
      icon: 'Bell',
      sub: '紧急、超期的法定时限',
      link: '/warnings/unit',
      load: warnings(['URGENT', 'BREACH']),
      at: { legal: 20 }
    },
    {
      title: '超期预警',
      icon: 'Bell',
      sub: '全县已超过法定时限的事项',
      link: '/warnings/breaches',
      load: warnings(['BREACH', 'URGENT']),
      at: { supervisor: 30 }
    }
  ]
}
