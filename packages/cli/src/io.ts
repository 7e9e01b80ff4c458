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

/** The io of the running process. */
export function processIo(): CliIo {
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
