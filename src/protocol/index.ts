// src/protocol — owns what passes between a seat and the drill's authority over the network: the roles and their rights, the refusals in zh and en, the Socket.IO messages and their schemas, and what each viewer may see. Browser-safe: imports core, the review record's schema and zod/mini.
export { actorOf, DRILL_ROLES, isDrillRole, refuseForRole, ROLE_TABLE, type DrillRole, type RoleRights } from './roles.ts';
export { REFUSAL_CODES, refusalText, type Lang, type RefusalCode } from './refusals.ts';
export {
  CLIENT_MESSAGE_KINDS, handshakeSchema, MAX_MESSAGE_BYTES, parseClientMessage, parseHandshake, RATE, SPEEDS,
  type Ack, type ClientMessageKind, type ClientMessages, type CommandMessage, type Handshake, type HandshakeRefusal, type Parsed,
  type Resync, type ResyncMessage, type ReviewLine, type ReviewMessage, type ServerMessages, type Speed, type SpeedMessage, type Welcome,
} from './messages.ts';
export { applyReveal, entryFor, isControlView, REDACTED, revealsFor, scenarioFor, type Reveal, type Viewer } from './views.ts';
