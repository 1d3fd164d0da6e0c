import type { Db } from '@/lib/db/client';
import { LOCKING, type Step, type Tx, write } from '@/lib/db/tx';
import { env } from '@/lib/env';
import { RUNNER_ID, leaseUntil } from './lease';
import { holdsLease, releaseLease, settleInstance, upsertStepRun, type InstanceSettle, type StepRunWrite } from './instance-rows';
import type { RunnerState } from './next-step';
import { LostLease } from './types';

/** Where an instance stands: its context, open If sequences, the step to run next and the runs so far. */
export type Position = { data: Record<string, unknown>; state: RunnerState; currentStepId: string | null; stepCount: number };

export type StepRun = Omit<StepRunWrite, 'instanceId'>;

// Runs of steps kept in memory this many at most, or this long, before they are written on their own.
const MAX_PENDING = 50;

/**
 * The runs of an instance's steps on their way to the database. A step's run is stored, with the
 * instance's position after it, in the first write transaction that follows it: the one that stores the
 * next step's effect (a send writes them with its message, see StepContext.persistWith), or the one that
 * makes the instance wait, fail or complete, or the ones just before and after a step whose effect is
 * no write of ours (an HTTP request). So no effect of a step is ever stored without the runs of the
 * steps before it, and a crash loses at most runs of steps that had no effect (Branch, If, JumpTo, a
 * wait's end already stored with its claim) or whose effect is idempotent (a send, keyed by instance,
 * step and visit), which the runner that takes over runs again from the position last stored.
 *
 * Every write matches only while this runner holds the instance's lease (and renews it); if another
 * runner took it over, LostLease rolls the transaction back, refusing the effect it carried.
 */
export class StepJournal {
  private pending: StepRun[] = [];
  private lastWrite = Date.now();
  /** How many pending runs the effect's transaction in flight carries. */
  private carried = 0;

  constructor(
    private readonly db: Db,
    private readonly instanceId: string,
  ) {}

  add(run: StepRun): void {
    this.pending.push(run);
  }

  /** Time to store the pending runs on their own: many of them, or the lease would lapse first. */
  get due(): boolean {
    return this.pending.length >= MAX_PENDING || Date.now() - this.lastWrite > env.AUTOMATION_LEASE_MS / 3;
  }

  private *writeRuns(t: Tx, runs: StepRun[]): Step<void> {
    for (const r of runs) yield* upsertStepRun(t, { ...r, instanceId: this.instanceId });
  }

  /** The pending runs and the position, the instance still running (lease renewed), in the caller's transaction. */
  *writeIn(t: Tx, position: Position, extraLeaseMs = 0): Step<void> {
    if (!this.pending.length && !extraLeaseMs) {
      // Nothing new to store (the step right after a claim or a write): only make sure we still hold it.
      if (!(yield* holdsLease(t, this.instanceId, RUNNER_ID))) throw new LostLease();
      return;
    }
    const { data, state, currentStepId, stepCount } = position;
    if (
      !(yield* settleInstance(t, this.instanceId, RUNNER_ID, {
        status: 'running',
        data,
        callStack: state,
        currentStepId,
        stepCount,
        leaseUntil: leaseUntil(extraLeaseMs),
      }))
    )
      throw new LostLease();
    yield* this.writeRuns(t, this.pending);
  }

  /** StepContext.persistWith for the step about to run at `position`. */
  writer(position: Position): (t: Tx) => Step<void> {
    const journal = this;
    return function* (t) {
      yield* journal.writeIn(t, position);
      // Set on every run of the body (PostgreSQL may run it again): the same value each time.
      journal.carried = journal.pending.length;
    };
  }

  /** After a step: if it carried the pending runs in its transaction and that committed, they are stored. */
  stepEnded(committed: boolean): void {
    if (committed && this.carried > 0) {
      this.pending.splice(0, this.carried);
      this.lastWrite = Date.now();
    }
    this.carried = 0;
  }

  /** Stores the pending runs on their own (the lease extended by `extraLeaseMs`, for a slow step). */
  async flush(position: Position, extraLeaseMs = 0): Promise<void> {
    if (!this.pending.length && !extraLeaseMs) return;
    const runs = this.pending.length;
    await write(this.db, (t) => this.writeIn(t, position, extraLeaseMs), LOCKING);
    this.pending.splice(0, runs);
    this.lastWrite = Date.now();
  }

  /** The instance waits, fails or completes: its last write, with the pending runs and its own. */
  async end(settle: InstanceSettle, last?: StepRun): Promise<void> {
    const runs = last ? [...this.pending, last] : this.pending;
    const journal = this;
    await write(
      this.db,
      function* (t) {
        if (!(yield* settleInstance(t, journal.instanceId, RUNNER_ID, settle))) throw new LostLease();
        yield* journal.writeRuns(t, runs);
      },
      LOCKING,
    );
    this.pending = [];
  }

  /**
   * Lets go of the instance for the background task to retry the step soon (the database was busy). Let
   * go of, not left to lapse: a busy database is no crash of the step, and must not count towards failing it.
   */
  static async releaseSoon(db: Db, instanceId: string): Promise<void> {
    await write(db, (t) => releaseLease(t, instanceId, RUNNER_ID, new Date(Date.now() + 500)));
  }
}
