// The worker of a batch build: loads the plugins once (so fonts, tables and schemas are
// parsed once per worker, not once per report), then builds one report per message and
// posts a small result back; the files themselves go straight to disk.
import { parentPort, workerData } from 'node:worker_threads';
import { BuildError, messageOf } from './build-error.js';
import { loadPlugin } from './load-plugin.js';
import { buildReport } from './pipeline.js';
import type { WorkerData, FromWorker, ToWorker } from './batch.js';
import type { Plugin } from './plugin.js';

const data = workerData as WorkerData;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
// What the worker is doing, written synchronously so the parent knows even when plugin code
// ends the thread before a message gets out: [0] the plugin importing, [1] the plugin rendering (index + 1).
const doing = new Int32Array(data.doing ?? new SharedArrayBuffer(8));

async function start(): Promise<void> {
  const plugins: Plugin<unknown>[] = [];
  try {
    for (const [i, ref] of data.plugins.entries()) {
      Atomics.store(doing, 0, i + 1);
      post({ type: 'loading', spec: ref.spec });
      plugins.push(await loadPlugin(ref.spec, ref.fromDir));
    }
  } catch (error) {
    post({ type: 'fatal', problem: error instanceof BuildError ? error.problem : { code: 'plugin-invalid', hook: 'load', message: messageOf(error) } });
    return;
  }
  if (data.probe) {
    post({ type: 'probed', plugins: plugins.map((p) => ({ name: p.name, formats: [...p.formats] })) });
    return;
  }
  let lastStep = 0;
  port.on('message', async (message: ToWorker) => {
    if (message.type !== 'build') return;
    Atomics.store(doing, 1, 0);
    const result = await buildReport({
      file: message.file,
      plugins,
      outDir: data.outDir,
      ...(data.options !== undefined ? { options: data.options } : {}),
      ...(data.optionsFile !== undefined ? { optionsSource: { file: data.optionsFile } } : {}),
      env: data.env,
      strict: data.strict,
      ...(data.cwd !== undefined ? { cwd: data.cwd } : {}),
      ...(data.site !== undefined ? { site: data.site } : {}),
      logger: { info: (m) => post({ type: 'log', level: 'info', message: m }), warn: (m) => post({ type: 'log', level: 'warn', message: m }) },
      progress: (event) => {
        if (event.stage === 'render') Atomics.store(doing, 1, plugins.findIndex((p) => p.name === event.plugin) + 1);
        if (!data.progress) return;
        // Stage changes always go through; a plugin's step counts at most every 100 ms.
        if (event.done !== undefined) {
          const now = Date.now();
          if (now - lastStep < 100) return;
          lastStep = now;
        }
        post({ type: 'progress', event });
      },
    });
    post({ type: 'result', result });
  });
  post({ type: 'ready', names: plugins.map((p) => p.name) });
}

void start();
