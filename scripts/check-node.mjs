/**
 * Run before `npm install`, `npm test`, `npm start` and the command line (electron/cli/main.ts): on a Node older than Hookbench needs, say so
 * in one line (what is needed, what was found, how to get it) instead of failing deep inside a tool.
 * Written for old Nodes too: nothing newer than ES2017 besides the module syntax itself.
 */

/** The oldest Node Hookbench runs on: `node:sqlite` without a flag. Same as package.json "engines". */
export const MINIMUM_NODE = '22.19.0';

/** Null when `version` (as in process.versions.node) is new enough, else the line to print. */
export function nodeProblem(version) {
  const found = String(version).replace(/^v/, '');
  if (compareVersions(found, MINIMUM_NODE) >= 0) return null;
  return (
    'Hookbench needs Node.js ' +
    MINIMUM_NODE +
    ' or newer, but this is Node.js ' +
    found +
    '. ' +
    'Install Node.js 22 LTS or newer from https://nodejs.org/ (or run: nvm install 22), then run the command again.'
  );
}

function compareVersions(a, b) {
  const left = a.split('.').map((part) => parseInt(part, 10) || 0);
  const right = b.split('.').map((part) => parseInt(part, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((left[i] || 0) !== (right[i] || 0)) return (left[i] || 0) - (right[i] || 0);
  }
  return 0;
}

const problem = nodeProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
