/**
 * "Did you mean …?" for a command word that is not one: the words other tools use for the same
 * thing (Postman, the Stripe and GitHub command lines), then a slip of a letter or two.
 */

/** Words users bring from other tools, and the command that does it here. */
const SYNONYMS: Record<string, string> = {
  create: 'add',
  new: 'add',
  update: 'edit',
  set: 'edit',
  delete: 'remove',
  rm: 'remove',
  del: 'remove',
  ls: 'list',
  rotate: 'rotate-key',
  roll: 'rotate-key',
  ping: 'test',
  log: 'logs',
  events: 'logs',
  deliveries: 'logs',
  get: 'show',
  inspect: 'show',
  view: 'show',
  send: 'trigger',
  fire: 'trigger',
  emit: 'trigger',
  resend: 'redeliver',
  retry: 'redeliver',
  replay: 'redeliver',
  serve: 'listen',
  receive: 'listen',
  forward: 'listen',
  verify: 'check',
  import: 'hooks import',
  add: 'hooks add',
  list: 'hooks list',
};

/** The command among `names` that `word` most likely meant, or null. */
export function meant(word: string, names: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const synonym = Object.hasOwn(SYNONYMS, lower) ? SYNONYMS[lower] : undefined;
  if (synonym !== undefined && names.includes(synonym)) return synonym;
  // A slip in a command's name, or in one of the words for it ("delte").
  const spellings = [...names.map((name) => [name, name]), ...Object.entries(SYNONYMS).filter(([, name]) => names.includes(name))];
  let best: { name: string; distance: number } | null = null;
  for (const [spelling, name] of spellings) {
    const distance = editDistance(lower, spelling!);
    // A slip is at most two letters, and never most of a short word.
    if (distance <= Math.min(2, Math.floor(spelling!.length / 3)) && (best === null || distance < best.distance))
      best = { name: name!, distance };
  }
  return best?.name ?? null;
}

/** Letters to add, drop or change to turn one word into the other; two neighbours swapped count as one. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}
