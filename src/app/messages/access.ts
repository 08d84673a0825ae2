// Strings for reaching the drill without a mouse or from the back of the room (issue 9 §4): the
// keys' names, the incident list beside the map, the map's accessible name, the big screen's
// "answered" mark, and how counts of people are rounded. Registered in src/app/i18n.ts.
export const zh = {
  'access.key.space': '空格',
  'access.key.esc': 'Esc',

  'access.list.toggle': '列表视图',
  'access.list.heading': '灾情事件列表',
  'access.list.kind': '类型',
  'access.list.place': '地点',
  'access.list.state': '状态',
  'access.list.trapped': '被困（人）',
  'access.list.since': '出现时间',
  'access.list.empty': '尚无灾情事件。',

  'access.map.summary': '态势图：情景时间 {time}，{incidents} 处灾情（{active} 处未控制），{teams} 支救援力量在途或到场。用“列表视图”可逐条查看。',

  'access.big.answered': '已作答',

  'access.problemEnglish': '此项检查的说明暂只有英文：',

  'access.people.rule': '人数按四舍五入取整显示；模型期望值前加“≈”，不足 0.5 人但大于 0 的记为“<1”。',
};

export const en: Record<keyof typeof zh, string> = {
  'access.key.space': 'Space',
  'access.key.esc': 'Esc',

  'access.list.toggle': 'List view',
  'access.list.heading': 'Incidents',
  'access.list.kind': 'Kind',
  'access.list.place': 'Place',
  'access.list.state': 'State',
  'access.list.trapped': 'Trapped (people)',
  'access.list.since': 'Since',
  'access.list.empty': 'No incidents yet.',

  'access.map.summary': 'Situation map: scenario time {time}, {incidents} incident(s) ({active} not under control), {teams} team(s) on their way or on scene. The list view lists them one by one.',

  'access.big.answered': 'answered',

  'access.problemEnglish': 'This check words its finding in English only:',

  'access.people.rule': 'People are shown as whole numbers, rounded to the nearest person; a model’s expected count is marked “≈”, and one above 0 but under 0.5 is shown as “<1”.',
};
