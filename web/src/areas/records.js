// records.js — the records office's card: closed cases waiting for 归档 (每案一结: the day after
// closing). Shown to whoever archives (内勤, 档案管理员) by their allowed actions.
import { FolderChecked } from '@element-plus/icons-vue'
import api from '../api.js'

const total = (path, params) => api.get(path, { ...params, page: 1, per_page: 1 }).then((d) => d.total ?? 0)

// who archives: reads cases and letters without working hits (内勤), or reads cases and nothing
// else of the station's work (档案管理员)
const RECORDS = {
  any: [
    { all: ['letter.create'], not: ['hit.update'] },
    {
      all: ['case.read'],
      not: ['person.register', 'incident.create', 'approval.list', 'oversight.create', 'report.daily', 'wanted.put']
    }
  ]
}

export default {
  name: 'records',
  rank: 80, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { FolderChecked },
  home: [
    {
      title: '待归档',
      icon: 'FolderChecked',
      sub: '已结案、待归档的案件（结案次日归档）',
      link: '/cases?status=closed',
      load: () => total('/cases', { status: 'closed' }),
      action: RECORDS,
      order: 50
    }
  ]
}
