// Holds SIGINT/SIGTERM that arrive while the CLI starts the sampler, and hands them to the command once it runs.
/**
 * Signals that arrive while the sampler starts (before the command runs) are held and handed to the
 * command as soon as it exists, so an early Ctrl-C still ends with a report rather than a dead CLI.
 */
export class SignalRelay {
  private readonly early: NodeJS.Signals[] = [];
  private target: ((sig: NodeJS.Signals) => void) | null = null;
  private readonly handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const h = (): void => (this.target ? this.target(sig) : void this.early.push(sig));
    process.on(sig, h);
    return [sig, h] as const;
  });

  forwardTo(send: (sig: NodeJS.Signals) => void): void {
    this.target = send;
    for (const sig of this.early.splice(0)) send(sig);
  }

  close(): void {
    for (const [sig, h] of this.handlers) process.off(sig, h);
  }
}
