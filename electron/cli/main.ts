/**
 * The `hookbench` entry. The command line imports `node:sqlite`, which an older Node fails to load
 * with a stack trace before any of it runs; so the Node is checked first, and on one too old the
 * user reads one line saying what to install. Only then is the rest loaded.
 */
import '../../scripts/check-node.mjs';

await import('./hookbench');
