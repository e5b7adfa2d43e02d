// Summarizes V8 CPU profiles (`npm run bench -- --rounds 1 --cpu-prof`, or `node --cpu-prof …`): where the time goes,
// and how much of it is the plugin's own code, by rule and by function.
// Usage: node bench/profile.js <file.cpuprofile | folder> [...]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PLUGIN_CODE = /\/dist\/(?:rules|utils)\/(?:[\w-]+\/)*[\w-]+\.js$/;
const TOP = 15;

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: node bench/profile.js <file.cpuprofile | folder> [...]');
  process.exit(2);
}
for (const input of inputs) {
  const files = statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((name) => name.endsWith('.cpuprofile'))
        .map((name) => path.join(input, name))
    : [input];
  for (const file of files) summarize(file);
}

function summarize(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

  const selfByFunction = new Map();
  const byRule = new Map();
  const pluginSelf = new Map();
  let total = 0;
  let gc = 0;
  let plugin = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const node = nodes.get(id);
    add(selfByFunction, describe(node.callFrame), micros);
    if (node.callFrame.functionName === '(garbage collector)') gc += micros;
    // The outermost plugin frame: the rule listener (or shared util) that ESLint called.
    let outermost;
    for (let current = id; current !== undefined; current = parents.get(current)) {
      if (PLUGIN_CODE.test(nodes.get(current).callFrame.url)) outermost = nodes.get(current);
    }
    if (outermost !== undefined) {
      plugin += micros;
      add(byRule, describe(outermost.callFrame), micros);
      if (PLUGIN_CODE.test(node.callFrame.url)) add(pluginSelf, describe(node.callFrame), micros);
      else add(pluginSelf, `(called from plugin) ${describe(node.callFrame)}`, micros);
    }
  });

  const ms = (micros) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(2).padStart(6)}%`;
  console.log(`\n# ${file}\n`);
  console.log(`sampled ${ms(total)}; garbage collector ${ms(gc)}; plugin code (inclusive) ${ms(plugin)}`);
  const list = (title, map) => {
    console.log(`\n${title}`);
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(micros)}  ${key}`);
  };
  list('Self time, all code:', selfByFunction);
  list('Plugin time by entry point (the listener ESLint called), inclusive:', byRule);
  list('Plugin time by function, self (and what plugin code calls):', pluginSelf);
}

function describe({ functionName, url, lineNumber }) {
  const where = url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/dist\//, 'dist/');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

function add(map, key, value) {
  map.set(key, (map.get(key) ?? 0) + value);
}
