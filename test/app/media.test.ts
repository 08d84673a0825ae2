// Media paths in a scenario load only from beside the scenario file, or from an allow-listed origin
// (issue 7 §7: "three outside requests got past today's filter"). Each hostile path below is one a
// browser would have fetched from another host or folder; the expected URLs are worked out by hand.
import { describe, expect, it } from 'vitest';
import { mediaUrl } from '../../src/app/views/media.ts';

const SCENARIO = 'scenarios/haicheng-m5.8.yaml';
const PAGE = 'http://127.0.0.1:5173/';

/** Where the browser would fetch the returned URL from, on the drill's page. */
const fetched = (url: string) => new URL(url, PAGE).href;

describe('media beside the scenario load', () => {
  it('a file in the scenario folder or below resolves against that folder', () => {
    expect(mediaUrl(SCENARIO, 'media/collapse.jpg')).toBe('scenarios/media/collapse.jpg');
    expect(mediaUrl(SCENARIO, './collapse.jpg')).toBe('scenarios/collapse.jpg');
    expect(mediaUrl('drill.yaml', 'media/a.jpg')).toBe('media/a.jpg');
    // A `..` that stays inside the folder is harmless: media/x/../a.jpg is media/a.jpg.
    expect(mediaUrl(SCENARIO, 'media/x/../a.jpg')).toBe('scenarios/media/a.jpg');
  });

  it('Chinese file names and spaces are kept, percent-encoded as the browser sends them', () => {
    // 倒 is U+5012, UTF-8 E5 80 92.
    expect(mediaUrl(SCENARIO, 'media/倒 塌.jpg')).toBe('scenarios/media/%E5%80%92%20%E5%A1%8C.jpg');
  });
});

describe('hostile media paths load nothing', () => {
  const hostile = [
    '//evil.example/x.png', // protocol-relative: another host
    '/\\evil.example/x.png', // browsers read "/\" as "//"
    '\\\\evil.example\\x.png', // "\\host\x" likewise
    'media\\..\\..\\secret.png', // backslashes as separators
    '/etc/passwd', // an absolute path on the page's server
    '/scenarios/media/a.jpg', // absolute even when it happens to point inside
    '../secret.png', // out of the scenario's folder
    'media/../../secret.png',
    '%2e%2e/secret.png', // an encoded .. that the URL parser decodes
    '..%2fsecret.png', // an encoded slash a server may decode
    'https:evil.example/x.png', // scheme-relative: on an http page this is https://evil.example/
    'https://evil.example/x.png', // absolute, not allow-listed
    'http://evil.example/x.png',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'blob:https://evil.example/uuid',
    'file:///etc/passwd',
    ' //evil.example/x.png', // the URL parser strips a leading blank
    '\t//evil.example/x.png',
    'ja\tvascript:alert(1)', // and drops tabs anywhere
    'media/a.jpg?u=1', // a query is not part of a file
    'media/', // a folder
    '',
  ];
  it.each(hostile)('%j', (path) => {
    expect(mediaUrl(SCENARIO, path)).toBeNull();
    expect(mediaUrl('drill.yaml', path)).toBeNull();
  });

  it('what today\'s filter let through is now refused', () => {
    // Each of these became an outside request: /\evil → http://evil.example/, https:evil on an http
    // page → https://evil.example/, and /etc/passwd → the page server's root, outside the scenario.
    expect(fetched('/\\evil.example/x.png')).toBe('http://evil.example/x.png');
    expect(fetched('https:evil.example/x.png')).toBe('https://evil.example/x.png');
    expect(mediaUrl(SCENARIO, '/\\evil.example/x.png')).toBeNull();
    expect(mediaUrl(SCENARIO, 'https:evil.example/x.png')).toBeNull();
    expect(mediaUrl(SCENARIO, 'https://evil.example/x.png')).toBeNull();
  });

  it('every URL returned for a relative path is fetched from the scenario folder on the page', () => {
    for (const path of ['media/a.jpg', 'a.png', 'x/y/z.mp4']) expect(fetched(mediaUrl(SCENARIO, path)!).startsWith(`${PAGE}scenarios/`)).toBe(true);
  });
});

describe('the allow-list', () => {
  const allow = ['https://media.example.org'];
  it('an https file on an allowed origin loads; other origins, http and credentials do not', () => {
    expect(mediaUrl(SCENARIO, 'https://media.example.org/v/collapse.mp4', allow)).toBe('https://media.example.org/v/collapse.mp4');
    expect(mediaUrl(SCENARIO, 'https://media.example.org.evil.example/v.mp4', allow)).toBeNull();
    expect(mediaUrl(SCENARIO, 'http://media.example.org/v.mp4', allow)).toBeNull();
    expect(mediaUrl(SCENARIO, 'https://user:pw@media.example.org/v.mp4', allow)).toBeNull();
  });
});
