// Simulated customers of the menu bot: each conversation is "hi" (starts an instance that sends the menu
// and waits) then a choice (resumes it; it branches and replies). receiveInbound returns once the
// instance has run and its reply is queued, so the call's duration is the inbound-to-reply latency.

export type Send = (msisdn: string, text: string) => Promise<unknown>;

export type Figures = { inbound: number; seconds: number; perSecond: number; p50: number; p95: number; p99: number; max: number };

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

export function summarize(latencies: number[], seconds: number): Figures {
  const s = [...latencies].sort((a, b) => a - b);
  const r = (n: number) => Number(n.toFixed(1));
  return {
    inbound: s.length,
    seconds: r(seconds),
    perSecond: Math.round(s.length / seconds),
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s.at(-1) ?? NaN),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const texts = (i: number) => ['hi', String((i % 3) + 1)];

/** Closed loop without think time: each conversation sends its next message as soon as the reply is in. */
export async function closedLoop(send: Send, customers: number, seconds: number, phoneOf: (i: number) => string): Promise<Figures> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      while (Date.now() < end) {
        for (const text of texts(i)) {
          const t = performance.now();
          await send(phoneOf(i), text);
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  return summarize(latencies, (performance.now() - started) / 1000);
}

/**
 * Paced: each conversation sends its next message after its previous reply plus a think time chosen
 * so that its messages leave on average every customers/rate seconds (uniformly 0.5x to 1.5x of it);
 * a late reply shortens the next think time (never below zero). The offered load is thereby ~`rate`
 * while replies keep up, and drops as they fall behind, which the achieved rate shows.
 */
export async function paced(
  send: Send,
  customers: number,
  seconds: number,
  rate: number,
  phoneOf: (i: number) => string,
): Promise<Figures & { thinkMsMean: number }> {
  const latencies: number[] = [];
  let thinkTotal = 0;
  const interval = (customers / rate) * 1000;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      let due = started + Math.random() * interval;
      for (let k = 0; ; k++) {
        const think = Math.max(0, due - performance.now());
        thinkTotal += think;
        if (think > 0) await sleep(think);
        if (performance.now() >= end) break;
        const t = performance.now();
        await send(phoneOf(i), texts(i)[k % 2]);
        latencies.push(performance.now() - t);
        due = Math.max(due + interval * (0.5 + Math.random()), performance.now());
      }
    }),
  );
  const figures = summarize(latencies, (performance.now() - started) / 1000);
  return { ...figures, thinkMsMean: Number((thinkTotal / Math.max(1, latencies.length)).toFixed(1)) };
}

/** One message per customer, one after another: the latency of each on an otherwise idle runner. */
export async function oneByOne(send: Send, phones: string[], text: string): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (const phone of phones) {
    const t = performance.now();
    await send(phone, text);
    latencies.push(performance.now() - t);
  }
  return summarize(latencies, (performance.now() - started) / 1000);
}
