import { describe, expect, it } from 'vitest';
import { stageOfStep } from './stages.ts';

describe('stageOfStep', () => {
  it('takes the stage the process declares over the name', () => {
    expect(stageOfStep('approve', '审查')).toBe('approve');
  });
  it('judges an undeclared step by its name', () => {
    expect(stageOfStep(null, '窗口预审')).toBe('accept');
    expect(stageOfStep(null, '住建局审查')).toBe('review');
    expect(stageOfStep(undefined, '牵头部门决定')).toBe('approve');
    expect(stageOfStep(null, '制证送达')).toBe('conclude');
  });
  it('makes a step whose name says nothing 承办, and ignores an unknown declared value', () => {
    expect(stageOfStep(null, '现场勘验')).toBe('handle');
    expect(stageOfStep('sign', null)).toBe('handle');
  });
});
