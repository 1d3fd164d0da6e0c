// Crash test: 1,000 instances (half waiting on replies, half on timers) run by a real `npm run worker`
// process that is killed with SIGKILL mid-run and restarted. Every instance must finish exactly once
// and no message may be sent twice.
//   npx tsx bench/runner/crash-test.ts            (exit code 0 when everything holds)
import { spawn, type ChildProcess } from 'node:child_process';
import { freshBenchDatabase } from './fresh-database';

const LEASE_MS = '2000';
const { db } = await freshBenchDatabase('runner-crash', { AUTOMATION_LEASE_MS: LEASE_MS });

const { createWorkflow } = await import('@/lib/automation/workflows');
const { SYSTEM_ACTOR } = await import('@/lib/audit/record-audit-event');
const { receiveInbound } = await import('@/lib/messaging/receive-inbound');

const N = Number(process.env.CRASH_N ?? 1000);
const body = (name: string, steps: unknown[]) => ({ subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name, steps } });
const replyWf = await createWorkflow(
  db,
  'acme_corp',
  body('ask and wait', [
    { id: 'ask', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'Reply YES to confirm' }, nextStepId: 'wait' },
    {
      id: 'wait',
      stepType: 'WaitForReply',
      inputs: { from: '{{data.phone}}', channel: 'sms', timeout: '00:00:40' },
      outputs: { answer: '{{step.reply == null ? null : step.reply.payload.text}}' },
      nextStepId: 'thanks',
    },
    { id: 'thanks', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'Got: {{data.answer}}' } },
  ]),
  { actor: SYSTEM_ACTOR },
);
const timerWf = await createWorkflow(
  db,
  'acme_corp',
  body('remind later', [
    { id: 'start', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'Reminder set' }, nextStepId: 'pause' },
    { id: 'pause', stepType: 'Wait', inputs: { duration: '00:00:04' }, nextStepId: 'remind' },
    { id: 'remind', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'This is your reminder' } },
  ]),
  { actor: SYSTEM_ACTOR },
);

// Stored as abandoned (expired lease): the worker takes them over exactly as after a crash.
const phone = (i: number) => `+6581${String(i).padStart(6, '0')}`;
await db.workflowInstance.createMany({
  data: Array.from({ length: N }, (_, i) => {
    const wf = i % 2 === 0 ? replyWf : timerWf;
    return {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp',
      definitionId: wf.id,
      version: 1,
      trigger: 'http_request',
      status: 'running',
      data: { phone: phone(i) },
      currentStepId: wf.definition.steps[0].id,
      callStack: { frames: [] },
      leaseOwner: 'nobody',
      leaseUntil: new Date(0),
    };
  }),
});

function startWorker(label: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, RUN_WORKER_IN_WEB: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`${label}: worker pid ${child.pid} started`);
  return child;
}

const started = Date.now();
let worker = startWorker('run 1');
const stepRuns = () => db.workflowStepRun.count();
while ((await stepRuns()) < Math.round(N * 0.7)) await new Promise((r) => setTimeout(r, 50));
worker.kill('SIGKILL');
await new Promise((r) => worker.once('exit', r));
const atKill = await stepRuns();
console.log(`SIGKILL after ${((Date.now() - started) / 1000).toFixed(1)} s with ${atKill} step runs stored`);
await new Promise((r) => setTimeout(r, 300));
worker = startWorker('run 2');

// The customers answer (this process plays the web process that receives the replies).
const answered = new Set<string>();
let replies = 0;
const deadline = Date.now() + Number(process.env.CRASH_DEADLINE_MS ?? 600_000);
for (;;) {
  const waiting = await db.workflowInstance.findMany({ where: { status: 'waiting', waitKind: 'reply' }, select: { id: true, data: true }, take: 100 });
  for (const w of waiting) {
    const p = (w.data as { phone: string }).phone;
    if (answered.has(w.id)) continue;
    answered.add(w.id);
    await receiveInbound(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', channel: 'sms', msisdn: p, type: 'text', content: { text: 'YES' } });
    replies++;
  }
  const open = await db.workflowInstance.count({ where: { status: { in: ['running', 'waiting'] } } });
  if (open === 0 || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 100));
}
worker.kill('SIGTERM');
const elapsed = (Date.now() - started) / 1000;

// Checks.
const byStatus = await db.workflowInstance.groupBy({ by: ['status'], _count: true });
const runs = await db.workflowStepRun.findMany({ select: { instanceId: true, stepId: true, status: true } });
const completedRuns = new Map<string, number>();
for (const r of runs)
  if (r.status === 'completed') completedRuns.set(`${r.instanceId}|${r.stepId}`, (completedRuns.get(`${r.instanceId}|${r.stepId}`) ?? 0) + 1);
const twiceRun = [...completedRuns.values()].filter((n) => n > 1).length;
const sent = await db.message.groupBy({ by: ['workflowId'], where: { direction: 'outbound' }, _count: true });
const wrongCount = sent.filter((s) => s._count !== 2).length;
const texts = await db.message.groupBy({ by: ['workflowId', 'msisdn'], where: { direction: 'outbound' }, _count: true });
const completed = byStatus.find((s) => s.status === 'completed')?._count ?? 0;
const gotYes = await db.workflowInstance.count({ where: { definitionId: replyWf.id, status: 'completed' } });

console.log(
  JSON.stringify(
    {
      instances: N,
      elapsedSeconds: Number(elapsed.toFixed(1)),
      stepRunsAtKill: atKill,
      byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count])),
      replies,
      stepsCompletedTwice: twiceRun,
      instancesWithMessages: sent.length,
      instancesNotSendingExactlyTwo: wrongCount,
      conversations: texts.length,
      replyInstancesCompleted: gotYes,
    },
    null,
    2,
  ),
);
const ok = completed === N && twiceRun === 0 && wrongCount === 0 && sent.length === N;
console.log(ok ? 'PASS: every instance finished exactly once; no message was sent twice' : 'FAIL');
await db.$disconnect();
process.exit(ok ? 0 : 1);
