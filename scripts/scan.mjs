/**
 * The security scan of the built app: Electronegativity over dist/, offline, failing on any finding.
 * Usage: node scripts/scan.mjs [folder]   (default: dist, after `npm run build`)
 *
 * Two things stand between the tool and this checkout; this wrapper settles both as it loads:
 * - its TypeScript parser (@typescript-eslint/typescript-estree 4) is hoisted beside our TypeScript 7,
 *   which has no JavaScript API; it is pointed at the TypeScript 4 the tool ships with.
 * - it fetches translations (and, in one check, Electron's release list) from the network. `got`
 *   is replaced by a stub that answers 404 at once without any I/O, so the scan never leaves the
 *   machine, keeps its bundled English and answers the same everywhere. The release-list check is
 *   excluded: offline it has nothing to say.
 * The Electron version is the installed one, so version-dependent defaults are judged for it.
 * A finding is accepted only by an `eng-disable <CheckId>` comment beside the code, saying why.
 */
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const toolRoot = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const bundledTypeScript = join(toolRoot, 'node_modules', 'typescript', 'lib', 'typescript.js');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const OFFLINE_GOT = `${toolRoot}#offline-got`;
const offlineGot = new Module(OFFLINE_GOT);
const notFetched = async () => ({ statusCode: 404, body: '' });
offlineGot.exports = Object.assign(notFetched, { get: notFetched, head: notFetched });
offlineGot.loaded = true;
Module._cache[OFFLINE_GOT] = offlineGot;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? '';
  if (request === 'typescript' && from.includes('@typescript-eslint')) return bundledTypeScript;
  if (request === 'got' && from.startsWith(toolRoot)) return OFFLINE_GOT;
  return resolveFilename.call(this, request, parent, ...rest);
};

const input = resolve(process.argv[2] ?? 'dist');
const run = require(join(toolRoot, 'dist', 'runner.js'));

// Class fields (`#private`, the request log's) come out of Babel as ESTree PropertyDefinition
// nodes only when asked; the tool's walker knows those and fails on Babel's own kind.
const parserModule = require(join(toolRoot, 'dist', 'parser', 'index.js'));
parserModule.Parser = class extends parserModule.Parser {
  constructor(...args) {
    super(...args);
    this.babelPlugins = this.babelPlugins.map((plugin) => (plugin === 'estree' ? ['estree', { classFeatures: true }] : plugin));
  }
};

const { issues, errors, atomicChecks, globalChecks } = await run(
  {
    input,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: require('electron/package.json').version,
    isRelative: true,
    isVerbose: true,
    parserPlugins: [],
  },
  false,
);
for (const error of errors)
  console.error(`${error.tolerable ? 'warning' : 'error'}: could not parse ${relative('.', error.file)}: ${error.message}`);
for (const issue of issues) {
  console.error(
    `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${join(relative('.', input), issue.file)}:${issue.location.line}:${issue.location.column}`,
  );
  console.error(`  ${issue.description}${issue.manualReview ? ' [review required]' : ''}`);
}
const failed = issues.length > 0 || errors.some((error) => !error.tolerable);
console.log(
  `electronegativity: ${atomicChecks + globalChecks} checks over ${relative('.', input) || '.'}, ${issues.length} finding(s) not explained${failed ? '' : ', clean'}`,
);
process.exitCode = failed ? 1 : 0;
