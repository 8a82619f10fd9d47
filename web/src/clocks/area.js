// area.js — the legal clocks: 执法监督 (warning boards, county-wide breaches) and 办案区 (custody).
// Entries show by allowed action (GET /me): WARN_* in warnings.js say which board is whose.
import { AlarmClock, Bell, DataBoard, Monitor, Warning } from '@element-plus/icons-vue'
import api from '../api.js'
import { WARN_COUNTY, WARN_MINE, WARN_UNIT, summaryText } from './warnings.js'

const crumbs = ['执法监督']
/** The 执法预警 counts of the user's default scope, e.g. "紧急 2 · 超期 1". */
const warnings = (levels) => () => api.get('/warnings/summary').then((s) => summaryText(s, levels))

export default {
  name: 'clocks',
  rank: 40, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { AlarmClock, Bell, DataBoard, Monitor, Warning },
  routes: [
    {
      path: 'warnings/mine',
      name: 'my-warnings',
      component: () => import('../views/warnings/WarningsBoardView.vue'),
      props: { mode: 'mine' },
      meta: { title: '我的预警', crumbs, action: WARN_MINE }
    },
    {
      path: 'warnings/unit',
      name: 'unit-warnings',
      component: () => import('../views/warnings/WarningsBoardView.vue'),
      props: { mode: 'unit' },
      meta: { title: '本所预警看板', crumbs, action: WARN_UNIT }
    },
    {
      path: 'warnings/breaches',
      name: 'breaches',
      component: () => import('../views/warnings/BreachesView.vue'),
      meta: { title: '全县超期监督', crumbs, action: { any: [WARN_COUNTY, WARN_UNIT] } }
    },
    {
      path: 'custody',
      name: 'custody',
      component: () => import('../views/custody/CustodyBoardView.vue'),
      meta: { title: '办案区', action: 'custody.station' }
    }
  ],
  menu: [
    {
      order: 30,
      title: '执法监督',
      icon: 'Bell',
      children: [
        { path: '/warnings/mine', title: '我的预警', icon: 'AlarmClock', action: WARN_MINE, badge: 'warnings' },
        { path: '/warnings/unit', title: '本所预警看板', icon: 'DataBoard', action: WARN_UNIT, badge: 'warnings' },
        { path: '/warnings/breaches', title: '全县超期监督', icon: 'Warning', action: WARN_COUNTY, badge: 'breaches' }
      ]
    },
    { order: 40, path: '/custody', title: '办案区', icon: 'Monitor', action: 'custody.station' }
  ],
  home: [
    {
      title: '我的预警',
      icon: 'Bell',
      sub: '本人案件的办案期限与强制措施计时',
      link: '/warnings/mine',
      load: warnings(['WARN', 'URGENT', 'BREACH']),
      action: WARN_MINE,
      order: 12
    },
    {
      title: '本所预警',
      icon: 'Bell',
      sub: '本所紧急、超期的法定时限',
      link: '/warnings/unit',
      load: warnings(['URGENT', 'BREACH']),
      action: WARN_UNIT,
      order: 21
    },
    {
      title: '超期预警',
      icon: 'Bell',
      sub: '全县已超过法定时限的事项',
      link: '/warnings/breaches',
      load: warnings(['BREACH', 'URGENT']),
      action: WARN_COUNTY,
      order: 34
    }
  ]
}
