// area.js — 系统管理: users, org units, settings, holidays (the admin role).
import { Calendar, OfficeBuilding, Setting, Tools, User } from '@element-plus/icons-vue'
import api from '../api.js'

const ADMIN = ['admin']
const crumbs = ['系统管理']
const total = (path) => api.get(path, { page: 1, per_page: 1 }).then((d) => d.total ?? 0)
const page = (path, name, component, title) => ({ path, name, component, meta: { title, crumbs, roles: ADMIN } })

export default {
  name: 'admin',
  icons: { Calendar, OfficeBuilding, Setting, Tools, User },
  routes: [
    page('admin/users', 'users', () => import('../views/admin/UsersView.vue'), '用户管理'),
    page('admin/units', 'units', () => import('../views/admin/UnitsView.vue'), '机构管理'),
    page('admin/settings', 'settings', () => import('../views/admin/SettingsView.vue'), '系统设置'),
    page('admin/holidays', 'holidays', () => import('../views/admin/HolidaysView.vue'), '节假日管理')
  ],
  menu: [
    {
      order: 10,
      title: '系统管理',
      icon: 'Setting',
      roles: ADMIN,
      children: [
        { path: '/admin/users', title: '用户管理', icon: 'User' },
        { path: '/admin/units', title: '机构管理', icon: 'OfficeBuilding' },
        { path: '/admin/settings', title: '系统设置', icon: 'Tools' },
        { path: '/admin/holidays', title: '节假日管理', icon: 'Calendar' }
      ]
    }
  ],
  home: [
    { title: '用户数', icon: 'User', sub: '本级及下级单位账号', link: '/admin/users', load: () => total('/users'), at: { admin: 10 } },
    {
      title: '机构数',
      icon: 'OfficeBuilding',
      sub: '市局、县局、派出所、警务室等',
      link: '/admin/units',
      load: () => total('/units'),
      at: { admin: 20 }
    }
  ]
}
