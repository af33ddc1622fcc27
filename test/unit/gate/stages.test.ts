import { describe, expect, it } from 'vitest';
import { findStage, normalizeLabel, stageLabel, wonVerdict } from '@/lib/gate/stages';
import { decideGate } from '@/lib/gate/decide';
import { isHandoffReady } from '@/lib/gate/readiness';
import { evalWith } from '../rules/helpers';
import { STAGES } from './helpers';

describe('stages', () => {
  it('normalises labels as the page shows them: case, spacing, zero-width characters, a trailing count', () => {
    expect(normalizeLabel('  Closed\u200b  Won (12) ')).toBe('closed won');
    expect(normalizeLabel('Closed Won (1,204)')).toBe('closed won');
    expect(normalizeLabel('Q (2) Review')).toBe('q (2) review');
  });

  it('finds a stage by its API value first, then by its label', () => {
    expect(findStage(STAGES, { value: 'Closed Won', label: 'anything' })?.value).toBe('Closed Won');
    expect(findStage(STAGES, { value: null, label: 'closed won (3)' })?.value).toBe('Closed Won');
    expect(findStage(STAGES, { value: 'Renamed', label: 'Closed Lost' })?.value).toBe('Closed Lost');
    expect(findStage(STAGES, { value: null, label: '' })).toBeNull();
  });

  it('says won / not won only from the CRM’s stage list, unknown otherwise', () => {
    expect(wonVerdict(STAGES, { value: 'Closed Won', label: '' })).toBe('won');
    expect(wonVerdict(STAGES, { value: 'Closed Lost', label: 'Closed Won' })).toBe('not-won'); // the value wins over a label
    expect(wonVerdict(STAGES, { value: null, label: 'Signed' })).toBe('unknown');
    expect(wonVerdict(null, { value: 'Closed Won', label: 'Closed Won' })).toBe('unknown');
  });

  it('names the stage as the user knows it', () => {
    expect(stageLabel(STAGES, { value: 'Closed Won', label: '' })).toBe('Closed Won');
    expect(stageLabel(null, { value: 'x', label: '' })).toBe('x');
    expect(stageLabel(null, { value: null, label: '' })).toBe('a closed stage');
  });
});

describe('decideGate', () => {
  const blocked = evalWith({ useCase: '' });
  const fine = evalWith({});
  const warnings = evalWith({ knownGaps: '' });
  it.each([
    ['enforce', blocked, 'block'],
    ['warn', blocked, 'warn'],
    ['off', blocked, 'pass'],
    ['enforce', fine, 'pass'],
    ['enforce', warnings, 'pass'],
  ] as const)('%s mode', (mode, evaluation, decision) => {
    expect(decideGate(evaluation, mode)).toBe(decision);
  });

  it('is never "ready" while a non-negotiable is missing, even with its rule off', () => {
    expect(isHandoffReady(fine)).toBe(true);
    expect(isHandoffReady(warnings)).toBe(true);
    expect(isHandoffReady(blocked)).toBe(false);
    expect(isHandoffReady(evalWith({ riskFlags: 'none' }))).toBe(false);
  });
});
