// menu.js — the 执法监督 group of the left menu (read by area.js); entries show by allowed action.
import { ChatLineSquare, Checked, Document, Files, Phone, Stamp, User, Warning } from '@element-plus/icons-vue'

export const SUPERVISION_ICONS = { ChatLineSquare, Checked, Document, Files, Phone, Stamp, User, Warning }

export const SUPERVISION_MENU = {
  title: '信访与追责',
  icon: 'Stamp',
  children: [
    { path: '/supervision/complaints', title: '信访投诉', icon: 'ChatLineSquare', action: 'complaint.list' },
    { path: '/supervision/return-visits', title: '案件回访', icon: 'Phone', action: 'return_visit.list' },
    { path: '/supervision/cards', title: '执法监督卡', icon: 'Document', action: 'supervision_card.list' },
    { path: '/supervision/appeals', title: '复议诉讼赔偿', icon: 'Files', action: 'appeal.list' },
    { path: '/supervision/faults', title: '执法过错', icon: 'Warning', action: 'fault.list' },
    { path: '/supervision/officers', title: '民警执法档案', icon: 'User', action: 'officer.record' },
    { path: '/supervision/interferences', title: '干预执法登记', icon: 'Checked', action: 'interference.create' },
    { path: '/supervision/recusals', title: '办案回避', icon: 'User', action: 'case.read' }
  ]
}
