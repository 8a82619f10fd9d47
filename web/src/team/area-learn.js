// area-learn.js — 队伍管理 (issue 18, part 2): 三考 (the question bank, practice, formal and 执法资格
// exams) and 装备管理责任到人; a separate area file so that the lead can join it with the other 队伍管理 areas.
import { Collection, EditPen, Reading, VideoCamera } from '@element-plus/icons-vue'
import { EQUIPMENT_LIST, EXAM_QUESTION_LIST, EXAM_TAKE } from './learn-labels.js'

const crumbs = ['队伍管理']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export default {
  name: 'team-learn',
  rank: 130, // place among the areas (routes, and menu entries or cards of equal order)
  icons: { Collection, EditPen, Reading, VideoCamera },
  routes: [
    page('team/exams', 'team-exams', () => import('../views/team/ExamsView.vue'), '学法考试', EXAM_TAKE),
    page('team/exams/sittings/:id(\\d+)', 'team-exam-sitting', () => import('../views/team/ExamSittingView.vue'), '答题',
      EXAM_TAKE, { crumbs: ['队伍管理', '学法考试'], menu: '/team/exams' }),
    page('team/exam-questions', 'team-exam-questions', () => import('../views/team/QuestionBankView.vue'), '三考题库',
      EXAM_QUESTION_LIST),
    page('team/equipment', 'team-equipment', () => import('../views/team/EquipmentView.vue'), '装备管理', EQUIPMENT_LIST)
  ],
  menu: [
    {
      order: 66,
      title: '队伍管理',
      icon: 'Reading',
      children: [
        { path: '/team/exams', title: '学法考试', icon: 'EditPen', action: EXAM_TAKE },
        { path: '/team/exam-questions', title: '三考题库', icon: 'Collection', action: EXAM_QUESTION_LIST },
        { path: '/team/equipment', title: '装备管理', icon: 'VideoCamera', action: EQUIPMENT_LIST }
      ]
    }
  ]
}
