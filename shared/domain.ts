import type { HookEvent } from './events';

export type HookHeaders = Record<string, string>;

/** A webhook as Logto models it (see docs/logto-webhooks.md). */
export type Hook = {
  id: string;
  name: string;
  events: HookEvent[];
  config: { url: string; headers: HookHeaders };
  signingKey: string;
  enabled: boolean;
  createdAt: number;
};

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
};

export type DeliverySummary = {
  id: string;
  hookId: string;
  event: HookEvent;
  createdAt: number;
  outcome: DeliveryOutcome;
  /** Status of the last attempt, null when no response arrived. */
  status: number | null;
  durationMs: number | null;
  attemptCount: number;
};

export type Delivery = DeliverySummary & {
  request: SentRequest;
  attempts: Attempt[];
  /** Why the delivery failed, in words, when it did. */
  error: string | null;
  /** The delivery this one sent again, when it is a redelivery. */
  redeliveryOf: string | null;
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
};

export type HourlyCount = { hourStart: number; succeeded: number; failed: number };

export type Health = HealthSummary & { hourly: HourlyCount[] };

/** Something the user must know that happened outside any call, e.g. a file moved aside. */
export type Notice = { id: string; level: 'warning' | 'error'; message: string };

/** A webhook body before `hookId` is added: what "Trigger event" shows and lets the user edit. */
export type EventPayload = { event: HookEvent; createdAt: string } & Record<string, unknown>;

/** A payload the user kept for an event in "Trigger event", to send again later. */
export type SavedPayload = { id: string; event: HookEvent; name: string; payload: Record<string, unknown>; savedAt: number };

/** One "Trigger event": what was sent (null for the sample as is) and to how many hooks. */
export type TriggerRecord = { id: string; event: HookEvent; payload: Record<string, unknown> | null; at: number; deliveryCount: number };
