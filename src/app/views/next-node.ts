// Leaving a time node early (提前进入下一节点): before the facilitator confirms, what the node has not
// delivered yet — its injects and the decisions that have not opened — is listed, because leaving
// delivers all of it at once (leftInNode, the same list the engine delivers). Enter confirms, Escape
// cancels (app.ts); the confirm button has the focus when the panel opens.
import { html, nothing } from 'lit-html';
import { leftInNode, type Model, type World } from '../../core/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { decisionPrompt, injectTitle, seatName } from './words.ts';

export interface NextNodeConfirmProps {
  lang: Lang;
  model: Model;
  world: Readonly<World>;
  onConfirm: () => void;
  onCancel: () => void;
}

export function nextNodeConfirm({ lang, model, world, onConfirm, onCancel }: NextNodeConfirmProps) {
  const node = model.scenario.nodes[world.node];
  const left = leftInNode(model, world);
  const empty = left.injects.length === 0 && left.decisions.length === 0;
  return html`<section class="panel confirm-panel next-node-confirm" role="alertdialog" aria-modal="false" aria-labelledby="next-node-heading" aria-describedby="next-node-intro">
    <h2 id="next-node-heading">${t(lang, 'flow.next.heading')}</h2>
    <p id="next-node-intro">${empty ? t(lang, 'flow.next.nothing') : t(lang, 'flow.next.intro', { node: node ? pick(lang, node.name) : '' })}</p>
    ${left.injects.length > 0
      ? html`<h3 id="next-node-injects">${t(lang, 'flow.next.injects')} <span class="count">${left.injects.length}</span></h3>
          <ul aria-labelledby="next-node-injects">
            ${left.injects.map(
              (id) => html`<li>
                ${injectTitle(lang, model, id)}${model.injects.get(id)?.when ? html` <span class="muted small">${t(lang, 'flow.next.ifCondition')}</span>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${left.decisions.length > 0
      ? html`<h3 id="next-node-decisions">${t(lang, 'flow.next.decisions')} <span class="count">${left.decisions.length}</span></h3>
          <ul aria-labelledby="next-node-decisions">
            ${left.decisions.map(
              (id) => html`<li>${t(lang, 'flow.next.decision', { seat: seatName(lang, model, model.decisions.get(id)?.owner ?? id), prompt: decisionPrompt(lang, model, id) })}</li>`,
            )}
          </ul>`
      : nothing}
    <p class="muted small">${t(lang, 'flow.next.keys')}</p>
    <div class="confirm-buttons">
      <button type="button" class="primary" data-next-confirm aria-keyshortcuts="Enter" @click=${onConfirm}>${t(lang, 'flow.next.confirm')}</button>
      <button type="button" aria-keyshortcuts="Escape" @click=${onCancel}>${t(lang, 'flow.next.cancel')}</button>
    </div>
  </section>`;
}

/** The console's word that the drill is over, with the way to the debrief. */
export function endedPanel(lang: Lang, endedItself: boolean, onDebrief: () => void) {
  return html`<section class="panel ended-panel" aria-labelledby="ended-heading">
    <h2 id="ended-heading">${t(lang, 'flow.ended')}</h2>
    ${endedItself ? html`<p>${t(lang, 'flow.endedHint')}</p>` : nothing}
    <button type="button" class="primary" @click=${onDebrief}>${t(lang, 'flow.openDebrief')}</button>
  </section>`;
}
