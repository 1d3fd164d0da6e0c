import { expect, type Page } from '@playwright/test';
import { example, importJson } from './automation-editor-helpers';

/** Imports a workflow into a new one and waits until the server has it (the URL moves to /automation/<id>). */
export async function createSavedWorkflow(page: Page, workflow: unknown): Promise<string> {
  await page.goto('/automation/new');
  await importJson(page, workflow);
  await expect(page.getByTestId('save-state')).toContainText('Saved · draft v1', { timeout: 20_000 });
  await expect(page).toHaveURL(/\/automation\/[\w-]+$/);
  return new URL(page.url()).pathname;
}

/** The menu bot with a name of its own, so each test's workflow is told apart in lists. */
export function menuNamed(name: string) {
  const wf = example('menu-using-wait-for-reply');
  return { ...wf, status: 'disabled', definition: { ...wf.definition, name } };
}

/** The canvas zoom React Flow draws with. */
export async function canvasZoom(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? Number.NaN);
}

export type Box = { x: number; y: number; width: number; height: number };

/** Screen boxes of every node drawn on the canvas (trigger, steps, If groups), by node id. */
export async function nodeBoxes(page: Page): Promise<Map<string, Box>> {
  const list = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: (el as HTMLElement).dataset.id ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return new Map(list.map(({ id, ...b }) => [id, b]));
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

/** Ids of every edge drawn on the canvas ("<source>|<handle>"), sorted. */
export async function edgeIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id ?? el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^rf__edge-/, '')).sort();
}

/** Clicks an empty spot of the canvas, which clears the selection. */
export async function clickPane(page: Page) {
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 120 } });
}

/** Asks with reply buttons, waits for the answer and answers it. */
export const callBackBot = (name: string) => ({
  subAccountId: 'acme_corp',
  trigger: 'inbound_chat_apps',
  status: 'disabled',
  definition: {
    name,
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
              body: { text: 'Would you like a call back?' },
              action: {
                buttons: [
                  { type: 'reply', reply: { id: 'yes', title: 'Yes please' } },
                  { type: 'reply', reply: { id: 'no', title: 'No thanks' } },
                ],
              },
            },
          },
        },
        nextStepId: 'wait',
      },
      {
        id: 'wait',
        stepType: 'WaitForReply',
        inputs: { from: '{{data.payload.user.msisdn}}', channel: 'whatsapp', timeout: '00:05:00' },
        outputs: { answer: '{{step.reply}}' },
        selectNextStep: { route: '{{data.answer != null}}' },
      },
      {
        id: 'route',
        stepType: 'Branch',
        selectNextStep: { yes_msg: "{{stringContains(data.answer.payload.content.text, 'yes', true)}}", no_msg: null },
      },
      {
        id: 'yes_msg',
        stepType: 'ChatAppsMessage',
        inputs: { subAccountId: 'acme_corp', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'We will call you soon' } },
      },
      {
        id: 'no_msg',
        stepType: 'ChatAppsMessage',
        inputs: { subAccountId: 'acme_corp', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Alright, goodbye' } },
      },
    ],
  },
});
