// Shown instead of the summary when the scenario does not load: every problem, positioned the way
// the validate CLI prints it, so a trainer can jump to file:line:column in the editor.
import { html } from 'lit-html';
import { formatProblem, type Problem } from '../../scenario/problem.ts';
import { t, type Lang } from '../i18n.ts';

export function problemsView(lang: Lang, file: string, problems: Problem[]) {
  return html`<section class="problems" aria-labelledby="problems-heading">
    <h1 id="problems-heading">${t(lang, 'problems.heading')}</h1>
    <p>${t(lang, 'problems.intro', { file, n: problems.length })}</p>
    <ol class="problem-list" aria-label=${t(lang, 'problems.list')}>
      ${problems.map((p) => html`<li><pre>${formatProblem(p)}</pre></li>`)}
    </ol>
    <p>${t(lang, 'problems.cli')} <code>npx quake-drill validate ${file}</code></p>
  </section>`;
}
