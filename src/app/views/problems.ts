// Shown instead of the summary when the scenario does not load: every problem, positioned the way
// the validate CLI prints it, so a trainer can jump to file:line:column in the editor — in Chinese
// where the check that found it words it so, else in its English, marked as such.
import { html } from 'lit-html';
import { formatProblem, type Problem } from '../../scenario/problem.ts';
import { t, type Lang } from '../i18n.ts';

export function problemsView(lang: Lang, file: string, problems: Problem[]) {
  return html`<section class="problems" aria-labelledby="problems-heading">
    <h1 id="problems-heading">${t(lang, 'problems.heading')}</h1>
    <p>${t(lang, 'problems.intro', { file, n: problems.length })}</p>
    <ol class="problem-list" aria-label=${t(lang, 'problems.list')}>
      ${problems.map((p) =>
        lang === 'en' || p.zh
          ? html`<li><pre>${formatProblem(p, lang)}</pre></li>`
          : html`<li><p class="muted small">${t(lang, 'access.problemEnglish')}</p><pre lang="en">${formatProblem(p)}</pre></li>`,
      )}
    </ol>
    <p>${t(lang, 'problems.cli')} <code>${`npx quake-drill validate ${file}${lang === 'zh' ? ' --lang zh' : ''}`}</code></p>
  </section>`;
}
