// area.js — 系统管理: users, org units, settings, holidays.
import { Calendar, OfficeBuilding, Setting, Tools, User } from '@element-plus/icons-vue'
import api from '../api.js'

const crumbs = ['系统管理']
const total = (path) => api.get(path, { page: 1, per_page: 1 }).then((d) => d.total ?? 0)
const page = (path, name, component, title, action) => ({ path, name, component, meta: { title, crumbs, action } })

export default {
  name: 'admin',
  rank: 20, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { Calendar, OfficeBuilding, Setting, Tools, User },
  routes: [
    page('admin/users', 'users', () => import('../views/admin/UsersView.vue'), '用户管理', 'user.list'),
    page('admin/units', 'units', () => import('../views/admin/UnitsView.vue'), '机构管理', 'unit.create'),
    page('admin/settings', 'settings', () => import('../views/admin/SettingsView.vue'), '系统设置', 'settings.list'),
    page('admin/holidays', 'holidays', () => import('../views/admin/HolidaysView.vue'), '节假日管理', 'holiday.put'),
    page('admin/category-offences', 'category-offences', () => import('../views/admin/CategoryOffencesView.vue'), '警情类别与案由', 'settings.put')
  ],
  menu: [
    {
      order: 10,
      title: '系统管理',
      icon: 'Setting',
      children: [
        { path: '/admin/users', title: '用户管理', icon: 'User', action: 'user.list' },
        { path: '/admin/units', title: '机构管理', icon: 'OfficeBuilding', action: 'unit.create' },
        { path: '/admin/settings', title: '系统设置', icon: 'Tools', action: 'settings.list' },
        { path: '/admin/holidays', title: '节假日管理', icon: 'Calendar', action: 'holiday.put' },
        { path: '/admin/category-offences', title: '警情类别与案由', icon: 'Tools', action: 'settings.put' }
      ]
    }
  ],
  home: [
    { title: '用户数', icon: 'User', sub: '本级及下级单位账号', link: '/admin/users', load: () => total('/users'), action: 'user.list', order: 90 },
    {
      title: '机构数',
      icon: 'OfficeBuilding',
      sub: '市局、县局、派出所、警务室等',
      link: '/admin/units',
      load: () => total('/units'),
      action: 'unit.create',
      order: 91
    }
  ]
}
