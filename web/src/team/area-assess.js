// area-assess.js — 考核与奖惩 (issue 18, part 3): the assessment read from the records (officers and
// stations, score and rank), early intervention (the chief only), commendations and sanctions, and
// the station's 警风警纪监督员. Menus, routes and the home card of this part of 队伍管理.
import { DataAnalysis, Medal, Opportunity, View } from '@element-plus/icons-vue'
import api from '../api.js'
import { ASSESSMENT_READ, DISCIPLINE_LIST, INTERVENTION_LIST, MONITOR_LIST, STATION_CHECKLIST_LIST } from './labels-assess.js'

const crumbs = ['考核奖惩']
const page = (path, name, component, title, action) => ({ path, name, component, meta: { title, crumbs, action } })

/** Home card figure: my place (an officer) or the number ranked, this month. */
const myPlace = () =>
  api.get('/assessments', { period: 'month' }).then((d) => {
    const items = d.items || []
    return items.length === 1 && d.compared > 1 ? `第${items[0].rank}名` : items.length
  })

export default {
  name: 'team-assess',
  rank: 140, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { DataAnalysis, Medal, Opportunity, View },
  routes: [
    page('team/assessment', 'team-assessment', () => import('../views/team/AssessmentView.vue'), '考核排名', ASSESSMENT_READ),
    page('team/interventions', 'team-interventions', () => import('../views/team/InterventionsView.vue'), '早期干预', INTERVENTION_LIST),
    page('team/rewards', 'team-rewards', () => import('../views/team/RewardsView.vue'), '奖惩', DISCIPLINE_LIST),
    page('team/monitors', 'team-monitors', () => import('../views/team/ConductMonitorsView.vue'), '警风警纪监督员', MONITOR_LIST),
    page('team/station-checklists', 'team-station-checklists', () => import('../views/team/StationChecklistsView.vue'), '九好检查',
      STATION_CHECKLIST_LIST),
    {
      path: 'team/station-checklists/:id(\\d+)',
      name: 'team-station-checklist',
      component: () => import('../views/team/StationChecklistView.vue'),
      meta: { title: '九好检查详情', crumbs: ['考核奖惩', '九好检查'], action: STATION_CHECKLIST_LIST, menu: '/team/station-checklists' }
    }
  ],
  menu: [
    {
      order: 70,
      title: '考核奖惩',
      icon: 'DataAnalysis',
      children: [
        { path: '/team/assessment', title: '考核排名', icon: 'DataAnalysis', action: ASSESSMENT_READ },
        { path: '/team/interventions', title: '早期干预', icon: 'Opportunity', action: INTERVENTION_LIST },
        { path: '/team/rewards', title: '奖惩', icon: 'Medal', action: DISCIPLINE_LIST },
        { path: '/team/monitors', title: '警风警纪监督员', icon: 'View', action: MONITOR_LIST },
        { path: '/team/station-checklists', title: '九好检查', icon: 'Medal', action: STATION_CHECKLIST_LIST }
      ]
    }
  ],
  home: [
    {
      title: '本月考核',
      icon: 'DataAnalysis',
      sub: '按办案、执法监督、案件质量、回访、走访等记录计分排名',
      link: '/team/assessment',
      load: myPlace,
      action: ASSESSMENT_READ,
      order: 70
    }
  ]
}
