// What a choice or an order does in the simulation: one schema, used by the scenario format (its
// decisions' effects, src/scenario/schema.ts) and by the drill's `order` command (src/core/events.ts).
// Written with zod/mini — the same core as classic zod, which accepts these schemas inside its own
// objects — so the app's first screen, which checks commands, carries neither classic zod nor the
// scenario schema (issue 8); the JSON Schema export reads their metadata from the same registry.
import { z } from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini carries no wording of its own; classic zod installs English on first use. Set here so a
// command's refusal reads the same whether or not classic zod has loaded (an explicit locale wins).
z.config(en());

/** Ids as the scenario writes them; also keeps prototype names such as 'toString' out. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MESSAGE = 'ids are lower-case letters, digits and hyphens, e.g. "fire-rescue"';
export const ID_DESCRIPTION = 'An identifier, unique in the whole file: lower-case letters, digits and hyphens.';
/** How a reference to an id defined elsewhere in the file is described (the linter checks it resolves). */
export const refDescription = (what: string) => `The id of ${what} defined in this file.`;

/**
 * A copy of `schema` carrying `meta` for the JSON Schema, as classic zod's .describe() and .meta()
 * make it: registry metadata only. (zod/mini's z.describe() is a check instead, run on every parse.)
 */
function described<T extends z.ZodMiniType>(schema: T, meta: string | z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy as z.ZodMiniType, typeof meta === 'string' ? { description: meta } : meta);
  return copy;
}

/**
 * zod/mini's strictObject parsed by the compiled object parser that classic zod's objects use
 * (zod/mini ships the interpreted one to stay small; the compiled one is in the page's core anyway,
 * the lazy classic chunk shares it): an order parses in ≈ 0.9 µs of CPU instead of ≈ 2 µs, and
 * every entry of a log goes through these.
 */
const ZodMiniObjectJIT = z.core.$constructor<z.ZodMiniObject>('ZodMiniObjectJIT', (inst, def) => {
  z.core.$ZodObjectJIT.init(inst, def);
  z.ZodMiniType.init(inst, def);
  z.core.util.installLazyProp(inst, 'shape', (self: z.ZodMiniObject) => self._zod.def.shape, false);
});
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T): ReturnType<typeof z.strictObject<T>> {
  return new ZodMiniObjectJIT(z.strictObject(shape).def) as unknown as ReturnType<typeof z.strictObject<T>>;
}

const id = described(z.string().check(z.regex(ID_PATTERN, ID_MESSAGE)), ID_DESCRIPTION);
const ref = (what: string) => described(id, refDescription(what));

/**
 * The most people one number may count (a population, an evacuation, a death toll, beds): above
 * the 32 million residents of Chongqing, China's most populous municipality (2020 census) [E].
 * A stray run of digits otherwise overflows the casualty sums.
 */
export const MAX_PEOPLE = 50_000_000;
export const COUNT_MESSAGE = `a count of people is at most ${MAX_PEOPLE.toLocaleString('en')} (more than China's most populous municipality); check for extra digits`;
/**
 * The most teams of one kind a unit may field: the engine tracks every team one by one, and a
 * city's whole fire-and-rescue detachment fields tens of teams, so a thousand is far beyond a real
 * one [E]; a million passed before and made every dispatch scan a million teams.
 */
export const MAX_TEAMS = 1_000;

const count = z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_PEOPLE, COUNT_MESSAGE));
export const severityStep = described(z.number().check(z.int(), z.minimum(1), z.maximum(4)), 'Severity steps to add.');
const act = <T extends string>(name: T, what: string) => described(z.literal(name), what);

export const LEVELS = ['I', 'II', 'III', 'IV'] as const;
export const LEVEL_OR_NONE = ['none', ...LEVELS] as const;

export const effect = described(
  z.discriminatedUnion('do', [
    strictObject({ do: act('set-level', 'Set the response level.'), level: described(z.enum(LEVEL_OR_NONE), 'The new level; none ends the response.') }),
    strictObject({ do: act('activate-group', 'Activate a working group.'), group: ref('a working group') }),
    strictObject({ do: act('stand-down-group', 'Stand an activated working group down.'), group: ref('a working group') }),
    strictObject({ do: act('dispatch', 'Send a team.'), team: ref('a team'), to: ref('a settlement, facility or incident'), count: described(z._default(z.number().check(z.int(), z.positive(), z.maximum(MAX_TEAMS)), 1), 'How many of the unit\'s teams of that kind.') }),
    strictObject({ do: act('contain', 'Bring an incident under control.'), incident: ref('an incident') }),
    strictObject({ do: act('worsen', 'Make an incident worse (a harmful choice).'), incident: ref('an incident'), by: severityStep }),
    strictObject({ do: act('restore', 'Bring a facility back into service (power, telecom).'), facility: ref('a facility') }),
    strictObject({ do: act('open-shelter', 'Open a shelter.'), facility: ref('a facility') }),
    strictObject({ do: act('evacuate', 'Move people out of a place.'), place: ref('a settlement or facility'), people: described(count, 'How many people.') }),
    strictObject({ do: act('close-route', 'Close a road (traffic control).'), route: ref('a route') }),
    strictObject({ do: act('open-route', 'Reopen a road (cleared).'), route: ref('a route') }),
    strictObject({ do: act('notify', 'Tell other seats.'), to: described(z.array(ref('a unit, group, county HQ or the HQ')).check(z.minLength(1)), 'Who is told.') }),
    strictObject({ do: act('fire-inject', 'Deliver another inject now.'), inject: ref('an inject') }),
  ]),
  { id: 'Effect', description: 'What a choice does in the simulation: set-level, activate-group, stand-down-group, dispatch, contain, worsen, restore, open-shelter, evacuate, close-route, open-route, notify, fire-inject.' },
);

export type Effect = z.output<typeof effect>;

/** The kinds of effect, in the schema's order: what a refusal lists when `do` names none of them. */
export const EFFECT_KINDS: string[] = effect.def.options.map((o) => o.def.shape.do.def.values[0] as string);
