// planned.js — home cards of areas not built yet (待办, 值班, 督察信访, 档案 …). They show "—" and
// "功能建设中"; the area that builds one takes its card over.
import { WARN_COUNTY, WARN_MINE } from '../clocks/warnings.js'
import { Avatar, Box, ChatLineSquare, FolderChecked, Guide, List, Notebook, Reading } from '@element-plus/icons-vue'

// The archive room has no actions of its own yet (the module is not built): its cards go to who
// reads cases and does nothing else.
const ARCHIVE = {
  all: ['case.read'],
  not: ['person.register', 'incident.create', 'approval.list', 'oversight.create', 'report.daily', 'wanted.put']
}

export default {
  name: 'planned',
  icons: { Avatar, Box, ChatLineSquare, FolderChecked, Guide, List, Notebook, Reading },
  home: [
    { title: '待办事项', icon: 'List', action: WARN_MINE, order: 11 },
    { title: '今日值班', icon: 'Calendar', action: WARN_MINE, order: 13 },
    { title: '投诉信访', icon: 'ChatLineSquare', action: WARN_COUNTY, order: 35 },
    { title: '民警在岗', icon: 'Avatar', action: ['approval.list', 'case.create'], order: 36 },
    { title: '巡逻记录', icon: 'Guide', action: { all: ['rental.visit'], not: ['hit.update', 'letter.create'] }, order: 43 },
    { title: '待归档', icon: 'FolderChecked', action: { all: ['letter.create'], not: ['hit.update'] }, order: 50 },
    { title: '台账', icon: 'Notebook', action: { all: ['letter.create'], not: ['hit.update'] }, order: 51 },
    { title: '待入库', icon: 'Box', action: ARCHIVE, order: 52 },
    { title: '借阅中', icon: 'Reading', action: ARCHIVE, order: 53 }
  ]
}
