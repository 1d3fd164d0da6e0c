// Main-thread work per frame, from a Chrome trace recorded with FRAME_TRACE_CATEGORIES.
//
// A requestAnimationFrame interval can never be shorter than the display's refresh (16.7 ms at
// 60 Hz), so "frames under 16 ms" cannot be read from frame intervals. What the page controls is
// how much the main thread works for each frame: input handling, React, style, layout, paint. A
// frame's work is the renderer main thread's tasks between two consecutive BeginMainThreadFrame
// events (one per frame the main thread produces), counted two ways:
// - wall: how long those tasks took, which on a shared machine includes time the thread waited
//   for a core while other processes ran;
// - cpu: the thread's CPU time in them (the trace's `tdur`), the page's own work, whatever the load.

export const FRAME_TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline.frame'].join(',');

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number };

export type FrameWork = { wall: number; cpu: number };

/** Milliseconds of main-thread work in each frame, in frame order. */
export function workPerFrame(events: TraceEvent[]): FrameWork[] {
  const begins = events.filter((e) => e.name === 'BeginMainThreadFrame');
  if (!begins.length) return [];
  // The renderer main thread is the one that begins frames.
  const counts = new Map<string, number>();
  for (const e of begins) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const on = (e: TraceEvent) => `${e.pid}:${e.tid}` === main;
  const frames = begins
    .filter(on)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const tasks = events.filter((e) => on(e) && e.ph === 'X' && e.dur != null && /RunTask$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  const out: FrameWork[] = [];
  let t = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    const [from, to] = [frames[i]!, frames[i + 1]!];
    while (t < tasks.length && tasks[t]!.ts + tasks[t]!.dur! <= from) t++;
    let wall = 0;
    let cpu = 0;
    for (let j = t; j < tasks.length && tasks[j]!.ts < to; j++) {
      const task = tasks[j]!;
      const overlap = Math.min(task.ts + task.dur!, to) - Math.max(task.ts, from);
      if (overlap <= 0) continue;
      wall += overlap;
      // A task that straddles two frames counts in each for the share of it that fell there.
      cpu += task.dur! > 0 ? (task.tdur ?? task.dur!) * (overlap / task.dur!) : 0;
    }
    out.push({ wall: wall / 1000, cpu: cpu / 1000 });
  }
  return out;
}

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;
