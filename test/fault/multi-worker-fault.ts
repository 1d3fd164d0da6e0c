// Fault test (issue 19): 4 `npm run worker` processes on PostgreSQL share FAULT_INSTANCES (10,000)
// instances of a bot with a reply and a wait (ask → WaitForReply → Wait 1 s → thanks) and a campaign of
// FAULT_RECIPIENTS (100,000) recipients, with a webhook endpoint subscribed to inbound messages on a
// local HTTP receiver. Once FAULT_KILL_AT (40%) of the campaign is handed over, two workers are killed
// with SIGKILL and one is started again. This process plays the web process: it answers every customer
// the bot waits on (receiveInbound, FAULT_ANSWERERS at once), each answer an inbound event for the webhook.
// At the end: every instance completed, no step completed twice, each instance sent exactly its two
// messages; every recipient has exactly one message, none still queued and none handed to the carrier
// twice; every inbound event reached the receiver (duplicate arrivals, allowed by at-least-once, counted).
// The dead workers' claims expire: AUTOMATION_LEASE_MS is FAULT_LEASE_MS (5,000) in the workers; the
// outbox's (30 s) and webhook deliveries' (60 s) leases are fixed in their files.
//   npx tsx test/fault/multi-worker-fault.ts     (exit code 0 on PASS; TEST_POSTGRES_URL as in bench/scale;
//   uses the database FAULT_DBNAME, default fault_test, recreated; FAULT_DEADLINE_MS (1,800,000) bounds the wait)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshPostgresDatabase, sleep, startWorker, stopProcess } from '@/bench/scale/scale-setup';

const N = Number(process.env.FAULT_INSTANCES ?? 10_000);
const M = Number(process.env.FAULT_RECIPIENTS ?? 100_000);
const WORKERS = 4;
const KILL_AT = Number(process.env.FAULT_KILL_AT ?? 0.4);
const ANSWERERS = Number(process.env.FAULT_ANSWERERS ?? 16);
const DEADLINE = Date.now() + Number(process.env.FAULT_DEADLINE_MS ?? 1_800_000);
const workerEnv = { AUTOMATION_LEASE_MS: process.env.FAULT_LEASE_MS ?? '5000', ALLOW_PRIVATE_NETWORK: 'true' };

const url = await freshPostgresDatabase(process.env.FAULT_DBNAME ?? 'fault_test');
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL ??= 'error';
process.env.ALLOW_PRIVATE_NETWORK = 'true';
const { migrateAndSeed } = await import('@/bench/scale/scale-setup');
const db = await migrateAndSeed('fault');
const { prepareTenant, storeCampaign, launchCampaign, campaignCounters } = await import('@/bench/scale/scale-fixtures');
const { read } = await import('@/lib/db/tx');
const { createWorkflow } = await import('@/lib/automation/workflows');
const { createEndpoint } = await import('@/lib/webhooks/endpoints');
const { SYSTEM_ACTOR } = await import('@/lib/audit/record-audit-event');
const { receiveInbound } = await import('@/lib/messaging/receive-inbound');
await prepareTenant(db);
const log = (what: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${what}`);

// The webhook receiver: arrivals counted per event (its umid).
const arrivals = new Map<string, number>();
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const umid = (JSON.parse(body) as { payload?: { umid?: string } }).payload?.umid ?? '?';
    arrivals.set(umid, (arrivals.get(umid) ?? 0) + 1);
    res.writeHead(200).end('ok');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
await createEndpoint(
  db,
  'acme_corp',
  { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['inbound_message_received'] },
  SYSTEM_ACTOR,
);

const wf = await createWorkflow(
  db,
  'acme_corp',
  {
    subAccountId: 'acme_corp',
    trigger: 'http_request',
    status: 'enabled',
    definition: {
      name: 'ask, wait, thank',
      steps: [
        { id: 'ask', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'Reply YES to confirm' }, nextStepId: 'wait' },
        {
          id: 'wait',
          stepType: 'WaitForReply',
          inputs: { from: '{{data.phone}}', channel: 'sms', timeout: '00:30:00' },
          outputs: { answer: '{{step.reply == null ? null : step.reply.payload.text}}' },
          nextStepId: 'pause',
        },
        { id: 'pause', stepType: 'Wait', inputs: { duration: '00:00:01' }, nextStepId: 'thanks' },
        { id: 'thanks', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'Got: {{data.answer}}' } },
      ],
    },
  },
  { actor: SYSTEM_ACTOR },
);
// Stored as abandoned (an expired lease, no owner): the workers take them over as after a crash.
const phone = (i: number) => `+6581${String(i).padStart(6, '0')}`;
for (let i = 0; i < N; i += 1000) {
  await db.workflowInstance.createMany({
    data: Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({
      accountId: 'acme_corp',
      subAccountId: 'acme_corp',
      definitionId: wf.id,
      version: 1,
      trigger: 'http_request',
      status: 'running',
      data: { phone: phone(i + k) },
      currentStepId: 'ask',
      callStack: { frames: [] },
      leaseOwner: null,
      leaseUntil: new Date(0),
    })),
  });
}
await storeCampaign(db, 'fault', M, 0);
log(`stored ${N} instances and ${M} recipients`);

const started = Date.now();
const workers = Array.from({ length: WORKERS }, () => startWorker(url, workerEnv));
await launchCampaign(db, 'fault');

// The web process's part: answer every customer the bot waits on, once.
// When each waiting instance was answered: one still waiting 30 s later (its answer stored, its resume not
// decided) is answered again, as a customer would.
const answered = new Map<string, number>();
const refused: string[] = [];
let answeredAgain = 0;
let answering = true;
const answerer = (async () => {
  while (answering) {
    const waiting = (
      await db.workflowInstance.findMany({ where: { status: 'waiting', waitKind: 'reply' }, select: { id: true, data: true }, take: 5000 })
    ).filter((w) => Date.now() - (answered.get(w.id) ?? 0) > 30_000);
    for (const w of waiting) {
      if (answered.has(w.id)) answeredAgain++;
      answered.set(w.id, Date.now());
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: ANSWERERS }, async () => {
        while (next < waiting.length) {
          const w = waiting[next++]!;
          const msisdn = (w.data as { phone: string }).phone;
          try {
            await receiveInbound(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', channel: 'sms', msisdn, type: 'text', content: { text: 'YES' } });
          } catch (err) {
            // A web process answers 500 and the carrier sends the message again: so does this one, later.
            refused.push(String((err as { code?: string }).code ?? err));
            answered.delete(w.id);
          }
        }
      }),
    );
    if (!waiting.length) await sleep(200);
  }
})();

const open = () => db.workflowInstance.count({ where: { status: { in: ['running', 'waiting'] } } });
async function progress() {
  const c = (await campaignCounters(db, 'fault'))!;
  return `campaign ${c.status}, pending ${c.pending}; instances open ${await open()}; answered ${answered.size}; webhook arrivals ${arrivals.size}`;
}
while ((await campaignCounters(db, 'fault'))!.pending > M * (1 - KILL_AT)) {
  if (Date.now() > DEADLINE) throw new Error(`timed out before the kill: ${await progress()}`);
  await sleep(100);
}
log(`SIGKILL two workers: ${await progress()}`);
await Promise.all([stopProcess(workers[0]!, 'SIGKILL'), stopProcess(workers[1]!, 'SIGKILL')]);
await sleep(500);
workers[0] = startWorker(url, workerEnv);
workers.splice(1, 1);
log('one worker started again (3 running)');

const outboxEmpty = () =>
  read(db, function* (t) {
    return !(yield* t.one(`SELECT 1 FROM "MessageJob" WHERE "kind" = 'send' LIMIT 1`));
  });
const webhooksSettled = async () =>
  (await db.webhookDelivery.count({ where: { status: 'pending' } })) === 0 && (await db.event.count({ where: { dispatchedAt: null } })) === 0;
let lastReport = Date.now();
for (;;) {
  const done = (await open()) === 0 && (await campaignCounters(db, 'fault'))!.status === 'completed' && (await outboxEmpty()) && (await webhooksSettled());
  if (done || Date.now() > DEADLINE) break;
  if (Date.now() - lastReport > 15_000) {
    log(await progress());
    lastReport = Date.now();
  }
  await sleep(500);
}
const elapsed = (Date.now() - started) / 1000;
answering = false;
await answerer;
await Promise.all(workers.map((w) => stopProcess(w)));
receiver.close();

// The checks.
const figures = await read(db, function* (t) {
  const count = function* (sql: string, ...p: unknown[]) {
    return (yield* t.one<{ n: number }>(sql, ...p))!.n;
  };
  return {
    instancesCompleted: yield* count(`SELECT COUNT(*) AS "n" FROM "WorkflowInstance" WHERE "status" = 'completed'`),
    instancesOther: yield* count(`SELECT COUNT(*) AS "n" FROM "WorkflowInstance" WHERE "status" <> 'completed'`),
    stepsCompletedTwice: yield* count(
      `SELECT COUNT(*) AS "n" FROM (SELECT "instanceId", "stepId" FROM "WorkflowStepRun" WHERE "status" = 'completed' GROUP BY "instanceId", "stepId" HAVING COUNT(*) > 1) x`,
    ),
    instancesWithMessages: yield* count(
      `SELECT COUNT(DISTINCT "workflowId") AS "n" FROM "Message" WHERE "workflowId" IS NOT NULL AND "direction" = 'outbound'`,
    ),
    instancesNotSendingTwo: yield* count(
      `SELECT COUNT(*) AS "n" FROM (SELECT "workflowId" FROM "Message" WHERE "workflowId" IS NOT NULL AND "direction" = 'outbound' GROUP BY "workflowId" HAVING COUNT(*) <> 2) x`,
    ),
    recipientsWithAMessage: yield* count(`SELECT COUNT(DISTINCT "msisdn") AS "n" FROM "Message" WHERE "campaignId" = 'fault'`),
    recipientsWithTwo: yield* count(
      `SELECT COUNT(*) AS "n" FROM (SELECT "msisdn" FROM "Message" WHERE "campaignId" = 'fault' GROUP BY "msisdn" HAVING COUNT(*) > 1) x`,
    ),
    campaignMessagesQueued: yield* count(`SELECT COUNT(*) AS "n" FROM "Message" WHERE "campaignId" = 'fault' AND "status" = 'queued'`),
    messagesSentTwice: yield* count(
      `SELECT COUNT(*) AS "n" FROM (SELECT "messageId" FROM "MessageStatusChange" WHERE "state" = 'sent' GROUP BY "messageId" HAVING COUNT(*) > 1) x`,
    ),
    inboundEvents: yield* count(`SELECT COUNT(*) AS "n" FROM "Event" WHERE "eventType" = 'inbound_message_received'`),
    deliveriesSucceeded: yield* count(`SELECT COUNT(*) AS "n" FROM "WebhookDelivery" WHERE "status" = 'succeeded'`),
    deliveriesNotSucceeded: yield* count(`SELECT COUNT(*) AS "n" FROM "WebhookDelivery" WHERE "status" <> 'succeeded'`),
  };
});
const eventUmids = (await db.event.findMany({ where: { eventType: 'inbound_message_received' }, select: { body: true } })).map(
  (e) => (e.body as { payload: { umid: string } }).payload.umid,
);
const webhook = {
  eventsLost: eventUmids.filter((u) => !arrivals.has(u)).length,
  eventsArrivedTwiceOrMore: [...arrivals.values()].filter((k) => k > 1).length,
  arrivals: [...arrivals.values()].reduce((s, k) => s + k, 0),
};
const result = {
  instances: N,
  recipients: M,
  elapsedSeconds: Number(elapsed.toFixed(1)),
  answered: answered.size,
  answersRefused: refused.length,
  answeredAgain,
  refusedCodes: [...new Set(refused)],
  ...figures,
  ...webhook,
};
console.log(JSON.stringify(result, null, 2));
const failures = [
  figures.instancesCompleted !== N && `${N - figures.instancesCompleted} instances did not complete`,
  figures.stepsCompletedTwice && `${figures.stepsCompletedTwice} steps completed twice`,
  (figures.instancesWithMessages !== N || figures.instancesNotSendingTwo) && 'not every instance sent exactly its two messages',
  figures.recipientsWithAMessage !== M && `${M - figures.recipientsWithAMessage} recipients got no message`,
  figures.recipientsWithTwo && `${figures.recipientsWithTwo} recipients got more than one message`,
  figures.campaignMessagesQueued && `${figures.campaignMessagesQueued} campaign messages still queued`,
  figures.messagesSentTwice && `${figures.messagesSentTwice} messages handed to the carrier twice`,
  figures.inboundEvents < N && `${figures.inboundEvents} inbound events for ${N} answers`,
  webhook.eventsLost && `${webhook.eventsLost} webhook events never reached the receiver`,
].filter(Boolean);
console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS: every instance completed once, every recipient got one message, no webhook event lost');
await db.$disconnect();
process.exit(failures.length ? 1 : 0);
