import type { HookEvent } from './events';

export type HookHeaders = Record<string, string>;

/** A webhook as Logto models it (see docs/logto-webhooks.md). */
export type Hook = {
  id: string;
  name: string;
  events: HookEvent[];
  /** `retries`: Logto's `config.retries`, 0–3, retries after the first attempt (Logto: `?? 3`). */
  config: { url: string; headers: HookHeaders; retries: number };
  /** The empty string is no key (Logto's database default): no signature header is sent. */
  signingKey: string;
  /** How failed attempts are treated for this hook; null follows the app's default. */
  retryBehaviour: RetryBehaviour | null;
  enabled: boolean;
  createdAt: number;
};

/**
 * What a log row records: a delivery of an event to a hook, a request sent by a receiver check,
 * or a request the built-in receiver captured. Health and the default view count deliveries only.
 */
export const deliveryKinds = ['delivery', 'check', 'captured'] as const;
export type DeliveryKind = (typeof deliveryKinds)[number];

/**
 * How a delivery treats a failed attempt. `retry-5xx`: Logto's docs, and Logto's code from PR #9410
 * (August 2026) on, retry 5xx up to `config.retries ?? 3` times. `send-once`: Logto before that fix.
 */
export const retryBehaviours = ['retry-5xx', 'send-once'] as const;
export type RetryBehaviour = (typeof retryBehaviours)[number];

export const deliveryOutcomes = ['in_flight', 'success', 'failed', 'interrupted', 'cancelled'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

export type AttemptErrorKind = 'timeout' | 'refused' | 'reset' | 'tls' | 'dns' | 'network' | 'cancelled';

/** The request exactly as it went on the wire. */
export type SentRequest = {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
};

export type Attempt = {
  /** 1-based. */
  number: number;
  startedAt: number;
  durationMs: number;
  status: number | null;
  headers: Record<string, string> | null;
  /** Response body as text, cut at the capture cap. */
  body: string | null;
  bodyTruncated: boolean;
  error: { kind: AttemptErrorKind; message: string } | null;
  /** Why another attempt followed or not, e.g. `retried: 503 is 5xx`, `not retried: timed out`. */
  retry?: string;
  /** Something worth knowing that is not a failure, e.g. a body that took longer than 10 s after its headers. */
  note?: string;
};

export type DeliverySummary = {
  id: string;
  kind: DeliveryKind;
  /** The hook it went to (or, when captured, whose key verified it); null for a capture no hook's key verified. */
  hookId: string | null;
  event: HookEvent;
  createdAt: number;
  outcome: DeliveryOutcome;
  /** Status of the last attempt, null when no response arrived. */
  status: number | null;
  durationMs: number | null;
  attemptCount: number;
  /** The delivery (or captured request) this one sent again, when it is a redelivery (or a replay). */
  redeliveryOf: string | null;
};

export type Delivery = DeliverySummary & {
  request: SentRequest;
  attempts: Attempt[];
  /** Why the delivery failed, in words, when it did. */
  error: string | null;
  /** The rule its attempts followed; null for a captured request, which Hookbench did not send. */
  retryBehaviour: RetryBehaviour | null;
  /** The receiver check run it belongs to, for kind `check`. */
  runId: string | null;
};

/** What "Send test payload" answers for one event: shown at once, never logged. */
export type TestResult = {
  event: HookEvent;
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
  attemptCount: number;
};

export type HealthSummary = {
  hookId: string;
  total: number;
  succeeded: number;
  /** 0..1, null when there were no requests. */
  successRate: number | null;
  /** When its newest delivery was made (any time, not just the last 24 h); null when it has none. */
  lastDeliveryAt: number | null;
};

/** A hook that was removed while its deliveries were kept: they stay in the log until retention removes them. */
export type RemovedHook = {
  hookId: string;
  deliveries: number;
  /** When its newest delivery was made. */
  lastDeliveryAt: number | null;
};

export type HourlyCount = { hourStart: number; succeeded: number; failed: number };

export type Health = HealthSummary & { hourly: HourlyCount[] };

/** Something the user must know that happened outside any call, e.g. a file moved aside. */
export type Notice = { id: string; level: 'warning' | 'error'; message: string };

/** A webhook body before `hookId` is added: what "Trigger event" shows and lets the user edit. */
export type EventPayload = { event: HookEvent; createdAt: string } & Record<string, unknown>;

/** One request the built-in receiver answered or refused, for its activity list. */
export type ReceiverActivity = { at: number; method: string; path: string; status: number; note: string };

/** The built-in receiver as the user sees it: where it listens, what it captures, how hooks pointing at it are answered. */
export type ReceiverStatus = {
  running: boolean;
  port: number;
  /** 127.0.0.1 unless the user chose to listen on every interface. */
  host: string;
  /** e.g. http://127.0.0.1:4747 */
  baseUrl: string;
  capture: { enabled: boolean; forwardUrl: string | null };
  bodyLimitBytes: number;
  /** Scripted answers by hook id. */
  scripts: Record<string, string>;
  recent: ReceiverActivity[];
};

/** A payload the user kept for an event in "Trigger event", to send again later. */
export type SavedPayload = { id: string; event: HookEvent; name: string; payload: Record<string, unknown>; savedAt: number };

/** One "Trigger event": what was sent (null for the sample as is) and to how many hooks. */
export type TriggerRecord = { id: string; event: HookEvent; payload: Record<string, unknown> | null; at: number; deliveryCount: number };
