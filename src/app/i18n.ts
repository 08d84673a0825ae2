// Every interface string lives here, once per language. Chinese is the first language: its
// dictionary defines the keys, and English must supply exactly the same ones (a missing or an
// extra key is a type error), so no screen can ship half-translated.
import type { Text } from '../scenario/index.ts';
import * as map from './messages/map.ts';
import * as kinds from './messages/kinds.ts';
import * as persist from './messages/persist.ts';
import * as consoleUi from './messages/console.ts';
import * as estimate from './messages/estimate.ts';
import * as scores from './messages/scores.ts';
import * as working from './messages/working.ts';
import * as access from './messages/access.ts';
import * as seat from './messages/seat.ts';
import * as facilitator from './messages/facilitator.ts';
import * as review from './messages/review.ts';
import * as evaluation from './messages/evaluation.ts';
import * as compare from './messages/compare.ts';
import * as lists from './messages/lists.ts';
import * as server from './messages/server.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The language the app opens in: the users are Chinese command staff. */
export const DEFAULT_LANG: Lang = 'zh';

const zh = {
  'app.name': '震演',
  'app.tagline': '地震应急桌面推演',
  'app.downloadFailed': '无法下载程序文件，请检查网络后刷新页面。',
  'app.loading': '正在加载推演程序…',
  'app.author': '编写情景',

  'lang.group': '界面语言',
  'lang.zh': '中文',
  'lang.en': 'English',

  'briefing.label': '情景概要',
  'briefing.file': '情景文件',
  'briefing.version': '版本',
  'briefing.authors': '编写',

  'quake.heading': '地震',
  'quake.magnitude': '震级',
  'quake.magnitudeValue': 'Ms {m}',
  'quake.depth': '震源深度',
  'quake.depthValue': '{km} 千米',
  'quake.epicentre': '震中',
  'quake.originTime': '发震时刻',
  'quake.originTimeValue': '{date} {time}（UTC{offset}）',
  'quake.attenuation': '烈度衰减关系',
  'quake.attenuationOffset': '{relation}，烈度修正 {offset} 度',
  'geo.north': '北纬 {deg}°',
  'geo.south': '南纬 {deg}°',
  'geo.east': '东经 {deg}°',
  'geo.west': '西经 {deg}°',
  'geo.point': '{lat}，{lon}',
  'relation.wang2000': '汪素云等（2000）中国东部地区烈度衰减关系',
  'relation.gb18306-east': 'GB 18306-2015 东部地区',
  'relation.gb18306-moderate': 'GB 18306-2015 中强地震活动区',
  'relation.gb18306-qinghai-tibet': 'GB 18306-2015 青藏地区',
  'relation.gb18306-xinjiang': 'GB 18306-2015 新疆地区',
  'relation.cea-northeast': '中国地震局快速评估（东北地区）',

  'org.heading': '指挥体系',
  'org.hq': '抗震救灾指挥部',
  'org.commander': '总指挥',
  'org.deputies': '副总指挥',
  'org.office': '办公室',
  'org.officeUnit': '办公室设在',
  'org.groups': '工作组',
  'org.group': '工作组',
  'org.lead': '牵头单位',
  'org.units': '成员单位',
  'org.unit': '单位',
  'org.seat': '参演席位',
  'org.counties': '县区指挥部',
  'org.county': '指挥部',
  'org.countyCommander': '指挥长',
  'org.noCounties': '本情景未设县区指挥部。',
  'org.listSeparator': '、',

  'nodes.heading': '时间节点',
  'nodes.index': '序号',
  'nodes.name': '节点',
  'nodes.phase': '阶段',
  'nodes.length': '推演时长',
  'nodes.span': '情景时间（震后）',
  'nodes.total': '合计',
  'phase.response': '应急响应',
  'phase.rescue': '抢险救援',
  'phase.recovery': '恢复重建',
  'duration.d': '{n} 天',
  'duration.h': '{n} 小时',
  'duration.m': '{n} 分钟',
  'duration.s': '{n} 秒',

  'contents.heading': '情景内容',
  'contents.settlements': '居民点',
  'contents.facilities': '重要设施',
  'contents.injects': '注入信息',
  'contents.cascades': '次生衍生',
  'contents.decisions': '决策点',

  'problems.heading': '情景文件无法加载',
  'problems.intro': '{file} 中发现 {n} 处问题。请逐条改正后保存文件。',
  'problems.list': '问题清单',
  'problems.cli': '在命令行中运行以下命令可得到同一份清单：',
};

// Each screen keeps its strings in src/app/messages/<area>.ts as `export const zh = {…}` and
// `export const en: Record<keyof typeof zh, string> = {…}`, keys prefixed with the area; it is
// imported above and spread into zhAll and enAll below, once each.
const zhAll = { ...zh, ...map.zh, ...kinds.zh, ...persist.zh, ...consoleUi.zh, ...estimate.zh, ...scores.zh, ...working.zh, ...access.zh, ...seat.zh, ...facilitator.zh, ...evaluation.zh, ...review.zh, ...compare.zh, ...lists.zh, ...server.zh };
export type MessageKey = keyof typeof zhAll;
export type Messages = Record<MessageKey, string>;

const enBase: Record<keyof typeof zh, string> = {
  'app.name': 'Quake Drill',
  'app.tagline': 'Earthquake emergency tabletop exercise',
  'app.downloadFailed': 'Could not download part of the app: check the network and reload the page.',
  'app.loading': 'Loading the drill program…',
  'app.author': 'Author a scenario',

  'lang.group': 'Interface language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'briefing.label': 'Scenario summary',
  'briefing.file': 'Scenario file',
  'briefing.version': 'Version',
  'briefing.authors': 'Authors',

  'quake.heading': 'The earthquake',
  'quake.magnitude': 'Magnitude',
  'quake.magnitudeValue': 'Ms {m}',
  'quake.depth': 'Focal depth',
  'quake.depthValue': '{km} km',
  'quake.epicentre': 'Epicentre',
  'quake.originTime': 'Origin time',
  'quake.originTimeValue': '{date} {time} (UTC{offset})',
  'quake.attenuation': 'Intensity attenuation',
  'quake.attenuationOffset': '{relation}, intensity offset {offset}',
  'geo.north': '{deg}° N',
  'geo.south': '{deg}° S',
  'geo.east': '{deg}° E',
  'geo.west': '{deg}° W',
  'geo.point': '{lat}, {lon}',
  'relation.wang2000': 'Wang Suyun et al. (2000), eastern China',
  'relation.gb18306-east': 'GB 18306-2015, eastern zone',
  'relation.gb18306-moderate': 'GB 18306-2015, moderate-to-strong seismicity zone',
  'relation.gb18306-qinghai-tibet': 'GB 18306-2015, Qinghai–Tibet zone',
  'relation.gb18306-xinjiang': 'GB 18306-2015, Xinjiang zone',
  'relation.cea-northeast': 'CEA rapid assessment, northeast China',

  'org.heading': 'Command organisation',
  'org.hq': 'Earthquake relief command HQ',
  'org.commander': 'Commander',
  'org.deputies': 'Deputy commanders',
  'org.office': 'Office',
  'org.officeUnit': 'Office run by',
  'org.groups': 'Working groups',
  'org.group': 'Working group',
  'org.lead': 'Lead unit',
  'org.units': 'Member units',
  'org.unit': 'Unit',
  'org.seat': 'Seat',
  'org.counties': 'County and district HQs',
  'org.county': 'HQ',
  'org.countyCommander': 'Commander',
  'org.noCounties': 'This scenario has no county or district HQs.',
  'org.listSeparator': '; ',

  'nodes.heading': 'Time nodes',
  'nodes.index': 'No.',
  'nodes.name': 'Node',
  'nodes.phase': 'Phase',
  'nodes.length': 'Drill time',
  'nodes.span': 'Scenario time (after the shock)',
  'nodes.total': 'Total',
  'phase.response': 'Response',
  'phase.rescue': 'Rescue',
  'phase.recovery': 'Recovery',
  'duration.d': '{n} d',
  'duration.h': '{n} h',
  'duration.m': '{n} min',
  'duration.s': '{n} s',

  'contents.heading': 'Scenario contents',
  'contents.settlements': 'Settlements',
  'contents.facilities': 'Facilities',
  'contents.injects': 'Injects',
  'contents.cascades': 'Cascades',
  'contents.decisions': 'Decisions',

  'problems.heading': 'The scenario file could not be loaded',
  'problems.intro': '{n} problem(s) found in {file}. Fix each one and save the file.',
  'problems.list': 'Problems',
  'problems.cli': 'The same list is printed on the command line by:',
};

const enAll: Messages = { ...enBase, ...map.en, ...kinds.en, ...persist.en, ...consoleUi.en, ...estimate.en, ...scores.en, ...working.en, ...access.en, ...seat.en, ...facilitator.en, ...evaluation.en, ...review.en, ...compare.en, ...lists.en, ...server.en };

export const messages = { zh: zhAll, en: enAll } satisfies Record<Lang, Messages>;

/** The value for an HTML `lang` attribute. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

/** An interface string; `{name}` placeholders are filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return fill(messages[lang][key], vars);
}

/** `{name}` placeholders filled from `vars` (t, and the dictionaries of lazily loaded views). */
export function fill(message: string, vars?: Record<string, string | number>): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Scenario text in the chosen language; authors must write Chinese, English may be missing. */
export function pick(lang: Lang, text: Text): string {
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}
