// learn-labels.js — 队伍管理 (issue 18, part 2: 三考、会议学习、装备、九好): the actions the pages and
// menu entries depend on (the server's action table) and small shared helpers.
export const EXAM_TAKE = 'exam.take'
export const EXAM_QUESTION_LIST = 'exam_question.list'
export const EXAM_QUESTION_WRITE = 'exam_question.write'
export const EXAM_PAPER_CREATE = 'exam_paper.create'
export const EXAM_RESULT_LIST = 'exam_result.list'
export const EQUIPMENT_LIST = 'equipment.list'
export const EQUIPMENT_MANAGE = 'equipment.manage'

/** "A", "B", … for option i. */
export const letter = (i) => String.fromCharCode(65 + i)
