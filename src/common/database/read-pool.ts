import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseUnavailableError } from '../errors';
import { expired, timeLeft, timeoutError, type LongReadOptions } from './long-read';

/**
 * The worker's entry file. From the compiled server (dist/) it is the .js beside this one. Under
 * ts-jest this file is the .ts source, which plain `node` cannot run, so the compiled worker in
 * dist/ is used: `npm test` and `npm run test:pg` build first. The worker imports nothing of the
 * project, so a dist/ built from the same worker source serves any version of the rest.
 */
function workerEntry(): string {
  const beside = path.join(__dirname, 'read-pool.worker.js');
  if (__filename.endsWith('.js')) return beside;
  const compiled = path.resolve(__dirname, '../../../dist/src/common/database/read-pool.worker.js');
  if (!existsSync(compiled)) throw new Error(`the read worker is not built (${compiled}): run \`npm run build\``);
  return compiled;
}

interface Job {
  id: number;
  sql: string;
  parameters: unknown[];
  options: LongReadOptions;
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
  /** Stops the job's deadline timer and abort listener. */
  cleanup(): void;
  settled?: boolean;
}

interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

/** One worker process and the job it runs (null while idle). */
interface Worker {
  process: ChildProcess;
  job: Job | null;
}

/**
 * A pool of processes that run long SQLite reads (search, networks, timelines, filtered counts)
 * off the main thread, so the server keeps answering while they run and a request's deadline
 * can stop them.
 *
 * Processes, not worker threads: better-sqlite3 cannot interrupt a statement (its SQLite is built
 * without the progress callback and it has no sqlite3_interrupt), and `Worker.terminate()` waits
 * until the native call returns, so a "terminated" thread would go on burning a core to the
 * statement's end and would hold up the process's exit as long. A killed process stops at once.
 *
 * Each worker opens the file read-only, on its first job; workers start when jobs need them
 * (up to `size`) and are replaced when one is killed. Jobs wait in a queue, first come first
 * served; a queued job whose signal aborts or whose deadline passes is dropped, a running one
 * has its worker killed. Either way it rejects with RequestTimeoutError.
 */
export class ReadPool {
  /** For tests: how many workers were started and killed, and how many jobs were run. */
  readonly stats = { workersStarted: 0, workersKilled: 0, jobs: 0 };
  private readonly workers = new Set<Worker>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private suspended = false;
  private closed = false;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  /** Runs a read (`?` placeholders) in a worker; rows as objects. */
  run<T>(sql: string, parameters: unknown[], options: LongReadOptions = {}): Promise<T[]> {
    if (this.closed || this.suspended) return Promise.reject(new DatabaseUnavailableError());
    if (expired(options)) return Promise.reject(timeoutError(options));
    this.stats.jobs += 1;
    return new Promise<T[]>((resolve, reject) => {
      const job: Job = { id: this.nextId++, sql, parameters, options, resolve: resolve as Job['resolve'], reject, cleanup: () => undefined };
      const giveUp = () => this.giveUp(job);
      const left = timeLeft(options);
      const timer = Number.isFinite(left) ? setTimeout(giveUp, left) : null;
      options.signal?.addEventListener('abort', giveUp, { once: true });
      job.cleanup = () => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', giveUp);
      };
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * The database is unavailable (its file gone or replaced): workers are killed, so none keeps
   * reading a file that is no longer the database, and jobs reject until `resume`.
   */
  suspend(): void {
    this.suspended = true;
    this.stopAll(() => new DatabaseUnavailableError());
  }

  /** The database is back: new workers open the file that is there now, when jobs need them. */
  resume(): void {
    if (!this.closed) this.suspended = false;
  }

  /** Kills every worker and fails what is queued or running; resolves when the processes have exited. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = [...this.workers].map((worker) => exited(worker.process));
    // Reads still running when the server shuts down (their clients already gone, or past the grace period): unavailable, not a fault.
    this.stopAll(() => new DatabaseUnavailableError());
    await Promise.all(exits);
  }

  private stopAll(error: () => Error): void {
    for (const job of this.queue.splice(0)) this.settle(job, error());
    for (const worker of [...this.workers]) {
      const job = worker.job;
      this.kill(worker);
      if (job) this.settle(job, error());
    }
  }

  /** Gives each idle (or startable) worker the next queued job. */
  private dispatch(): void {
    while (this.queue.length) {
      let worker = [...this.workers].find((w) => !w.job);
      if (!worker && this.workers.size < this.size) {
        try {
          worker = this.start();
        } catch (error) {
          this.settle(this.queue.shift()!, error as Error);
          continue;
        }
      }
      if (!worker) return;
      const job = this.queue.shift()!;
      worker.job = job;
      // A busy worker keeps the process alive (its answer is awaited); an idle one does not.
      worker.process.ref();
      worker.process.channel?.ref();
      worker.process.send({ id: job.id, sql: job.sql, parameters: job.parameters });
    }
  }

  private start(): Worker {
    // execArgv: [] so the parent's flags (--inspect, heap sizes) are not copied; 'advanced' serialization keeps numbers and strings as they are.
    const child = fork(workerEntry(), [this.file], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker: Worker = { process: child, job: null };
    this.workers.add(worker);
    this.stats.workersStarted += 1;
    child.on('message', (reply: Reply) => this.finished(worker, reply));
    child.once('exit', (code, signal) => {
      if (!this.workers.delete(worker)) return; // killed on purpose
      const job = worker.job;
      if (job) this.settle(job, new Error(`a read worker exited while reading (${signal ?? `code ${code}`})`));
      this.dispatch();
    });
    child.on('error', () => undefined); // a failed spawn also ends in 'exit'
    this.idle(worker);
    return worker;
  }

  private finished(worker: Worker, reply: Reply): void {
    const job = worker.job;
    if (!job || job.id !== reply.id) return;
    worker.job = null;
    this.idle(worker);
    if (reply.error) this.settle(job, Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    else this.settle(job, null, reply.rows);
    this.dispatch();
  }

  /** The job's deadline passed or its signal aborted: drop it if queued, kill its worker if running. */
  private giveUp(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const worker = [...this.workers].find((w) => w.job === job);
    if (worker) this.kill(worker);
    this.settle(job, timeoutError(job.options));
    this.dispatch(); // a replacement takes the next queued job
  }

  private kill(worker: Worker): void {
    this.workers.delete(worker);
    worker.job = null;
    // Referenced until it has exited (at once: SIGKILL), so that close() can wait for that.
    worker.process.ref();
    worker.process.kill('SIGKILL');
    this.stats.workersKilled += 1;
  }

  private idle(worker: Worker): void {
    worker.process.unref();
    worker.process.channel?.unref();
  }

  private settle(job: Job, error: Error | null, rows?: unknown[]): void {
    if (job.settled) return;
    job.settled = true;
    job.cleanup();
    if (error) job.reject(error);
    else job.resolve(rows!);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
