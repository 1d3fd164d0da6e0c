// What sharing the cores among more processes costs on this machine, with no Parley code: the same
// closed loop as the runner phase of bench/scale (a little JavaScript work, then a round trip to another
// process, many loops in flight per process), run by 1 client process and by 4, against echo processes
// that stand in for PostgreSQL's backends (one per connection, as PostgreSQL has). Prints the work done
// per second and the CPU per unit of work of the clients and the echo processes.
//   npx tsx bench/scale/process-switch.ts   (SWITCH_LOOPS=120 in all, BENCH_SECONDS=10,
//   SWITCH_RUNS=1:10,2:10,4:10,1:40: client processes : echo processes per client)
// If 4 clients cost about what 1 costs per unit, this machine rewards more processes and bench/scale's
// 4-process figure is Parley's to explain; if they cost much more, the machine charges for the switching.
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { busyPercent, machineTicks } from './scale-setup';

const role = process.argv[2];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOOPS = Number(process.env.SWITCH_LOOPS ?? 120);

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

// A unit of work: what a step of a request does between two statements, roughly (objects built,
// serialised and read back).
function work(i: number): number {
  const row = Object.fromEntries(Array.from({ length: 24 }, (_, k) => [`field_${k}`, k % 3 ? `value ${i} ${k}` : i * k]));
  const back = JSON.parse(JSON.stringify({ row, at: new Date(i).toISOString(), list: Object.keys(row) }));
  return back.list.length;
}

if (role === 'echo') {
  // One connection, like a PostgreSQL backend: answers each line with a line.
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (d) => socket.write(d));
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as net.AddressInfo).port }));
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpu: cpuMs(process.cpuUsage()) });
  });
} else if (role === 'client') {
  const ports = JSON.parse(process.argv[3]) as number[];
  const loops = Number(process.argv[4]);
  // A pool: a loop takes a free connection for one round trip, as a query takes a pooled client.
  const free: net.Socket[] = await Promise.all(
    ports.map(
      (port) =>
        new Promise<net.Socket>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => resolve(s));
          s.setNoDelay(true);
        }),
    ),
  );
  const waiting: ((s: net.Socket) => void)[] = [];
  const take = () => new Promise<net.Socket>((resolve) => (free.length ? resolve(free.pop()!) : waiting.push(resolve)));
  const give = (s: net.Socket) => (waiting.length ? waiting.shift()!(s) : free.push(s));
  const roundTrip = async (payload: string) => {
    const s = await take();
    await new Promise<void>((resolve) => {
      s.once('data', () => resolve());
      s.write(payload);
    });
    give(s);
  };
  let done = 0;
  let running = true;
  process.on('message', (m) => {
    if (m === 'stop') running = false;
  });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const loopsDone = Promise.all(
    Array.from({ length: loops }, async (_, k) => {
      for (let i = k; running; i += loops) {
        await roundTrip(`${work(i)}\n`);
        done++;
      }
    }),
  );
  // The first second warms up (the JIT), not counted.
  await new Promise((r) => setTimeout(r, 1000));
  const done0 = done;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await loopsDone;
  process.send!({ done: done - done0, seconds: (performance.now() - started) / 1000, cpu: cpuMs(process.cpuUsage(cpu0)) });
  process.exit(0);
} else {
  const self = fileURLToPath(import.meta.url);
  const start = (args: string[]) => fork(self, args, { execArgv: process.execArgv });
  const first = <T>(child: ChildProcess) => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  console.log(`process-switch: ${LOOPS} loops in all, ${SECONDS} s`);
  console.log('clients  echoes  units/s  cores busy %  CPU µs/unit clients / echoes');
  for (const run of (process.env.SWITCH_RUNS ?? '1:10,2:10,4:10,1:40').split(',')) {
    const [n, CONNECTIONS] = run.split(':').map(Number);
    const echoes = Array.from({ length: n * CONNECTIONS }, () => start(['echo']));
    const ports = await Promise.all(echoes.map((e) => first<{ port: number }>(e).then((m) => m.port)));
    const clients = Array.from({ length: n }, (_, c) =>
      start(['client', JSON.stringify(ports.slice(c * CONNECTIONS, (c + 1) * CONNECTIONS)), String(LOOPS / n)]),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const cpuOf = (e: ChildProcess) => {
      const answer = first<{ cpu: number }>(e);
      e.send('cpu');
      return answer;
    };
    const echoCpu = async () => (await Promise.all(echoes.map(cpuOf))).reduce((s, m) => s + m.cpu, 0);
    for (const c of clients) c.send('go');
    await new Promise((r) => setTimeout(r, 1000));
    const echo0 = await echoCpu();
    const machine0 = machineTicks();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const results = clients.map((c) => first<{ done: number; seconds: number; cpu: number }>(c));
    for (const c of clients) c.send('stop');
    const all = await Promise.all(results);
    const busy = busyPercent(machine0, machineTicks());
    const echo1 = await echoCpu();
    const done = all.reduce((s, r) => s + r.done, 0);
    const seconds = Math.max(...all.map((r) => r.seconds));
    const clientCpu = all.reduce((s, r) => s + r.cpu, 0);
    console.log(
      `${String(n).padStart(7)}  ${String(n * CONNECTIONS).padStart(6)}  ${String(Math.round(done / seconds)).padStart(7)}  ${String(busy ?? '–').padStart(11)}  ${((clientCpu * 1000) / done).toFixed(1).padStart(6)} / ${(((echo1 - echo0) * 1000) / done).toFixed(1)}`,
    );
    for (const e of echoes) e.kill();
  }
}
