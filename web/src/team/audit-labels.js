// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 队伍管理：三考、会议学习、装备、九好
  { value: 'exam_question', label: '考试题目' },
  { value: 'exam_paper', label: '试卷' },
  { value: 'exam_sitting', label: '考试记录' },
  { value: 'equipment', label: '装备' },
  { value: 'recording_warning', label: '记录仪核对预警' },
  // 队伍管理: 考核与奖惩
  { value: 'commendation', label: '奖励' },
  { value: 'sanction', label: '惩处' },
  { value: 'conduct_monitor', label: '警风警纪监督员' },
  // 队伍管理 (issue 18, part 1)
  { value: 'staff', label: '人员档案' },
  { value: 'staff_figures', label: '队伍结构' },
  { value: 'duty_roster', label: '值班表' },
  { value: 'leave', label: '请假' },
  { value: 'todo', label: '待办事项' },
  { value: 'team_meeting', label: '会议学习' }
]

export const ACTIONS = {
  // 队伍管理：三考、会议学习、装备、九好
  'exam_question.list': '查看题库',
  'exam_paper.list': '查询试卷',
  'exam_question.create': '编写考试题目',
  'exam_question.retire': '撤下考试题目',
  'exam_question.generate': '按规则目录生成题目',
  'exam_paper.create': '组织考试',
  'exam.start': '开始考试',
  'exam.submit': '交卷',
  'exam.results': '查询考试成绩',
  'equipment.create': '登记装备',
  'equipment.list': '查询装备',
  'equipment.issue': '发放装备',
  'equipment.return': '归还装备',
  'recording.warning': '记录仪核对预警',
  'recording_warning.list': '查询记录仪核对预警',
  // 指挥调度 (issue 17)
  'assessment.read': '查看考核',
  'intervention.list': '查看早期干预',
  'intervention.create': '登记教育帮扶',
  'intervention.review': '教育帮扶复查',
  'discipline.list': '查看奖惩',
  'discipline.create': '登记奖惩',
  'commendation.create': '登记奖励',
  'sanction.create': '登记惩处',
  'monitor.list': '查看警风警纪监督员',
  'monitor.manage': '登记监督员及其意见',
  'monitor.create': '聘请警风警纪监督员',
  'monitor.visit': '登记监督员意见',
  'monitor.answer': '答复监督员意见',
  // 队伍管理 (issue 18, part 1)
  'staff.list': '查询人员档案',
  'staff.update': '维护人员档案',
  'staff.figures': '查询队伍结构',
  'duty.read': '查询值班表',
  'duty.list': '查询值班表',
  'duty.edit': '编排值班表',
  'duty.build': '按模板生成值班表',
  'duty.sign': '值班签到签退',
  'duty.sign_in': '值班签到',
  'duty.sign_out': '值班签退',
  'leave.create': '请假',
  'leave.list': '查询请假',
  'leave.approve': '审批请假',
  'leave.reject': '不批准请假',
  'leave.return': '销假',
  'todo.read': '查看待办事项',
  'team_meeting.create': '记录会议学习',
  'team_meeting.list': '查询会议学习',
  'team_meeting.proposal': '查看参会人员建议',
  'team_meeting.figures': '查看参会与培训统计',
  'staff.qualification': '执法资格考试通过记入人员档案',
  'sanction.appeal': '申诉停止执行职务、禁闭',
  'sanction.revoke': '申诉决定：撤销并恢复名誉',
  'sanction.uphold': '申诉决定：维持',
  // 九好
  'station_checklist.list': '查看九好检查',
  'station_checklist.score': '录入九好检查得分',
  // 任职晋升与培训 (TEAM-TRAIN-GATE)
  'staff.training': '登记培训记录',
  'staff.change': '登记任职、晋升、警衔',
  'staff.changes': '查看任职晋升记录',
  'staff.trainings': '查看培训记录'
}

export const ACTION_PREFIXES = {}
