import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeTask } from './complete-task.ts';
import { startInstance } from './start-instance.ts';
import { bpmn, chain, engineKit, flow, person, userTask, type Kit } from './testing.ts';
import type { TaskRow } from './types.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await engineKit();
});
afterAll(async () => kit.drop());

const PROCESS = bpmn(`
  <bpmn:startEvent id="start"/> ${userTask('accept', 'clerk')} <bpmn:parallelGateway id="split"/> <bpmn:parallelGateway id="join"/>
  ${userTask('deptA', 'a')} ${userTask('deptB', 'b')} ${userTask('deptC', 'c')} ${userTask('approve', 'boss')} <bpmn:endEvent id="end"/>
  ${chain('start', 'accept', 'split')} ${flow('sa', 'split', 'deptA')} ${flow('sb', 'split', 'deptB')} ${flow('sc', 'split', 'deptC')}
  ${flow('aj', 'deptA', 'join')} ${flow('bj', 'deptB', 'join')} ${flow('cj', 'deptC', 'join')} ${chain('join', 'approve', 'end')}`);

/** A worker process that completes every open task it finds, four at a time, printing each completion; with group commit the four may share transactions. */
function worker(url: string, grouped: boolean): string {
  const engine = JSON.stringify(path.resolve('server/src/modules/workflow/engine/index.ts'));
  const pool = JSON.stringify(path.resolve('server/src/platform/db/pool.ts'));
  return `import { completeTask } from ${engine}; import { createPool } from ${pool};
    const db = createPool(${JSON.stringify(url)}, 6);
    const env = { db, clock: { now: () => new Date() }${grouped ? ', groupCommit: { concurrency: 2, size: 4 }' : ''} };
    for (;;) {
      const { rows } = await db.query("SELECT id, assignee FROM wf_tasks WHERE status = 'open' ORDER BY random() LIMIT 4");
      if (rows.length === 0) break;
      await Promise.all(rows.map((t) => completeTask(env, { taskId: t.id, actor: { id: t.assignee } }).then(() => console.log('done'), () => undefined)));
    }
    console.log('finished');`;
}

describe.each([
  ['one transaction per command', false],
  ['group commit', true],
])('kill -9 during completions (%s)', (_, grouped) => {
  it('loses no committed step and repeats none; the rest of the work completes afterwards', async () => {
    const key = await kit.deploy(PROCESS);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await startInstance(kit.env, { key, businessKey: `K${i}` })).instanceId);

    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', worker(kit.url, grouped)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        done += d.toString().split('done').length - 1;
        if (done >= 40) resolve();
      });
      child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was killed`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // Finish the rest here, as a restarted server would.
    for (;;) {
      const { rows } = await kit.db.query<TaskRow>("SELECT * FROM wf_tasks WHERE status = 'open'");
      if (rows.length === 0) break;
      for (const t of rows) await completeTask(kit.env, { taskId: t.id, actor: person(t.assignee!) });
    }
    const statuses = await kit.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM wf_instances WHERE id = ANY($1) GROUP BY status', [ids]);
    expect(statuses.rows).toEqual([{ status: 'completed', n: 30 }]);
    // Every step exactly once per instance: 5 tasks, each completed once, one completion event each.
    const tasks = await kit.db.query<{ node_id: string; n: number }>(
      "SELECT node_id, count(*)::int AS n FROM wf_tasks WHERE instance_id = ANY($1) AND status = 'completed' GROUP BY node_id ORDER BY node_id",
      [ids],
    );
    expect(tasks.rows).toEqual(['accept', 'approve', 'deptA', 'deptB', 'deptC'].map((node_id) => ({ node_id, n: 30 })));
    const events = await kit.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE type = 'task.completed' AND payload->>'instanceId' = ANY($1)",
      [ids],
    );
    expect(events.rows[0]!.n).toBe(150);
    const tokens = await kit.db.query('SELECT 1 FROM wf_tokens WHERE instance_id = ANY($1)', [ids]);
    expect(tokens.rowCount).toBe(0);
  });
});
