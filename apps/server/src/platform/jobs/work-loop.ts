import type { Logger } from 'pino';

export interface WorkLoopOptions {
  /** Named in the log when a step fails. */
  readonly name: string;
  /** How often to look for work that another process queued (ms). */
  readonly pollMs: number;
  readonly log: Logger;
}

/**
 * A background worker's loop: runs `step` again at once while it finds work, otherwise sleeps until
 * `notify()` (work was queued here) or `pollMs` (work another process may have queued). A failing
 * step is logged and retried on the next turn; `stop()` waits for the step in progress.
 */
export class WorkLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pending = false;

  constructor(
    /** Does one unit of work; true when it found some. */
    private readonly step: () => Promise<boolean>,
    private readonly options: WorkLoopOptions,
  ) {}

  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false;
      let worked = false;
      try {
        worked = await this.step();
      } catch (err) {
        this.options.log.error({ err }, `${this.options.name} step failed`);
      }
      if (worked || this.pending || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
