import { expect, test, type CDPSession } from '@playwright/test';
import { ADMIN, signIn } from '../../e2e/fixtures';
import { FRAME_TRACE_CATEGORIES, percentile as pct, workPerFrame } from './frame-work';
import { generateWorkflow } from './generate-workflow';

const STEPS = 300;
const round = (v: number) => +v.toFixed(1);

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
}

test(`a ${STEPS}-step workflow imports, lays out and becomes interactive within 1 s; dragging a node keeps 95% of frames under 16 ms of main-thread CPU work`, async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  const wf = generateWorkflow(STEPS);
  expect(wf.definition.steps).toHaveLength(STEPS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('textbox', { name: 'Workflow JSON' }).fill(JSON.stringify(wf));

  // Timed in the page: from the Import click to the laid-out graph painted, then to a node click
  // answered by its properties panel.
  const cpu0 = await threadTime(cdp);
  const timing = await page.evaluate(async () => {
    const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const button = [...document.querySelectorAll<HTMLButtonElement>('[role=dialog] button')].find((b) => b.textContent?.trim() === 'Import')!;
    const t0 = performance.now();
    button.click();
    // Laid out and drawn: step nodes are on the canvas and the viewport has not moved for three
    // frames. Off-screen nodes are culled by design.
    const viewport = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    let last = '';
    let still = 0;
    while (still < 3) {
      await frame();
      const v = viewport();
      const ready = document.querySelector('[data-testid^="step-node-"]') && performance.now() - t0 > 100;
      still = ready && v === last ? still + 1 : 0;
      last = v;
    }
    const painted = performance.now() - t0 - 2 * 16.7;
    const rendered = document.querySelectorAll('.react-flow__node').length;
    const inner = document.querySelector<HTMLElement>('[data-testid^="step-node-"]')!;
    const id = inner.dataset.testid!.slice('step-node-'.length);
    const node = inner.closest<HTMLElement>('.react-flow__node')!;
    const t1 = performance.now();
    node.click();
    while (document.querySelector<HTMLInputElement>('#step-id')?.value !== id) await frame();
    const interactive = (await frame()) - t1;
    return { painted, interactive, total: painted + interactive, rendered };
  });
  const importCpu = (await threadTime(cdp)) - cpu0;

  // Drag a node in a loop for a while, recording frame intervals in the page and a trace of the
  // main thread. The node nearest the middle of the canvas, and a loop that stays clear of the
  // edges: near an edge React Flow pans the canvas instead (auto-pan), which is not a node drag.
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__frames = [];
    w.__rec = true;
    let last = performance.now();
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const grip = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const [cx, cy] = [pane.left + pane.width / 2, pane.top + pane.height / 2];
    const nodes = [...document.querySelectorAll<HTMLElement>('[data-testid^="step-node-"]')].map((n) => n.getBoundingClientRect());
    const box = nodes
      .filter((r) => r.left > pane.left && r.right < pane.right && r.top > pane.top && r.bottom < pane.bottom)
      .sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0]!;
    const at = { x: box.left + Math.min(10, box.width / 2), y: box.top + Math.min(5, box.height / 2) };
    const radius = Math.max(30, Math.min(120, at.x - pane.left - 60, pane.right - at.x - 60, at.y - pane.top - 60, pane.bottom - at.y - 60));
    return { ...at, radius };
  });
  const events: Parameters<typeof workPerFrame>[0] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: FRAME_TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  const cpu1 = await threadTime(cdp);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    const a = (i / 60) * 2 * Math.PI;
    await page.mouse.move(grip.x + grip.radius * Math.sin(a), grip.y + grip.radius * (1 - Math.cos(a)) * 0.5);
  }
  await page.mouse.up();
  const dragCpu = (await threadTime(cdp)) - cpu1;
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await traced;
  const intervals = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return w.__frames.slice(2);
  });
  const work = workPerFrame(events);
  expect(work.length).toBeGreaterThan(30);
  const wall = work.map((w) => w.wall);
  const cpu = work.map((w) => w.cpu);

  const report = {
    steps: STEPS,
    nodesRendered: timing.rendered,
    importLayoutPaintMs: Math.round(timing.painted),
    clickToPanelMs: Math.round(timing.interactive),
    importToInteractiveMs: Math.round(timing.total),
    importMainThreadCpuMs: Math.round(importCpu),
    // What the user sees: time between painted frames. Never below the refresh interval (16.7 ms at 60 Hz).
    dragFrames: intervals.length,
    frameIntervalMedianMs: round(pct(intervals, 0.5)),
    frameIntervalP95Ms: round(pct(intervals, 0.95)),
    frameIntervalMaxMs: round(Math.max(...intervals)),
    intervalsOver20Ms: intervals.filter((f) => f > 20).length,
    // What the page costs each frame: main-thread work from the trace, as wall time (inflated by
    // other processes on a busy machine) and as the thread's CPU time; and the drag's total
    // main-thread CPU (Performance.getMetrics ThreadTime) over the frames.
    tracedFrames: work.length,
    workWallMedianMs: round(pct(wall, 0.5)),
    workWallP95Ms: round(pct(wall, 0.95)),
    workWallMaxMs: round(Math.max(...wall)),
    framesOver16MsWall: wall.filter((w) => w > 16).length,
    workCpuMedianMs: round(pct(cpu, 0.5)),
    workCpuP95Ms: round(pct(cpu, 0.95)),
    workCpuMaxMs: round(Math.max(...cpu)),
    framesOver16MsCpu: cpu.filter((w) => w > 16).length,
    threadCpuPerFrameMs: round(dragCpu / work.length),
  };
  console.log(`BENCH editor ${JSON.stringify(report)}`);
  expect(report.importToInteractiveMs).toBeLessThanOrEqual(1000);
  // The page's own work per frame; the wall-clock figures above show what the machine's load added.
  expect(report.workCpuP95Ms).toBeLessThan(16);
});
