// The command's connection to the outside world, injectable so tests run main() in process.
import process from 'node:process';

/** Where the command writes and what it knows about its terminal. */
export interface CliIo {
  /** Writes text to standard output. */
  stdout: (text: string) => void;
  /** Writes text to standard error. */
  stderr: (text: string) => void;
  /** The folder relative paths are resolved against. */
  cwd: string;
  /** Whether standard output is a terminal (colours are used only then). */
  isTTY: boolean;
}

let pipesGuarded = false;

/**
 * A reader that goes away early (`kommunrapport formats | head -1`, a closed terminal) makes
 * the next write to its stream fail with EPIPE, which Node raises as an unhandled 'error'
 * event: a stack trace and exit code 1 after the work itself went well. Once the reader is
 * gone there is no one to tell, so what would have been written there is dropped and the
 * command ends with the exit code of its work (a build still publishes, then exits 0).
 */
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
}

/** The io of the running process. */
export function processIo(): CliIo {
  guardPipes();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}

/** What a command module receives when it registers: the io and a way to set the exit code. */
export interface CommandContext {
  io: CliIo;
  /** Raises the exit code of this run (the highest code set wins). */
  exit: (code: number) => void;
}

/** Exit codes of the command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
