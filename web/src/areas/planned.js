// planned.js — home cards of areas not built yet (待办, 值班, 督察信访, 档案 …). They show "—" and
// "功能建设中"; the area that builds one takes its card over.
import { Avatar, Box, ChatLineSquare, FolderChecked, Guide, List, Notebook, Reading } from '@element-plus/icons-vue'

export default {
  name: 'planned',
  icons: { Avatar, Box, ChatLineSquare, FolderChecked, Guide, List, Notebook, Reading },
  home: [
    { title: '待办事项', icon: 'List', at: { officer: 20 } },
    { title: '今日值班', icon: 'Calendar', at: { officer: 40 } },
    { title: '民警在岗', icon: 'Avatar', at: { chief: 40 } },
    { title: '投诉信访', icon: 'ChatLineSquare', at: { supervisor: 40 } },
    { title: '待归档', icon: 'FolderChecked', at: { clerk: 10 } },
    { title: '台账', icon: 'Notebook', at: { clerk: 20 } },
    { title: '巡逻记录', icon: 'Guide', at: { auxiliary: 20 } },
    { title: '待入库', icon: 'Box', at: { archivist: 10 } },
    { title: '借阅中', icon: 'Reading', at: { archivist: 20 } }
  ]
}
