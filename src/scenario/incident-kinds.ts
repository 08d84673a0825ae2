// Which team capabilities handle an incident: the scenario's own `needs`, else its kind's (kinds.ts).
// Part of the format's vocabulary: the engine dispatches by it, scoring judges by it.
import { HANDLED_BY } from './kinds.ts';
import type { Incident } from './schema.ts';

export { HANDLED_BY };

/** The capabilities that can contain an incident: its own `needs`, else those of its kind. */
export const capabilitiesFor = (incident: Incident | undefined): readonly string[] => incident?.needs ?? (incident ? HANDLED_BY[incident.kind] : []);
