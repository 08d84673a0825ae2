// @vitest-environment happy-dom
// Space pauses and resumes on every screen of a drill, wherever the focus is, except where the
// focused element gives Space its own meaning: typing in a field, pressing a button, ticking a box.
import { describe, expect, it } from 'vitest';
import { spaceAction } from '../../src/app/views/shortcuts.ts';

const el = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  return box.firstElementChild!;
};

describe('Space', () => {
  it('pauses a running drill and resumes a paused one, from the page or a heading', () => {
    expect(spaceAction('console', 'running', document.body)).toBe('pause');
    expect(spaceAction('seat', 'paused', el('<h2>待决策</h2>'))).toBe('resume');
    expect(spaceAction('scoreboard', 'running', el('<td>12</td>'))).toBe('pause');
    expect(spaceAction('bigscreen', 'running', el('<canvas></canvas>'))).toBe('pause');
  });

  it('is the element’s own in a text field, on a button, a checkbox or a list', () => {
    expect(spaceAction('seat', 'running', el('<textarea></textarea>'))).toBeNull();
    expect(spaceAction('seat', 'running', el('<input type="text">'))).toBeNull();
    expect(spaceAction('seat', 'running', el('<input type="checkbox">'))).toBeNull();
    expect(spaceAction('console', 'running', el('<button>暂停</button>'))).toBeNull();
    expect(spaceAction('console', 'running', el('<select><option>1</option></select>'))).toBeNull();
  });

  it('does nothing before the drill runs or after it ended, or on the briefing', () => {
    expect(spaceAction('console', 'briefing', document.body)).toBeNull();
    expect(spaceAction('debrief', 'debrief', document.body)).toBeNull();
    expect(spaceAction('briefing', 'running', document.body)).toBeNull();
  });
});
