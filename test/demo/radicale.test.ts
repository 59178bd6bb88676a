import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findOnPath, planRadicale } from '../../src/demo/radicale.js';

describe('demo: finding or installing Radicale', () => {
  let root: string;
  const bin = (dir: string, name: string, executable = true): string => {
    mkdirSync(join(root, dir), { recursive: true });
    const file = join(root, dir, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, executable ? 0o755 : 0o644);
    return file;
  };
  const path = (...dirs: string[]) => dirs.map((d) => join(root, d)).join(delimiter);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'calbridge-radicale-plan-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the first executable on PATH, skipping non-executable files', () => {
    bin('a', 'radicale', false);
    const second = bin('b', 'radicale');
    assert.equal(findOnPath('radicale', path('a', 'b')), second);
    assert.equal(findOnPath('radicale', path('a')), undefined);
  });

  it('uses an installed Radicale, root or not', () => {
    const radicale = bin('usr/bin', 'radicale');
    bin('usr/bin', 'apt-get');
    assert.deepEqual(planRadicale({ path: path('usr/bin'), isRoot: true }), { kind: 'found', bin: radicale });
    assert.deepEqual(planRadicale({ path: path('usr/bin'), isRoot: false }), { kind: 'found', bin: radicale });
  });

  it('installs with apt-get only as root, else asks the user', () => {
    const aptGet = bin('usr/bin', 'apt-get');
    assert.deepEqual(planRadicale({ path: path('usr/bin'), isRoot: true }), { kind: 'install', aptGet });
    assert.deepEqual(planRadicale({ path: path('usr/bin'), isRoot: false }), { kind: 'ask' });
    assert.deepEqual(planRadicale({ path: path('elsewhere'), isRoot: true }), { kind: 'ask' });
  });
});
