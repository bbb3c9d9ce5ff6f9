/** Bundles `entry` for plain Node and answers the path of the runnable file. */
export function bundleForNode(entry: string, name: string): Promise<string>;
