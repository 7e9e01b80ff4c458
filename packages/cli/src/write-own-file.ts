// Writing a file a command creates for the user (init's rapport.yaml): never through a
// symbolic link, dangling or not, since it could point anywhere outside the folder.
import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';

/**
 * Checks that `file` may be written: not a symbolic link, absent unless `force`, and in a
 * folder (or where one can be made: no file in the way).
 * Returns a sentence saying why not (with `shown` naming the file), or undefined.
 */
export function refuseToWrite(file: string, shown: string, force: boolean): string | undefined {
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    /* absent */
  }
  if (link) return `${shown} is a symbolic link; init never writes through one. Remove the link or choose another folder.`;
  // The folder, or the nearest of its parents that exists, must be a folder: `init notes.txt`
  // would otherwise fail with the system's EEXIST or ENOTDIR on mkdir.
  for (let dir = dirname(file), up = 1; dirname(dir) !== dir; dir = dirname(dir), up++) {
    let stats;
    try {
      stats = statSync(dir);
    } catch {
      continue; // absent (or under a file): its parent decides
    }
    if (stats.isDirectory()) break;
    const named = posix.normalize(`${shown}${'/..'.repeat(up)}`);
    return `${named} is ${stats.isFile() ? 'a file' : 'not a folder'}, so ${shown} cannot be written there. Give a folder (it is made when missing), or move the file away.`;
  }
  if (existsSync(file) && !force) return `${shown} already exists; use --force to replace it.`;
  return undefined;
}

/** Writes `text` to `file`, creating its folder; O_NOFOLLOW refuses a link made after the check, O_EXCL an existing file without `force`. Throws on failure. */
export function writeOwnFile(file: string, text: string, force: boolean): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | (force ? 0 : constants.O_EXCL), 0o644);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
