// A stand-in for the npm registry, for the packages of this repository only: it serves each
// packed tarball in a folder under its package name, the way the registry will once they are
// published. The pack test points npm's @kommunrapport scope here
// (npm_config_@kommunrapport:registry), so `npm install @kommunrapport/cli`,
// `npx @kommunrapport/create-plugin <name>` and a scaffolded plugin's `npm install` run as
// printed; every other package still comes from the real registry.
//
// Usage: node registry-stand-in.mjs <folder with *.tgz>; prints its address on one line, then
// serves until it is killed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node registry-stand-in.mjs <folder with *.tgz>\n');
  process.exit(2);
}

/** Package name → its manifest, tarball file name and bytes. */
const packages = new Map();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.tgz'))) {
  const bytes = readFileSync(join(folder, file));
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', join(folder, file), 'package/package.json'], { encoding: 'utf8' }));
  packages.set(manifest.name, { manifest, file, bytes });
}
const byFile = new Map([...packages.values()].map((p) => [p.file, p]));

let base = '';
const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  if (path.startsWith('-/tarballs/')) {
    const p = byFile.get(path.slice('-/tarballs/'.length));
    return p ? send(200, 'application/octet-stream', p.bytes) : send(404, 'application/json', '{"error":"Not found"}');
  }
  const p = packages.get(path);
  if (!p) return send(404, 'application/json', '{"error":"Not found"}');
  const { manifest, file, bytes } = p;
  const packument = {
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: {
      [manifest.version]: {
        ...manifest,
        _id: `${manifest.name}@${manifest.version}`,
        dist: {
          tarball: `${base}-/tarballs/${file}`,
          integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
          shasum: createHash('sha1').update(bytes).digest('hex'),
        },
      },
    },
  };
  return send(200, 'application/json', JSON.stringify(packument));
});
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}/`;
  process.stdout.write(`${base}\n`);
});
