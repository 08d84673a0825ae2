// The authoring view's strings (messages/authoring.ts), looked up as i18n.ts's t does: typed keys, both
// languages, `{name}` filled from vars. Apart from t's dictionary so the first screen does not carry them.
import { fill, type Lang } from '../i18n.ts';
import * as authoring from '../messages/authoring.ts';

export type AuthorKey = keyof typeof authoring.zh;

const dictionaries = { zh: authoring.zh, en: authoring.en } satisfies Record<Lang, Record<AuthorKey, string>>;

export const ta = (lang: Lang, key: AuthorKey, vars?: Record<string, string | number>): string => fill(dictionaries[lang][key], vars);
