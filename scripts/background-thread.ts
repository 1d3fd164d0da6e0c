// The worker-thread entry of the web process's background work (lib/jobs/background-thread.ts).
import { parentPort } from 'node:worker_threads';
import { startBackgroundWork } from '@/lib/jobs/start-background-work';
import { composeParley } from './compose';

const loops = startBackgroundWork(composeParley().tasks);
parentPort?.on('message', (msg: { wake?: string; stop?: boolean }) => {
  if (msg.stop) void loops.stop().then(() => process.exit(0));
  else loops.wake(msg.wake);
});
