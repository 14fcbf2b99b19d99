/**
 * The five stages supervision watches: 受理、承办、审核、批准、办结. A process
 * step names its stage in the diagram (tongban:stage, carried by task.created@2);
 * a step that does not is judged by its name, and a step whose name says
 * nothing is 承办 (the ordinary handling of the case).
 */
import { STAGES, type Stage } from '../../../../shared/supervision/monitor.ts';

export { STAGES, type Stage } from '../../../../shared/supervision/monitor.ts';

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Acceptance' },
  handle: { zh: '承办', en: 'Handling' },
  review: { zh: '审核', en: 'Review' },
  approve: { zh: '批准', en: 'Approval' },
  conclude: { zh: '办结', en: 'Conclusion' },
};

/** The Chinese name of a stage as a card or letter names it; an unknown value as it is. */
export function stageName(stage: string): string {
  return STAGE_LABELS[stage as Stage]?.zh ?? stage;
}

const BY_NAME: readonly [RegExp, Stage][] = [
  [/受理|接件|收件|预审/, 'accept'],
  [/批准|审批|决定|签发|核准|审定/, 'approve'],
  [/审核|复核|审查|核查|会签|会审|联审|初审/, 'review'],
  [/办结|送达|发证|制证|归档/, 'conclude'],
];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** The stage of a step: the one its process declares, else the first keyword its name contains, else 承办. */
export function stageOfStep(declared: unknown, name: string | null | undefined): Stage {
  if (isStage(declared)) return declared;
  for (const [pattern, stage] of BY_NAME) if (name && pattern.test(name)) return stage;
  return 'handle';
}
