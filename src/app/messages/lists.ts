// Words of the long lists (the console's log, a seat's inbox): they show the latest rows and grow on request.
export const zh = {
  'list.earlier': '显示更早的 {n} 条',
};

export const en: Record<keyof typeof zh, string> = {
  'list.earlier': 'Show {n} earlier',
};
