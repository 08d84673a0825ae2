// Every refusal the server gives a seat, in the seat's language: what happened and what to do next.
// A core refusal ('refused') carries the core's English reason as its detail, inside a Chinese sentence.

export const REFUSAL_CODES = ['bad-message', 'too-big', 'rate', 'role', 'stale', 'token', 'revoked', 'expired', 'unknown-drill', 'unavailable', 'refused'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
export type Lang = 'zh' | 'en';

const TEXTS: Record<RefusalCode, Record<Lang, string>> = {
  'bad-message': {
    zh: '消息格式不正确，未被接受。请刷新页面后重试；如仍出现，请告知导调。',
    en: 'The message was not in the expected form and was not accepted. Reload the page and try again; if it happens again, tell the facilitator.',
  },
  'too-big': {
    zh: '消息过大，未被接受。请缩短文字后重新发送。',
    en: 'The message is too large and was not accepted. Shorten the text and send it again.',
  },
  rate: {
    zh: '发送过于频繁，本条未被接受。请稍等几秒再发送。',
    en: 'Too many messages in a short time; this one was not accepted. Wait a few seconds and send it again.',
  },
  role: {
    zh: '您的角色不能发出此指令。如需此操作，请联系导调。',
    en: 'Your role cannot send this command. Ask the facilitator if it needs doing.',
  },
  stale: {
    zh: '演练态势已更新，此指令基于旧的态势，未被执行。请查看最新态势后重新决定。',
    en: 'The drill moved on since you sent this, so it was not carried out. Look at the latest situation and decide again.',
  },
  token: {
    zh: '加入链接无效。请向导调索取新的链接。',
    en: 'This join link is not valid. Ask the facilitator for a new link.',
  },
  revoked: {
    zh: '此加入链接已被导调收回。请向导调索取新的链接。',
    en: 'The facilitator has withdrawn this join link. Ask the facilitator for a new link.',
  },
  expired: {
    zh: '此加入链接已过期。请向导调索取新的链接。',
    en: 'This join link has expired. Ask the facilitator for a new link.',
  },
  'unknown-drill': {
    zh: '找不到此演练，可能已被删除或链接有误。请向导调核对链接。',
    en: 'This drill could not be found: it may have been removed, or the link is wrong. Check the link with the facilitator.',
  },
  unavailable: {
    zh: '演练服务器暂时不可用，指令未被执行。请稍候，页面会自动重新连接后再发送。',
    en: 'The drill server is not available just now and the command was not carried out. Wait for the page to reconnect, then send it again.',
  },
  refused: {
    zh: '演练规则不允许此操作（{detail}）。请查看当前态势和您的职责后再试。',
    en: 'The drill’s rules do not allow this ({detail}). Check the current situation and your seat’s duties, then try again.',
  },
};

/** The refusal in the seat's language; `detail` (a core reason, a schema problem) is added where it helps. */
export function refusalText(code: RefusalCode, lang: Lang, detail?: string): string {
  const text = TEXTS[code][lang];
  if (text.includes('{detail}')) return text.replace('{detail}', detail ?? (lang === 'zh' ? '未说明原因' : 'no reason given'));
  if (!detail) return text;
  return lang === 'zh' ? `${text}（${detail}）` : `${text} (${detail})`;
}
