// The host panel (?host=<key>): the facilitator creates a drill on the server from a shipped scenario
// or from a drill this browser saved (its exported log file), then hands out the join links.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Text } from '../../scenario/schema.ts';
import { htmlLang, pick, t, type Lang } from '../i18n.ts';
import { langToggle } from './lang-toggle.ts';

export interface HostPanelProps {
  lang: Lang;
  scenarios: readonly { file: string; title: Text }[];
  busy: boolean;
  problem: string | null;
  /** The drill created, and its join links panel. */
  drill: { id: string; links: TemplateResult } | null;
  on: {
    lang: (lang: Lang) => void;
    create: (file: string) => void;
    upload: (file: File) => void;
  };
}

export function hostPanel(p: HostPanelProps) {
  const { lang } = p;
  const create = (e: Event) => {
    e.preventDefault();
    const file = (e.currentTarget as HTMLFormElement).querySelector('select')?.value;
    if (file) p.on.create(file);
  };
  const upload = (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) p.on.upload(file);
  };
  return html`<div class="page page-host" lang=${htmlLang(lang)} data-testid="host-panel">
    <header class="masthead">
      <p class="brand">
        <span class="brand-name">${t(lang, 'app.name')}</span>
        <span class="brand-tagline">${t(lang, 'app.tagline')}</span>
      </p>
      ${langToggle(lang, p.on.lang)}
    </header>
    <main class="content wide">
      <h1>${t(lang, 'server.host.heading')}</h1>
      <section aria-labelledby="host-create">
        <h2 id="host-create">${t(lang, 'server.host.create')}</h2>
        <form @submit=${create}>
          <label
            >${t(lang, 'server.host.scenario')}
            <select name="scenario" ?disabled=${p.busy}>
              ${p.scenarios.map((s) => html`<option value=${s.file}>${pick(lang, s.title)}</option>`)}
            </select></label
          >
          <button type="submit" ?disabled=${p.busy}>${t(lang, 'server.host.start')}</button>
        </form>
        <p>
          <label
            >${t(lang, 'server.host.upload')}
            <input type="file" accept=".jsonl,application/jsonl,text/plain" ?disabled=${p.busy} @change=${upload} />
          </label>
        </p>
        <p class="hint">${t(lang, 'server.host.uploadHint')}</p>
        ${p.busy ? html`<p role="status">${t(lang, 'server.host.busy')}</p>` : nothing}
        ${p.problem ? html`<p class="problem" role="alert">${t(lang, 'server.host.failed', { reason: p.problem })}</p>` : nothing}
      </section>
      ${p.drill ? html`<h2>${t(lang, 'server.host.drill', { drill: p.drill.id })}</h2>${p.drill.links}` : nothing}
    </main>
  </div>`;
}
