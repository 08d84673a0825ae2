// @vitest-environment happy-dom
// The scenario picker (issue 4 §1): the shipped scenarios with title, time nodes and validity; a
// local file that does not load shows its problems at file:line:column and nothing else breaks;
// a drill log is imported from the same screen.
import '../quiet-lit.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, getByLabelText, getByRole, queryByRole, within, waitFor } from '@testing-library/dom';
import { render } from 'lit-html';
import { createPickerStore, exportDrill, SHIPPED, type ChosenScenario, type ImportedDrill, type ShippedScenario } from '../../../src/app/persist/index.ts';
import { pickerView } from '../../../src/app/views/picker.ts';
import type { Lang } from '../../../src/app/i18n.ts';
import { createSession } from '../../../src/app/drill/session.ts';
import { loadScenario } from '../../../src/scenario/index.ts';
import { manualClock, minimalText, newSession, play } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function renderPicker(lang: Lang = 'zh', current?: string, scenarios: readonly ShippedScenario[] = SHIPPED) {
  const onScenario = vi.fn<(c: ChosenScenario) => void>();
  const onDrill = vi.fn<(d: ImportedDrill) => void>();
  const store = createPickerStore({ onScenario, onDrill, shipped: scenarios });
  const container = document.body.appendChild(document.createElement('div'));
  const draw = () => render(pickerView({ lang, scenarios, state: store.getState(), ...(current ? { current } : {}) }), container);
  draw();
  const stop = store.subscribe(draw);
  cleanups.push(() => (stop(), container.remove()));
  return { container, store, onScenario, onDrill };
}

/** Chooses a file in the file input with this label. */
function chooseFile(container: HTMLElement, label: string, name: string, text: string) {
  const input = getByLabelText(container, label) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name)] } });
}

describe('the scenario picker', () => {
  it('lists the shipped scenarios with their title, time nodes and validity; the current one marked', () => {
    const { container } = renderPicker('zh', 'scenarios/haicheng-m5.8.yaml');
    expect(getByRole(container, 'heading', { level: 1 }).textContent).toBe('选择情景');
    const list = getByRole(container, 'list', { name: '内置情景' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const haicheng = within(list).getByRole('article', { name: '鞍山市海城5.8级地震应急桌面推演（默认情景）' });
    expect(haicheng.textContent).toContain('5 个时间节点');
    expect(haicheng.textContent).toContain('文件有效');
    expect(haicheng.textContent).toContain('scenarios/haicheng-m5.8.yaml');
    expect(items[0]!.getAttribute('aria-current')).toBe('true');
    const ludian = within(list).getByRole('article', { name: '昭通市鲁甸龙头山6.0级地震（夜间）应急桌面推演' });
    expect(ludian.textContent).toContain('4 个时间节点');
    expect(ludian.textContent).toContain('文件有效');
    const minimal = within(list).getByRole('article', { name: '最小示例' });
    expect(minimal.textContent).toContain('2 个时间节点');
    expect(items[1]!.hasAttribute('aria-current')).toBe(false);
    expect(items[2]!.hasAttribute('aria-current')).toBe(false);
  });

  it('speaks English when asked', () => {
    const { container } = renderPicker('en');
    const list = getByRole(container, 'list', { name: 'Shipped scenarios' });
    expect(within(list).getByRole('article', { name: 'Minimal example' }).textContent).toContain('2 time nodes');
  });

  it('choosing a shipped scenario hands it to the shell', async () => {
    const { container, onScenario } = renderPicker();
    const minimal = getByRole(container, 'article', { name: '最小示例' });
    fireEvent.click(within(minimal).getByRole('button', { name: '选用此情景' }));
    await waitFor(() => expect(onScenario).toHaveBeenCalledTimes(1));
    expect(onScenario.mock.calls[0]![0]).toMatchObject({ file: 'scenarios/minimal.yaml', text: minimalText(), scenario: { meta: { id: 'minimal-example' } } });
  });

  it('a local file that does not load shows its problems at file:line:column; the list stays', async () => {
    const { container, onScenario } = renderPicker();
    const text = minimalText().replace('magnitude: 5.8', 'magnitude: big');
    chooseFile(container, '选择情景文件', 'my-drill.yaml', text);
    const problems = await waitFor(() => getByRole(container, 'list', { name: '问题清单' }));
    const line = text.split('\n').findIndex((l) => l.includes('magnitude: big')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('big') + 1;
    const items = within(problems).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(new RegExp(`^my-drill\\.yaml:${line}:${column}: `));
    expect(container.textContent).toContain('npx quake-drill validate my-drill.yaml');
    expect(onScenario).not.toHaveBeenCalled();
    expect(within(getByRole(container, 'list', { name: '内置情景' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('a local file that loads is handed to the shell, and clears the old problems', async () => {
    const { container, onScenario } = renderPicker();
    chooseFile(container, '选择情景文件', 'bad.yaml', 'format: [');
    await waitFor(() => getByRole(container, 'list', { name: '问题清单' }));
    chooseFile(container, '选择情景文件', 'mine.yaml', minimalText());
    await waitFor(() => expect(onScenario).toHaveBeenCalledTimes(1));
    expect(onScenario.mock.calls[0]![0]).toMatchObject({ file: 'mine.yaml', scenario: { meta: { title: { zh: '最小示例' } } } });
    expect(queryByRole(container, 'list', { name: '问题清单' })).toBeNull();
  });

  it('a file dropped on the picker is opened: a YAML file as a scenario, a .jsonl as a drill log', async () => {
    const { container, onScenario, onDrill } = renderPicker();
    const section = getByRole(container, 'region', { name: '选择情景' });
    const drop = (name: string, text: string) => {
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [new File([text], name)] } });
      section.dispatchEvent(event);
      return event;
    };
    expect(drop('dropped.yaml', minimalText()).defaultPrevented).toBe(true);
    await waitFor(() => expect(onScenario).toHaveBeenCalledTimes(1));
    const clock = manualClock();
    const session = newSession(clock);
    play(session, clock);
    drop('drill.jsonl', exportDrill(session).text);
    await waitFor(() => expect(onDrill).toHaveBeenCalledTimes(1));
    expect(onDrill.mock.calls[0]![0].log).toEqual(session.exercise.log);
  });

  it('a broken drill log lists its problem at its line and imports nothing', async () => {
    const { container, onDrill } = renderPicker();
    const clock = manualClock();
    const session = newSession(clock);
    play(session, clock);
    const rows = exportDrill(session).text.split('\n');
    rows[2] = '{"seq":2,"t":0';
    chooseFile(container, '选择推演记录文件', 'drill.jsonl', rows.join('\n'));
    const list = await waitFor(() => getByRole(container, 'list', { name: '记录问题清单' }));
    expect(getByRole(container, 'alert').textContent).toContain('推演记录无法导入');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/^drill\.jsonl:3:1: not JSON: /)]);
    expect(container.textContent).toContain('npx quake-drill report drill.jsonl');
    expect(onDrill).not.toHaveBeenCalled();
  });

  it('a drill log of a scenario that is not shipped asks for the scenario file', async () => {
    const { container, onDrill } = renderPicker();
    const clock = manualClock();
    const ownText = minimalText().replace('id: minimal-example', 'id: own');
    const own = loadScenario(ownText, 'own.yaml');
    if (!own.ok) throw new Error('own.yaml does not load');
    const played = createSession({ scenario: own.scenario, file: 'own.yaml', seed: 3, clock });
    play(played, clock);
    const text = exportDrill(played).text;
    chooseFile(container, '选择推演记录文件', 'drill.jsonl', text);
    const importSection = getByRole(container, 'region', { name: '导入推演记录' });
    const status = await waitFor(() => within(importSection).getByRole('status'));
    expect(status.textContent).toContain('推演记录 drill.jsonl 使用的情景 own.yaml（own）不在内置情景中');
    chooseFile(container, '选择该记录的情景文件', 'own.yaml', ownText);
    await waitFor(() => expect(onDrill).toHaveBeenCalledTimes(1));
    expect(onDrill.mock.calls[0]![0]).toMatchObject({ file: 'own.yaml', seed: 3 });
    expect(within(importSection).queryByRole('status')).toBeNull();
  });
});
