// routes.js — the 一标三实 pages. `POPULATION_ROUTES` are children of the app layout;
// `POPULATION_BARE_ROUTES` stand alone (今日走访 is a full-screen phone page).
import { HIT_LIST, LETTER_PAGE, PERSON_READ, RESCARD_LIST, SUMMARY, VISITS, WANTED_KEEPER, WORKER } from './labels.js'

const crumbs = ['一标三实']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export const POPULATION_ROUTES = [
  page('population', 'population-summary', () => import('../views/population/SummaryView.vue'), '一标三实看板', SUMMARY),
  page('population/persons', 'population-persons', () => import('../views/population/PersonsView.vue'), '实有人口', WORKER),
  page(
    'population/persons/:id(\\d+)',
    'population-person',
    () => import('../views/population/PersonDetailView.vue'),
    '人员详情',
    PERSON_READ,
    { crumbs: ['一标三实', '实有人口'], menu: '/population/persons' }
  ),
  page('population/addresses', 'population-addresses', () => import('../views/population/AddressesView.vue'), '标准地址', WORKER),
  page('population/rentals', 'population-rentals', () => import('../views/population/RentalsView.vue'), '出租房屋', WORKER),
  page(
    'population/rentals/:id(\\d+)',
    'population-rental',
    () => import('../views/population/RentalDetailView.vue'),
    '出租房屋详情',
    WORKER,
    { crumbs: ['一标三实', '出租房屋'], menu: '/population/rentals' }
  ),
  page('population/floating', 'population-floating', () => import('../views/population/FloatingView.vue'), '流动人口与用工单位', WORKER),
  page(
    'population/residence-permits',
    'population-residence-permits',
    () => import('../views/population/ResidencePermitsView.vue'),
    '居住证',
    RESCARD_LIST
  ),
  page('population/hits', 'population-hits', () => import('../views/population/HitsView.vue'), '比对命中', HIT_LIST),
  page('population/wanted', 'population-wanted', () => import('../views/population/WantedView.vue'), '在逃人员', WANTED_KEEPER),
  page('population/letters', 'population-letters', () => import('../views/population/LettersView.vue'), '函查', LETTER_PAGE),
  page('population/import', 'population-import', () => import('../views/population/ImportView.vue'), '批量导入', WORKER)
]

export const POPULATION_BARE_ROUTES = [
  {
    path: '/visits/today',
    name: 'visits-today',
    component: () => import('../views/population/TodayVisitsView.vue'),
    meta: { title: '今日走访', action: VISITS }
  }
]
