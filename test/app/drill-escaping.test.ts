// @vitest-environment happy-dom
// Scenario files are untrusted: markup in a decision's prompt or options, or in an inject's title,
// narrative and question, is shown as text on the console, the seat and in the log — never run.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { replaced } from '../scenario/helpers.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const ATTACK = '<img src=x onerror=alert(1)>';

function hostile() {
  let text = minimal();
  text = replaced('prompt: { zh: 是否立即派出重型救援队赶赴岔沟？,', `prompt: { zh: "${ATTACK}是否派出？",`, text);
  text = replaced('label: { zh: 立即派出, en: Send now }', `label: { zh: "${ATTACK}立即派出", en: Send now }`, text);
  text = replaced('title: { zh: 房屋倒塌, en: Houses collapsed }', `title: { zh: "${ATTACK}房屋倒塌", en: Houses collapsed }`, text);
  text = replaced('narrative: { zh: 岔沟镇多处民房倒塌，有人员被困。,', `narrative: { zh: "${ATTACK}多处民房倒塌",`, text);
  text = replaced('question: { zh: 如何派出救援力量？,', `question: { zh: "<script>alert(2)</script>如何派出？",`, text);
  const result = loadScenario(text, 'scenarios/minimal.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

describe('markup in scenario text on the drill screens', () => {
  it('stays text on the console, the seat card, the injects and the log', () => {
    const d = renderDrill({ scenario: hostile(), file: 'scenarios/minimal.yaml' });
    d.start();
    d.pass(2 * MIN); // the inject is delivered and the decision opens
    const page = d.container;
    const open = getByRole(page, 'table', { name: /各席位待决策/ });
    expect(within(open).getByText(`${ATTACK}是否派出？`)).toBeTruthy();
    expect(within(getByRole(page, 'list', { name: /已下达/ })).getByText(`${ATTACK}房屋倒塌`)).toBeTruthy();

    fireEvent.change(getByRole(page, 'combobox', { name: '席位' }), { target: { value: 'fire-rescue' } });
    const card = getByRole(page, 'article', { name: `${ATTACK}是否派出？` });
    within(card).getByRole('radio', { name: `${ATTACK}立即派出` }).click();
    within(card).getByRole('button', { name: '提交决策' }).click();
    const inject = getByRole(page, 'article', { name: `${ATTACK}房屋倒塌` });
    expect(inject.textContent).toContain(`${ATTACK}多处民房倒塌`);
    expect(inject.textContent).toContain('<script>alert(2)</script>如何派出？');
    expect(getByRole(page, 'status').textContent).toContain(`${ATTACK}立即派出`);

    getByRole(page, 'button', { name: '导调台' }).click();
    expect(getByRole(page, 'table', { name: '推演日志' }).textContent).toContain(`决策“${ATTACK}是否派出？”：${ATTACK}立即派出`);
    for (const screen of ['记分板', '指挥大屏']) {
      getByRole(page, 'button', { name: screen }).click();
      expect(page.querySelector('img, script')).toBeNull();
    }
    getByRole(page, 'button', { name: '退出大屏' }).click();
    getByRole(page, 'button', { name: '结束推演' }).click();
    getByRole(page, 'button', { name: '确认结束' }).click();
    expect(getByRole(page, 'article', { name: `${ATTACK}是否派出？` })).toBeTruthy();
    expect(page.querySelector('img, script')).toBeNull();
  });
});
