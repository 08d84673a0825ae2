// An inject's media file is beside the scenario: anything that would make the browser fetch from
// another host or folder is reported where it stands (issue 7 §7).
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/index.ts';
import { expectOneAt, withMedia } from '../helpers.ts';


describe('lint: media paths', () => {
  it.each([
    ['//evil.example/x.png', 'a path that starts with // names another server'],
    ['/\\evil.example/x.png', 'a media path may not hold backslashes, %-escapes, ? or #, control characters, or blanks at either end'],
    ['../secret.png', '`..` leads out of the scenario\'s folder'],
    ['media/../../secret.png', '`..` leads out of the scenario\'s folder'],
    ['%2e%2e/secret.png', 'a media path may not hold backslashes, %-escapes, ? or #, control characters, or blanks at either end'],
    ['/etc/passwd', 'an absolute path points outside the scenario\'s folder'],
    ['https:evil.example/x.png', "'https:' media do not load: name a file beside the scenario (or an https address)"],
    ['javascript:alert(1)', "'javascript:' media do not load: name a file beside the scenario (or an https address)"],
    ['data:image/png;base64,AAAA', "'data:' media do not load: name a file beside the scenario (or an https address)"],
    [' //evil.example/x.png', 'a media path may not hold backslashes, %-escapes, ? or #, control characters, or blanks at either end'],
  ])('%j is reported at the file', (file, message) => {
    const text = withMedia(file);
    const p = expectOneAt(text, 'media', JSON.stringify(file));
    expect(p.message).toBe(message);
    expect(p.hint).toMatch(/media\/collapse\.jpg/);
  });

  it('a file in the folder or below, and an https address, load', () => {
    for (const file of ['media/collapse.jpg', 'collapse.jpg', './media/倒塌 1.jpg', 'https://media.example.org/v.mp4']) expect(loadScenario(withMedia(file), 'x.yaml').ok).toBe(true);
  });
});
