/**
 * The ingest door of the supervision benchmark: the real HTTP app (role
 * supervision) on the benchmark's database, and chains of contract-valid
 * events of new cases (submitted, accepted, a step opened and completed,
 * concluded for three in five) from a registered source, posted as signed
 * batches to POST /api/supervision/ingest exactly as a publisher does. The
 * bodies, hashes and signatures are made before the clock starts, so the time
 * is the door's: HTTP, the signature, the chain check, the contract check,
 * the insert and the projection.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../server/src/app.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { Db } from '../server/src/platform/db/pool.ts';
import { eventHash, GENESIS_HASH } from '../server/src/platform/events/canonical.ts';
import { signBatch, SIGNATURE_HEADER, SOURCE_HEADER } from '../server/src/platform/events/publish-signature.ts';
import type { StoredEvent } from '../server/src/platform/events/stream.ts';
import { registerSource } from '../server/src/modules/supervision/index.ts';

type Content = Omit<StoredEvent, 'prevHash' | 'hash'>;

/** A source's chain as it grows: each event gets the next seq and links to the last. */
class Chain {
  private seq = 0;
  private last = GENESIS_HASH;
  readonly events: StoredEvent[] = [];

  add(e: Omit<Content, 'seq' | 'id'>): void {
    const content: Content = { ...e, seq: ++this.seq, id: randomUUID() };
    const hash = eventHash(this.last, content);
    this.events.push({ ...content, prevHash: this.last, hash });
    this.last = hash;
  }
}

const DEPARTMENT = '5b0f3f0e-7d4e-4c1b-9a51-0c1f6e2d8a01';
const ITEM = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const DAY = 86_400;

/**
 * The events of `cases` new cases, about 4.2 per case, a case every 3 seconds
 * up to now: their limits (days ahead) pass no threshold while the benchmark
 * runs, so the card latency measured after it times only its own deadlines.
 */
function caseEvents(chain: Chain, cases: number): void {
  const start = Date.now() - cases * 3_000 - 60_000;
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  for (let i = 0; i < cases; i++) {
    const caseId = randomUUID();
    const caseNo = `D${String(i).padStart(9, '0')}`;
    const base = { caseId, caseNo, departmentId: DEPARTMENT, actorRole: 'clerk' };
    const t = i * 3;
    chain.add({
      ...base, type: 'case.submitted', schemaVersion: 2, actorId: null, occurredAt: at(t),
      payload: {
        itemId: ITEM, itemCode: 'SCJG-XK-001', itemName: '食品经营许可（新办）', promisedDays: 5, legalDays: 10, channel: 'online',
        noticeDue: at(t + 7 * DAY), departmentName: '市场监督管理局', applicantType: 'person',
      },
    });
    chain.add({ ...base, type: 'case.accepted', schemaVersion: 2, actorId: randomUUID(), occurredAt: at(t + 1), payload: { acceptedAt: at(t + 1), due: at(t + 14 * DAY), actorName: '李窗口' } });
    const ref = { instanceId: randomUUID(), businessKey: caseNo, taskId: randomUUID(), nodeId: 'decide' };
    chain.add({
      ...base, type: 'task.created', schemaVersion: 2, actorId: null, actorRole: null, occurredAt: at(t + 1),
      payload: {
        ...ref, name: '审核决定', assignee: null, candidateKind: 'department', candidates: ['SCJG'], dueAt: at(t + 10 * DAY),
        stage: 'approve', departmentId: DEPARTMENT, departmentName: '市场监督管理局', assigneeName: null,
      },
    });
    if (i % 5 < 3) {
      chain.add({ ...base, type: 'task.completed', schemaVersion: 2, actorId: randomUUID(), actorRole: 'approver', occurredAt: at(t + 2), payload: { ...ref, outcome: 'approve', loopIndex: null, actorName: '王审批' } });
      chain.add({ ...base, type: 'case.concluded', schemaVersion: 3, actorId: randomUUID(), actorRole: 'approver', occurredAt: at(t + 2), payload: { result: 'approved', actorName: '王审批', reason: null } });
    }
  }
}

interface Door {
  url: string;
  /** Registers a source and returns what it would publish: `events` events cut into signed bodies of `batch`. */
  prepare(sourceId: string, events: number, batch: number): Promise<{ bodies: { body: string; signature: string }[]; events: number }>;
  close(): Promise<void>;
}

export async function openDoor(db: Db, tmp: string): Promise<Door> {
  const config = { ...loadConfig({}), role: 'supervision' as const, dataDir: tmp, logLevel: 'silent' };
  const app = await buildApp({ db, clock: systemClock, config, uploadsDir: `${tmp}/uploads` }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    async prepare(sourceId, events, batch) {
      const { key } = await registerSource(db, { id: sourceId, name: sourceId }, null, new Date());
      const chain = new Chain();
      caseEvents(chain, Math.ceil(events / 4.2) + 1);
      const list = chain.events.slice(0, events);
      const bodies = [];
      for (let i = 0; i < list.length; i += batch) {
        const body = JSON.stringify({ events: list.slice(i, i + batch) });
        bodies.push({ body, signature: signBatch(key, body) });
      }
      return { bodies, events: list.length };
    },
    close: () => app.close(),
  };
}

/** Posts the bodies one after another, as one source's publisher does; returns events/s and the accepted count. */
export async function postAll(door: Door, sourceId: string, bodies: readonly { body: string; signature: string }[]): Promise<{ seconds: number; accepted: number }> {
  let accepted = 0;
  const t0 = performance.now();
  for (const b of bodies) {
    const res = await fetch(`${door.url}/api/supervision/ingest`, {
      method: 'POST', body: b.body,
      headers: { 'content-type': 'application/json', [SOURCE_HEADER]: sourceId, [SIGNATURE_HEADER]: b.signature },
    });
    const answer = await res.json() as { accepted?: number; code?: string };
    if (!res.ok) throw new Error(`ingest answered ${res.status} ${answer.code}`);
    accepted += answer.accepted ?? 0;
  }
  return { seconds: (performance.now() - t0) / 1000, accepted };
}
