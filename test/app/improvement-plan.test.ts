// @vitest-environment happy-dom
// The improvement plan (纠正行动) on the debrief: findings added, edited and deleted there are entries
// of the drill's review record, kept in this browser's ReviewStore by drill id — read back by a fresh
// record store as they were written.
import { describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { memoryReviewStore } from '../../src/app/persist/review-store.ts';
import { createRecordStore } from '../../src/app/review/record-store.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { MIN, minimal, renderDrill } from './render.ts';

const minimalScenario = (() => {
  const r = loadScenario(minimal(), 'minimal.yaml');
  if (!r.ok) throw new Error('minimal.yaml does not load');
  return r.scenario;
})();

const set = (form: HTMLElement, name: string, value: string) => {
  const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  if (el.tagName === 'SELECT') fireEvent.change(el, { target: { value } });
  else fireEvent.input(el, { target: { value } });
};

describe('the improvement plan', () => {
  it("suggests the scenario's plan clauses for a finding's clause", () => {
    // minimal.yaml's four decisions, in the file's order: send-usar, evacuate-count, rescue-priorities and
    // situation-report, each testing one clause.
    const d = renderDrill({ scenario: minimalScenario, file: 'minimal.yaml' });
    const session = d.start();
    d.pass(MIN);
    session.facilitator({ type: 'end' });
    d.store.getState().setScreen('debrief');
    const options = [...d.container.querySelectorAll<HTMLOptionElement>('datalist#plan-clauses option')].map((o) => o.value);
    expect(options).toEqual(['应急响应·抢险救援', '应急响应·转移安置', '应急响应·先期处置', '信息报送']);
    expect(d.container.querySelector('[data-finding-new] input[name="clause"]')!.getAttribute('list')).toBe('plan-clauses');
  });

  it('adds, edits and deletes findings, kept with the drill', async () => {
    const backing = memoryReviewStore();
    const records = createRecordStore(backing);
    const d = renderDrill({ options: { records } });
    const session = d.start();
    await records.getState().load(session.drill); // read (nothing kept yet) before anything is written
    d.pass(MIN);
    session.facilitator({ type: 'end' });
    d.store.getState().setScreen('debrief');

    const plan = getByRole(d.container, 'region', { name: /^改进计划（纠正行动）/ });
    const blank = plan.querySelector<HTMLFormElement>('[data-finding-new]')!;
    // Without the text, nothing is added.
    within(blank).getByRole('button', { name: '添加改进事项' }).click();
    expect(records.getState().record.findings).toEqual([]);

    set(blank, 'grade', 'rectify');
    set(blank, 'text', '县区灾情报送无时限要求，应在预案中明确');
    set(blank, 'owner', 'county-haicheng');
    set(blank, 'due', '2027-03-31');
    set(blank, 'clause', '鞍政办发〔2016〕117号 §4.2');
    set(blank, 'capability', 'situational-assessment');
    within(blank).getByRole('button', { name: '添加改进事项' }).click();

    const findings = () => [...d.container.querySelectorAll<HTMLFormElement>('[data-finding]')];
    expect(findings()).toHaveLength(1);
    const [added] = records.getState().record.findings;
    expect(added).toEqual({
      id: findings()[0]!.dataset.finding,
      grade: 'rectify',
      text: '县区灾情报送无时限要求，应在预案中明确',
      owner: 'county-haicheng',
      due: '2027-03-31',
      clause: '鞍政办发〔2016〕117号 §4.2',
      capability: 'situational-assessment',
    });
    expect((blank.querySelector('[name="text"]') as HTMLTextAreaElement).value).toBe(''); // ready for the next one

    // Edit: the text and the grade change, the clause is cleared.
    const row = findings()[0]!;
    set(row, 'grade', 'deficiency');
    set(row, 'text', '县区灾情报送无时限要求');
    set(row, 'clause', '');
    within(row).getByRole('button', { name: '保存' }).click();
    const edited = { id: added!.id, grade: 'deficiency', text: '县区灾情报送无时限要求', owner: 'county-haicheng', due: '2027-03-31', capability: 'situational-assessment' };
    expect(records.getState().record.findings).toEqual([edited]);

    // A second one, then the first deleted.
    set(blank, 'text', '物资调运路线未预设备用方案');
    set(blank, 'owner', 'transport');
    within(blank).getByRole('button', { name: '添加改进事项' }).click();
    expect(findings()).toHaveLength(2);
    within(findings()[0]!).getByRole('button', { name: '删除' }).click();
    expect(findings().map((f) => (f.querySelector('[name="text"]') as HTMLTextAreaElement).value)).toEqual(['物资调运路线未预设备用方案']);

    await records.getState().settled();
    expect(backing.drills.get(session.drill)!.map((e) => [e.n, e.actor, e.event.type])).toEqual([
      [1, 'facilitator', 'finding'],
      [2, 'facilitator', 'edit-finding'],
      [3, 'facilitator', 'finding'],
      [4, 'facilitator', 'delete-finding'],
    ]);
    expect(backing.drills.get(session.drill)![1]!.event).toEqual({ type: 'edit-finding', id: added!.id, grade: 'deficiency', text: '县区灾情报送无时限要求', clause: null });

    // Read back by another record store (a reload): the same plan.
    const again = createRecordStore(backing);
    await again.getState().load(session.drill);
    expect(again.getState().record.findings).toEqual([{ id: records.getState().record.findings[0]!.id, grade: 'improve', text: '物资调运路线未预设备用方案', owner: 'transport', due: '' }]);
  });
});
