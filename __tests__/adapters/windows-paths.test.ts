// Paths as a Windows runner builds them (drive letters, backslashes, spaces, UNC shares), checked here with
// path.win32 injected into the functions that build them; the expected paths are written out by hand.
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { samplerScript } from '../../src/adapters/sampler-process.js';
import { runDirPrefix } from '../../src/app/run-info.js';
import { dataDirCandidates } from '../../src/data/tables.js';

describe('Windows paths (path.win32)', () => {
  test.each([
    ['file:///D:/a/my%20repo/carbon-gate/dist/pre/index.js', 'D:\\a\\my repo\\carbon-gate\\dist\\sampler\\index.js'],
    ['file:///C:/Users/Ada%20L/AppData/Local/npm-cache/_npx/1/node_modules/carbon-gate/dist/cli/index.js', 'C:\\Users\\Ada L\\AppData\\Local\\npm-cache\\_npx\\1\\node_modules\\carbon-gate\\dist\\sampler\\index.js'],
    ['file://build-host/share/actions/carbon-gate/dist/main/index.js', '\\\\build-host\\share\\actions\\carbon-gate\\dist\\sampler\\index.js'],
  ])('the sampler next to %s', (url, expected) => {
    expect(samplerScript(url, path.win32)).toBe(expected);
  });

  test('the same URL on POSIX keeps its space and loses no slash (fileURLToPath, not URL#pathname)', () => {
    expect(samplerScript('file:///home/runner/my%20work/dist/pre/index.js', path.posix)).toBe('/home/runner/my work/dist/sampler/index.js');
  });

  test('the run directory prefix under RUNNER_TEMP, or a given parent', () => {
    expect(runDirPrefix({ RUNNER_TEMP: 'D:\\a\\_temp' }, undefined, path.win32)).toBe('D:\\a\\_temp\\carbon-gate-');
    expect(runDirPrefix({ RUNNER_TEMP: 'D:\\a\\_temp\\' }, undefined, path.win32)).toBe('D:\\a\\_temp\\carbon-gate-');
    expect(runDirPrefix({}, 'C:\\Users\\Ada L\\report dir', path.win32)).toBe('C:\\Users\\Ada L\\report dir\\carbon-gate-');
  });

  test('the data directory: two levels above the bundle, or the override', () => {
    const from = { moduleFile: 'D:\\a\\_actions\\org\\carbon-gate\\v1\\dist\\post\\index.js', entryScript: 'D:\\a\\_actions\\org\\carbon-gate\\v1\\dist\\post\\index.js' };
    expect(dataDirCandidates({}, from, path.win32)).toEqual(['D:\\a\\_actions\\org\\carbon-gate\\v1\\data']);
    expect(dataDirCandidates({ CARBON_GATE_DATA_DIR: 'E:\\tables\\' }, from, path.win32)).toEqual(['E:\\tables']);
    const twoPlaces = { moduleFile: 'C:\\src\\carbon-gate\\src\\data\\tables.ts', entryScript: 'C:\\Program Files\\nodejs\\node_modules\\carbon-gate\\dist\\cli\\index.js' };
    expect(dataDirCandidates({}, twoPlaces, path.win32)).toEqual(['C:\\src\\carbon-gate\\data', 'C:\\Program Files\\nodejs\\node_modules\\carbon-gate\\data']);
  });
});
