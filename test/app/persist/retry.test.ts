// @vitest-environment happy-dom
// A part of the app that did not download can be asked for again without a reload (issue 9 §3): the
// first screen offers 重试 beside the message, and a loader that failed keeps no failure — the next
// call downloads again (the browser's side, that Chromium fetches a failed module anew, is noted in
// src/app/download.ts).
import '../quiet-lit.ts';
import { describe, expect, it, vi } from 'vitest';
import { getByRole, queryByRole } from '@testing-library/dom';
import { render } from 'lit-html';
import { downloaded, DownloadError } from '../../../src/app/download.ts';
import { firstScreenView } from '../../../src/app/views/first-screen.ts';
import { briefOf } from '../../../src/app/views/summary.ts';
import { DEFAULT_FILE, loadDefault } from '../render.ts';

describe('retrying a download', () => {
  it('the first screen offers 重试 when the app did not download, and only then', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const onRetry = vi.fn();
    const draw = (failed: boolean) => render(firstScreenView({ lang: 'zh', file: DEFAULT_FILE, brief: briefOf(loadDefault()), failed, onLang: () => undefined, onRetry }), container);
    draw(false);
    expect(queryByRole(container, 'button', { name: '重试' })).toBeNull();
    draw(true);
    getByRole(container, 'button', { name: '重试' }).click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    container.remove();
  });

  it('a loader that failed downloads again on the next call', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ boot: 'here' });
    const chunk = downloaded(load);
    await expect(chunk()).rejects.toBeInstanceOf(DownloadError);
    await expect(chunk()).resolves.toEqual({ boot: 'here' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
