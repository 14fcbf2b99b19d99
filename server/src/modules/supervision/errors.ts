import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the supervision platform; merged into the one catalogue in platform/errors.ts. */
export const supervisionErrors = {
  INGEST_SOURCE_UNKNOWN: { status: 401, zh: '未登记或已停用的事件来源', en: 'Unknown or disabled event source' },
  INGEST_SIGNATURE_INVALID: { status: 401, zh: '来源请求（事件批次、监察通知）签名不正确', en: 'The signature of the source\'s request (event batch, card notices) is invalid' },
  INGEST_BATCH_INVALID: { status: 400, zh: '事件批次格式不正确', en: 'The event batch is malformed' },
  INGEST_SEQUENCE_GAP: { status: 409, zh: '事件序号不连续：缺少之前的事件', en: 'Sequence gap: earlier events are missing' },
  INGEST_CHAIN_BROKEN: { status: 409, zh: '事件哈希链断裂：事件被篡改或与已收到的不一致', en: 'Hash chain broken: an event was changed or differs from the one received' },
  INGEST_EVENT_INVALID: { status: 422, zh: '事件不符合事件契约（类型@版本）', en: 'An event does not conform to the event contract (type@version)' },
  SOURCE_EXISTS: { status: 409, zh: '该来源编码已存在', en: 'A source with this id already exists' },
  SV_CASE_UNKNOWN: { status: 404, zh: '监察平台没有收到该办件的事件', en: 'The supervision platform has received no events of this case' },
  SOURCE_NOT_FOUND: { status: 404, zh: '事件来源不存在', en: 'Event source not found' },
} as const satisfies Record<string, ErrorEntry>;
