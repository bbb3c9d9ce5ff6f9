/** Hookbench's own bounds (Logto's are in logto.ts). */

/** Largest payload "Trigger event" sends, in UTF-8 bytes; a receiver built for Logto never sees more than a few kB. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
/**
 * Largest hooks file "Import hooks" reads. A hook exports as about 350 bytes (more with long
 * headers), so an export of tens of thousands of hooks still imports back; the bound only keeps a
 * wrong file (a disk image, /dev/zero) from being read into memory.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Response bodies are stored up to this many bytes; the rest is read off the wire and dropped. */
export const STORED_BODY_CAP = 64 * 1024;
/** The most deliveries one export from the app carries; the command line streams any number. */
export const APP_EXPORT_LIMIT = 20_000;

/** Size of text as it goes on the wire: UTF-8 bytes, not UTF-16 code units. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Bulk redelivery: sends per run unless told otherwise, the most a run may take, and sends a second by default. */
export const REDELIVERY_LIMIT_DEFAULT = 100;
export const REDELIVERY_MAX = 10_000;
export const REDELIVERY_RATE_DEFAULT = 10;

/** Chaos and load sends (events.triggerRun): the most times one run sends its event, and its fastest pace a second. */
export const TRIGGER_RUN_MAX_REPEAT = 100_000;
export const TRIGGER_RUN_MAX_RATE = 10_000;
