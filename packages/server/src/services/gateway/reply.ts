import type { Readable } from 'node:stream';
import type { RelayOutcome } from '../../adapters/upstream/relay.js';

export type StreamOutcome = RelayOutcome;

/** Which event-stream grammar a streamed answer speaks: chat/text completions, or the Responses API. */
export type EventDialect = 'chat' | 'responses';

/** A whole answer, already read and checked (a JSON body that parses). */
export interface WholeReply {
  kind: 'whole';
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An answer relayed as it comes (SSE, audio): the route writes `body` onto its response. */
export interface StreamReply {
  kind: 'stream';
  status: number;
  headers: Record<string, string>;
  body: Readable;
  /** Set for an event stream: only whole events are relayed, and a cut-off stream ends with an error event. */
  events?: EventDialect | undefined;
  /** Sees every whole block of events and returns what to relay of it. */
  tap?: ((events: Buffer) => Buffer) | undefined;
  /** Called once, with how the relay ended. */
  onEnd: (outcome: StreamOutcome) => void;
}

/** What the gateway decided to answer; the OpenAI edge writes it. */
export type GatewayReply = WholeReply | StreamReply;
