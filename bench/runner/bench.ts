// Runner bench: a menu bot (inbound → menu → WaitForReply → Branch → reply) driven by simulated customers.
//   npx tsx bench/runner/bench.ts     (BENCH_CUSTOMERS=200 BENCH_SECONDS=20 BENCH_WAITING=100000)
// Prints script evaluations/s, inbound messages handled/s with inbound-to-reply latency (each inbound
// starts or resumes an instance that sends a reply before the call returns), and resume latency with
// BENCH_WAITING other instances waiting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const file = path.resolve('data/runner-bench.db');
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.LOG_LEVEL ??= 'error';
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WAITING = Number(process.env.BENCH_WAITING ?? 100_000);

const { applyMigrations } = await import('@/lib/db/migrations');
applyMigrations(process.env.DATABASE_URL);
const { db } = await import('@/lib/db/client');
const { seedDemo } = await import('@/lib/tenancy/seed-demo');
const { createWorkflow } = await import('@/lib/automation/workflows');
const { receiveInbound } = await import('@/lib/messaging/receive-inbound');
const { evaluateString, loadSandbox } = await import('@/lib/automation/script/evaluate');
const { replyKey } = await import('@/lib/automation/steps/wait-for-reply');
await seedDemo(db, { adminPassword: 'bench-password', apiKey: 'prl_bench_key_0123456789' });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const ms = (n: number) => Number(n.toFixed(1));
const figures: Record<string, unknown> = { machine: `${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}` };

// 1. Script evaluations per second (reused QuickJS context).
await loadSandbox();
{
  const scope = { data: { reply1: { payload: { content: { text: '2' } } } }, step: null };
  const t = performance.now();
  let n = 0;
  while (performance.now() - t < 2000) {
    evaluateString("{{ data.reply1.payload.content.text == '2'}}", scope);
    n++;
  }
  figures.scriptEvalsPerSecond = Math.round(n / ((performance.now() - t) / 1000));
}

// 2. The menu bot.
const SUB = 'acme_corp_chatapps';
const menu = await createWorkflow(db, 'acme_corp', {
  subAccountId: SUB,
  trigger: 'inbound_chat_apps',
  status: 'enabled',
  definition: {
    name: 'Menu bot',
    steps: [
      { id: 'menu', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Hi! 1 Sales, 2 Support, 3 Billing' } }, outputs: { who: '{{data.payload.user.msisdn}}' }, nextStepId: 'wait' },
      { id: 'wait', stepType: 'WaitForReply', inputs: { from: '{{data.who}}', channel: 'whatsapp', timeout: '00:05:00' }, outputs: { choice: '{{step.reply == null ? null : step.reply.payload.content.text}}' }, nextStepId: 'route' },
      { id: 'route', stepType: 'Branch', selectNextStep: { sales: "{{data.choice == '1'}}", support: "{{data.choice == '2'}}", other: null } },
      { id: 'sales', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Sales will call you' } } },
      { id: 'support', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Support ticket opened' } } },
      { id: 'other', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Billing: see your invoice' } } },
    ],
  },
});
const send = (msisdn: string, text: string) => receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, type: 'text', content: { text } });

async function conversations(customers: number, seconds: number, phoneOf: (i: number) => string) {
  const latencies: number[] = [];
  let inbound = 0;
  const end = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      const phone = phoneOf(i);
      while (Date.now() < end) {
        for (const text of ['hi', String((i % 3) + 1)]) {
          const t = performance.now();
          await send(phone, text);
          latencies.push(performance.now() - t);
          inbound++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { inbound, elapsed, perSecond: Math.round(inbound / elapsed), p50: ms(pct(latencies, 50)), p99: ms(pct(latencies, 99)) };
}

const warm = await conversations(1, 2, () => '+6590000001');
const r = await conversations(CUSTOMERS, SECONDS, (i) => `+659${String(1000000 + i)}`);
const replies = await db.message.count({ where: { direction: 'outbound' } });
const completed = await db.workflowInstance.count({ where: { status: 'completed' } });
figures.menuBot = { customers: CUSTOMERS, seconds: ms(r.elapsed), inboundHandled: r.inbound, inboundPerSecond: r.perSecond, inboundToReplyP50Ms: r.p50, inboundToReplyP99Ms: r.p99, repliesQueued: replies, instancesCompleted: completed, warmup: warm.inbound };

// 3. Resume latency with WAITING instances waiting for other customers.
{
  const t = performance.now();
  // One waiting instance made through Prisma, copied WAITING times in SQL (Prisma's createMany of 100,000
  // rows takes minutes); each copy waits for its own customer.
  const phoneOf = (i: number) => `+658${String(i).padStart(7, '0')}`;
  const template = await db.workflowInstance.create({
    data: {
      accountId: 'acme_corp', subAccountId: SUB, definitionId: menu.id, version: 1, trigger: 'inbound_chat_apps', status: 'waiting',
      data: { payload: { user: { msisdn: phoneOf(0) } }, who: phoneOf(0) }, currentStepId: 'wait', callStack: { frames: [] }, stepCount: 2,
      waitKind: 'reply', waitKey: replyKey(SUB, 'whatsapp', phoneOf(0)), waitUntil: new Date(Date.now() + 86_400_000), waitSeq: 1,
    },
  });
  const cols = '"accountId","subAccountId","definitionId","version","trigger","status","currentStepId","callStack","stepCount","waitKind","waitUntil","waitSeq","createdAt","updatedAt"';
  await db.$executeRawUnsafe(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${WAITING - 1})
     INSERT INTO "WorkflowInstance" ("id", "data", "waitKey", ${cols})
     SELECT 'bench' || i, json_set(json_set(t."data", '$.who', '+658' || printf('%07d', i)), '$.payload.user.msisdn', '+658' || printf('%07d', i)),
            '${SUB}|whatsapp|658' || printf('%07d', i), ${cols.split(',').map((c) => `t.${c}`).join(',')}
     FROM n, "WorkflowInstance" t WHERE t."id" = '${template.id}'`,
  );
  const loadSeconds = (performance.now() - t) / 1000;
  const resumeLatencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const phone = phoneOf(1 + Math.floor((i * 7919) % (WAITING - 1)));
    const t0 = performance.now();
    const res = await send(phone, '2');
    resumeLatencies.push(performance.now() - t0);
    void res;
  }
  const resumed = await db.workflowInstance.count({ where: { status: 'completed', id: { startsWith: 'bench' } } });
  const tDue = performance.now();
  const { runDueWork } = await import('@/lib/automation/runner/due-work');
  await runDueWork(db);
  figures.waitingInstances = { waiting: await db.workflowInstance.count({ where: { status: 'waiting' } }), insertSeconds: ms(loadSeconds), resumeP50Ms: ms(pct(resumeLatencies, 50)), resumeP99Ms: ms(pct(resumeLatencies, 99)), timerPassMs: ms(performance.now() - tDue), resumedChoice2: resumed };
}
figures.machineAfter = `load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}`;
console.log(JSON.stringify(figures, null, 2));
await db.$disconnect();
process.exit(0);
