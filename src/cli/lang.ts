// The CLI's language: `--lang zh|en`, shared by every command; without it, Chinese when the locale
// says so (LC_ALL, LC_MESSAGES or LANG starting with zh), English otherwise.
export type Lang = 'zh' | 'en';

/** The language the environment asks for: the first locale variable set, as the C library reads them. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** The arguments without `--lang X` / `--lang=X`, and the language they and the environment ask for. */
export function takeLang(args: string[], env: NodeJS.ProcessEnv = process.env): { lang: Lang; rest: string[] } | { error: string } {
  const rest: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang') chosen = args[++i] ?? '';
    else if (a.startsWith('--lang=')) chosen = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (chosen === undefined) return { lang: localeLang(env), rest };
  if (chosen !== 'zh' && chosen !== 'en') return { error: `--lang takes zh or en, not '${chosen}'` };
  return { lang: chosen, rest };
}
