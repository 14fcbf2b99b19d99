// The level of a card and the colour of a step's clock, always with words (never colour alone).
import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { CardLevel, CardStatus, Colour } from './api';
import './cards.css';

export function LevelTag({ level }: { level: CardLevel }) {
  const { t } = useI18n();
  return <Tag className={`tb-card-level tb-card-level-${level}`} variant="outlined">{t(`svc.level.${level}`)}</Tag>;
}

export function ColourTag({ colour }: { colour: Colour }) {
  const { t } = useI18n();
  return <Tag className={`tb-card-colour-${colour}`} variant="outlined">{t(`svc.colour.${colour}`)}</Tag>;
}

export function StatusTag({ status }: { status: CardStatus }) {
  const { t } = useI18n();
  return <Tag className="tb-tag tb-tag-other" variant="outlined">{t(`svc.status.${status}`)}</Tag>;
}

/** The stage words: 受理 / 承办 / 审核 / 批准 / 办结. */
export function useStageLabel(): (stage: string) => string {
  const { t } = useI18n();
  return (stage) => (['accept', 'handle', 'review', 'approve', 'conclude'].includes(stage) ? t(`svc.stage.${stage as 'accept'}`) : stage);
}
