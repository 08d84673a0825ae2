import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/scenario/text-hash.ts';

describe('a scenario text is known by its SHA-256', () => {
  it('gives the published digests (FIPS 180-2 test vectors)', () => {
    expect(textHash('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(textHash('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the UTF-8 bytes, so Chinese text differs from its look-alikes', () => {
    // sha256 of the UTF-8 bytes of "震演" (e9 9c 87 e6 bc 94), worked out with `printf 震演 | sha256sum`.
    expect(textHash('震演')).toBe('sha256:02ac7bd6fff664e23b0e6c8b7b5c3382542f1ba9c3644aa4db119fea1c1d5173');
  });
});
