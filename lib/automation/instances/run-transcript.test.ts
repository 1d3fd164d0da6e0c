import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createWorkflow } from '@/lib/automation/workflows';
import { readInstancePath, startTestRun, type InstancePath } from '@/lib/automation/test-run';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { seedDemoTenant } from '@/test/factories';
import { consumedInbound } from './run-transcript';

async function until(instanceId: string, status: string): Promise<InstancePath> {
  const end = Date.now() + 10_000;
  for (;;) {
    const p = await readInstancePath(db, 'acme_corp', instanceId);
    if (p.status === status || Date.now() > end) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const say = (msisdn: string, text: string) =>
  receiveInbound(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', channel: 'whatsapp', msisdn, type: 'text', content: { text } });

/** "customer: Hi" / "bot: …" lines of a run's transcript. */
const lines = (p: InstancePath) =>
  p.messages.map((m) => {
    const c = m.content as { text?: string; interactive?: { body?: { text?: string } } };
    return `${m.direction === 'inbound' ? 'customer' : 'bot'}: ${c.text ?? c.interactive?.body?.text ?? m.type}`;
  });

const askBot = {
  subAccountId: 'acme_corp',
  trigger: 'inbound_chat_apps',
  status: 'disabled',
  definition: {
    name: 'Ask',
    steps: [
      {
        id: 'ask',
        stepType: 'ChatAppsMessage',
        inputs: {
          subAccountId: 'acme_corp',
          user: { msisdn: '{{data.payload.user.msisdn}}' },
          type: 'interactive',
          content: {
            interactive: {
              type: 'button',
              body: { text: 'Call back?' },
              action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
            },
          },
        },
        nextStepId: 'wait',
      },
      { id: 'wait', stepType: 'WaitForReply', inputs: { timeout: '00:05:00' }, outputs: { answer: '{{step.reply}}' }, nextStepId: 'done' },
      {
        id: 'done',
        stepType: 'ChatAppsMessage',
        inputs: {
          subAccountId: 'acme_corp',
          user: { msisdn: '{{data.payload.user.msisdn}}' },
          type: 'text',
          content: { text: 'You said {{data.answer.payload.content.text}}' },
        },
      },
    ],
  },
};

describe('a run transcript', () => {
  beforeAll(async () => {
    await seedDemoTenant();
  });

  it('holds the messages that started and resumed the run and what it sent, and nothing of the same customer’s other runs', async () => {
    const wf = await createWorkflow(db, 'acme_corp', askBot, { actor: SYSTEM_ACTOR, publish: false });
    const customer = '+6591110001';
    const first = await startTestRun(db, 'acme_corp', { workflowId: wf.id, mode: 'inbound', msisdn: customer, text: 'Hi' });
    await until(first.instanceId, 'waiting');
    await say(customer, 'Yes');
    expect(lines(await until(first.instanceId, 'completed'))).toEqual(['customer: Hi', 'bot: Call back?', 'customer: Yes', 'bot: You said Yes']);

    // The same customer runs it again, and writes once more after it ends (a message no run consumes).
    const second = await startTestRun(db, 'acme_corp', { workflowId: wf.id, mode: 'inbound', msisdn: customer, text: 'Hello again' });
    await until(second.instanceId, 'waiting');
    await say(customer, 'No');
    const secondDone = await until(second.instanceId, 'completed');
    await say(customer, 'anyone there?');

    expect(lines(secondDone)).toEqual(['customer: Hello again', 'bot: Call back?', 'customer: No', 'bot: You said No']);
    expect(lines(await readInstancePath(db, 'acme_corp', first.instanceId))).toEqual(['customer: Hi', 'bot: Call back?', 'customer: Yes', 'bot: You said Yes']);
    expect(lines(await readInstancePath(db, 'acme_corp', second.instanceId))).toEqual(lines(secondDone));
    // Each message as the Logs API shapes it, so the editor can draw it as WhatsApp does.
    const ask = secondDone.messages[1]!;
    expect(ask).toMatchObject({ type: 'interactive', direction: 'outbound', workflowId: second.instanceId });
    expect((ask.content as { interactive: { action: { buttons: unknown[] } } }).interactive.action.buttons).toHaveLength(1);
  });

  it('counts as consumed the trigger event and each WaitForReply reply, not a timeout', () => {
    const event = (umid: string) => ({ payload: { umid } });
    expect(
      consumedInbound(event('a'), [
        { stepType: 'ChatAppsMessage', outputs: { umid: 'sent-1' } },
        { stepType: 'WaitForReply', outputs: { reply: event('b') } },
        { stepType: 'waitforreply', outputs: { reply: null } },
        { stepType: 'WaitForReply', outputs: { reply: event('c') } },
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(consumedInbound({ price: 1 }, [])).toEqual([]);
  });
});
