import { afterEach, describe, expect, it } from 'vitest';
import { startLoops, type BackgroundTask, type LoopHandle } from '@/lib/jobs/background-loop';
import { registerLoops, setRemoteWaker, wakeBackgroundTask } from '@/lib/jobs/wake';

const g = globalThis as unknown as { parleyLoops?: LoopHandle };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waking background loops', () => {
  const running: LoopHandle[] = [];
  afterEach(async () => {
    for (const loops of running.splice(0)) await loops.stop();
    g.parleyLoops = undefined;
    setRemoteWaker(undefined);
  });

  function start(tasks: BackgroundTask[]): LoopHandle {
    const loops = startLoops(tasks);
    running.push(loops);
    return loops;
  }

  it('a wake-up that comes while the task runs makes it look again soon instead of sleeping its delay', async () => {
    let ticks = 0;
    let release: () => void = () => {};
    const loops = start([
      {
        name: 'outbox',
        tick: async () => {
          ticks++;
          // The first tick is held open while the producer commits its work and wakes the task.
          if (ticks === 1) await new Promise<void>((r) => (release = r));
          return 60_000;
        },
      },
    ]);
    await sleep(20);
    expect(ticks).toBe(1);
    loops.wake('outbox');
    release();
    // Without the remembered wake-up the loop would sleep its 60 s and the work would wait.
    for (const end = Date.now() + 5000; ticks < 2 && Date.now() < end; ) await sleep(10);
    expect(ticks).toBe(2);
    await sleep(100);
    expect(ticks).toBe(2);
  });

  it('other processes are woken only for tasks this process does not do itself', async () => {
    const tick = async () => 60_000;
    registerLoops(
      start([
        { name: 'outbox', tick },
        { name: 'scheduler', tick, singleton: true },
      ]),
    );
    const remote: Array<string | undefined> = [];
    setRemoteWaker((name) => remote.push(name));
    wakeBackgroundTask('outbox');
    wakeBackgroundTask('scheduler');
    wakeBackgroundTask('webhooks');
    wakeBackgroundTask();
    expect(remote).toEqual(['scheduler', 'webhooks', undefined]);
  });

  it('a process without loops wakes the others for everything', () => {
    const remote: Array<string | undefined> = [];
    setRemoteWaker((name) => remote.push(name));
    wakeBackgroundTask('outbox');
    expect(remote).toEqual(['outbox']);
  });
});
