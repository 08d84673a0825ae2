// Which team capabilities handle an incident kind when the scenario gives no `needs` [E]. Part of
// the format's vocabulary: the engine dispatches by it, scoring judges by it.
import type { Incident } from './schema.ts';

export const HANDLED_BY: Readonly<Record<Incident['kind'], readonly string[]>> = {
  earthquake: [], aftershock: [], other: [],
  collapse: ['usar'], trapped: ['usar'], fire: ['fire'], 'gas-leak': ['hazmat', 'fire'], 'chemical-leak': ['hazmat'],
  'power-outage': ['power-repair'], 'hospital-power': ['power-repair'], 'telecom-outage': ['telecom-repair', 'communications'],
  'water-outage': ['engineering'], 'road-blocked': ['road-repair', 'engineering'], 'bridge-damage': ['road-repair', 'engineering'],
  landslide: ['engineering', 'road-repair'], 'dam-risk': ['engineering', 'monitoring'], casualties: ['medical'],
  displaced: ['shelter', 'logistics'], 'public-order': ['security'], epidemic: ['epidemic', 'medical'], rumour: ['information'],
};

/** The capabilities that can contain an incident: its own `needs`, else those of its kind. */
export const capabilitiesFor = (incident: Incident | undefined): readonly string[] => incident?.needs ?? (incident ? HANDLED_BY[incident.kind] : []);
