import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { startWorkflows } from '@/lib/automation/runner/start-instance';
import { createWorkflow, saveWorkflowDraft, setWorkflowStatus, updateWorkflow } from '@/lib/automation/workflows';
import { httpWorkflow, stepsOf } from '@/test/automation-helpers';
import { replyKey } from '@/lib/automation/steps/wait-for-reply';
import { routeDtmfToAutomation } from '@/lib/automation/route-inbound';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// Issue 12 item 1: a workflow of one account must never wait on, take over or send from another
// account's subaccount — refused when saved (a literal id) and when run (an id a script computes).

let other: Awaited<ReturnType<typeof createOtherTenant>>;
let n = 0;
const customer = () => `+659300${String(1000 + ++n)}`;

beforeAll(async () => {
  await seedDemoTenant();
  other = await createOtherTenant('victim');
});
beforeEach(async () => {
  await db.workflow.updateMany({ data: { status: 'disabled' } });
});

const wf = (steps: unknown[]) => ({ subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name: 'probe', steps } });

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

/** B's own auto-reply, which must keep seeing B's customers. */
async function victimAutoReply() {
  return createWorkflow(
    db,
    other.accountId,
    {
      subAccountId: other.subAccountId,
      trigger: 'inbound_chat_apps',
      status: 'enabled',
      definition: {
        name: 'victim bot',
        steps: [
          {
            id: 'hi',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'victim bot here' } },
          },
        ],
      },
    },
    { actor: SYSTEM_ACTOR },
  );
}

async function victimInbound(msisdn: string) {
  return receiveInbound(db, {
    accountId: other.accountId,
    subAccountId: other.subAccountId,
    channel: 'whatsapp',
    msisdn,
    type: 'text',
    content: { text: 'my one-time code is 424242' },
  });
}

describe('saving a workflow that names another account’s subaccount', () => {
  it.each([
    ['WaitForReply', { from: '+6591110003', subAccountId: 'VICTIM' }, 'subAccountId'],
    ['SendToConverse', { msisdn: '+6591110003', subAccountId: 'VICTIM' }, 'subAccountId'],
    ['SMS', { destination: '+6591110003', text: 'x', subAccountId: 'VICTIM' }, 'subAccountId'],
    ['ChatAppsMessage', { user: { msisdn: '+6591110003' }, type: 'text', content: { text: 'x' }, subAccountId: 'VICTIM' }, 'subAccountId'],
    ['VoiceMessage', { subaccountId: 'VICTIM', action: 'say', params: { destination: '+6591110003', text: 'x' } }, 'subaccountId'],
  ])('%s is refused with 1005 naming the step', async (stepType, inputs, key) => {
    const step = { id: 'evil', stepType, inputs: JSON.parse(JSON.stringify(inputs).replace('VICTIM', other.subAccountId)) };
    const err = await refusal(createWorkflow(db, 'acme_corp', wf([step]), { actor: SYSTEM_ACTOR }));
    expect(err.code).toBe(1005);
    expect(err.status).toBe(400);
    expect(err.issues).toEqual([
      { path: `definition.steps.0.inputs.${key}`, message: `Step 'evil': subaccount '${other.subAccountId}' is not a subaccount of this account` },
    ]);
  });

  it('is refused inside an If sequence, on update and on a draft save too', async () => {
    const ok = await httpWorkflow([{ id: 'w', stepType: 'WaitForReply', inputs: { from: '+6591110003', subAccountId: 'acme_corp_chatapps' } }]);
    const nested = wf([
      {
        id: 'if',
        stepType: 'If',
        inputs: { condition: '{{true}}' },
        do: [[{ id: 'deep', stepType: 'WaitForReply', inputs: { from: '1', subAccountId: other.subAccountId } }]],
      },
    ]);
    const e1 = await refusal(updateWorkflow(db, 'acme_corp', ok.id, nested, { actor: SYSTEM_ACTOR }));
    expect(e1.issues[0]).toMatchObject({ path: 'definition.steps.0.do.0.0.inputs.subAccountId' });
    const e2 = await refusal(saveWorkflowDraft(db, 'acme_corp', ok.id, nested, { actor: SYSTEM_ACTOR }));
    expect(e2.issues[0]?.message).toContain("Step 'deep'");
    // A subaccount that does not exist anywhere is refused the same way (no hint whose it is).
    const e3 = await refusal(
      createWorkflow(db, 'acme_corp', wf([{ id: 'x', stepType: 'SendToConverse', inputs: { subAccountId: 'no_such_sub' } }]), { actor: SYSTEM_ACTOR }),
    );
    expect(e3.issues[0]?.message).toBe("Step 'x': subaccount 'no_such_sub' is not a subaccount of this account");
  });

  it('accepts the account’s own subaccounts and ids computed by a script', async () => {
    await expect(
      createWorkflow(db, 'acme_corp', wf([{ id: 'w', stepType: 'WaitForReply', inputs: { from: '1', subAccountId: 'acme_corp_chatapps' } }]), {
        actor: SYSTEM_ACTOR,
      }),
    ).resolves.toMatchObject({ subAccountId: 'acme_corp' });
    await expect(
      createWorkflow(db, 'acme_corp', wf([{ id: 'w', stepType: 'WaitForReply', inputs: { from: '1', subAccountId: '{{data.sub}}' } }]), {
        actor: SYSTEM_ACTOR,
      }),
    ).resolves.toMatchObject({ definition: { steps: [{ id: 'w', inputs: { subAccountId: '{{data.sub}}' } }] } });
  });
});

describe('running a step whose script computes another account’s subaccount', () => {
  async function runProbe(steps: unknown[], data: Record<string, unknown>) {
    const probe = await httpWorkflow(steps);
    const [id] = await startWorkflows(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' }, data);
    await setWorkflowStatus(db, 'acme_corp', probe.id, 'disabled', SYSTEM_ACTOR);
    return { inst: await db.workflowInstance.findUniqueOrThrow({ where: { id } }), steps: await stepsOf(id) };
  }

  it('WaitForReply fails, and the victim’s customer still reaches the victim’s automation', async () => {
    const victimWf = await victimAutoReply();
    const msisdn = customer();
    const { inst, steps } = await runProbe(
      [
        {
          id: 'steal',
          stepType: 'WaitForReply',
          inputs: { from: '{{data.to}}', channel: 'whatsapp', subAccountId: '{{data.sub}}' },
          outputs: { stolen: '{{step.reply}}' },
        },
      ],
      { to: msisdn, sub: other.subAccountId },
    );
    expect(inst.status).toBe('failed');
    expect(inst.waitKey).toBeNull();
    expect(steps.at(-1)?.error).toBe(`WaitForReply step 'steal': subaccount '${other.subAccountId}' is not a subaccount of this workflow's account`);
    await victimInbound(msisdn);
    expect(await db.workflowInstance.count({ where: { definitionId: victimWf.id } })).toBe(1);
    await setWorkflowStatus(db, other.accountId, victimWf.id, 'disabled', SYSTEM_ACTOR);
  });

  it('SendToConverse fails and opens no ticket that would mute the victim’s automation', async () => {
    const msisdn = customer();
    const { inst } = await runProbe([{ id: 'mute', stepType: 'SendToConverse', inputs: { msisdn: '{{data.to}}', subAccountId: '{{data.sub}}' } }], {
      to: msisdn,
      sub: other.subAccountId,
    });
    expect(inst.status).toBe('failed');
    expect(await db.converseTicket.count({ where: { subAccountId: other.subAccountId } })).toBe(0);
    const victimWf = await victimAutoReply();
    await victimInbound(msisdn);
    expect(await db.workflowInstance.count({ where: { definitionId: victimWf.id } })).toBe(1);
    await setWorkflowStatus(db, other.accountId, victimWf.id, 'disabled', SYSTEM_ACTOR);
  });

  it('send steps fail without sending from the other account', async () => {
    const msisdn = customer();
    const { inst, steps } = await runProbe(
      [{ id: 'spoof', stepType: 'SMS', inputs: { destination: '{{data.to}}', text: 'hi', subAccountId: '{{data.sub}}' } }],
      { to: msisdn, sub: other.subAccountId },
    );
    expect(inst.status).toBe('failed');
    expect(steps.at(-1)?.error).toBe(`Failed to send SMS message because Subaccount '${other.subAccountId}' not found`);
    expect(await db.message.count({ where: { msisdn, direction: 'outbound' } })).toBe(0);
  });
});

describe('routing an inbound message or key press', () => {
  it('never resumes another account’s instance, whatever its wait key says (an instance saved before the check)', async () => {
    const probe = await httpWorkflow([{ id: 'w', stepType: 'WaitForReply', inputs: { from: '+6591119999', channel: 'whatsapp' } }]);
    const [id] = await startWorkflows(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', trigger: 'http_request' }, {});
    const msisdn = customer();
    // As a workflow saved before the check could have left it: waiting on the victim's conversation.
    await db.workflowInstance.update({ where: { id }, data: { waitKey: replyKey(other.subAccountId, 'whatsapp', msisdn) } });
    // And a ticket of this account on the victim's conversation, as a hand-over saved before the check could have left it.
    const at = new Date();
    await db.converseTicket.create({
      data: {
        id: `probe_${msisdn}`,
        accountId: 'acme_corp',
        subAccountId: other.subAccountId,
        channel: 'whatsapp',
        msisdn,
        status: 'queued',
        lastMessageAt: at,
        statusAt: at,
        createdAt: at,
        updatedAt: at,
      },
    });
    const victimWf = await victimAutoReply();
    await victimInbound(msisdn);
    expect(await db.workflowInstance.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'waiting' });
    expect(await db.workflowInstance.count({ where: { definitionId: victimWf.id } })).toBe(1);
    await db.workflowInstance.update({
      where: { id },
      data: { waitKind: 'dtmf', waitKey: 'victim-call', waitAddress: `${other.subAccountId}|voice|${msisdn.replace(/\D/g, '')}` },
    });
    expect(
      await routeDtmfToAutomation(db, {
        accountId: other.accountId,
        subAccountId: other.subAccountId,
        destination: msisdn,
        dtmf: '1',
        clientRequestId: 'victim-call',
      }),
    ).toMatchObject({ resumed: 0 });
    await setWorkflowStatus(db, other.accountId, victimWf.id, 'disabled', SYSTEM_ACTOR);
    await setWorkflowStatus(db, 'acme_corp', probe.id, 'disabled', SYSTEM_ACTOR);
  });
});
