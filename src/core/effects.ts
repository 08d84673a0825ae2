// What a choice or an order does in the simulation (the scenario's `effects`).
import type { Effect } from '../scenario/schema.ts';
import { recordEffect, type Ctx } from './context.ts';
import { contain, worsen } from './incidents.ts';
import { tryMove } from './hierarchy.ts';
import { dispatch } from './teams.ts';
import type { Level } from './world.ts';
import { deliverInject } from './injects.ts';

/**
 * Moves the response to `level` through the command hierarchy (declaring one opens the HQ, ending
 * it ends the HQ's response: the statechart's own moves). A scripted effect the statechart has no
 * move for (the level it is at already, or no response to end) changes nothing.
 */
export function setLevel(ctx: Ctx, level: Level, by: string): void {
  const w = ctx.world;
  if (level === w.level || !tryMove(ctx, `level.${level}`)) return;
  w.level = level;
  w.levelChanges.push({ clock: w.clock, scenarioMs: w.scenarioMs, level, by });
  recordEffect(ctx, by, `level ${level}`);
}

export function applyEffect(ctx: Ctx, e: Effect, source: string): void {
  const w = ctx.world;
  switch (e.do) {
    case 'set-level':
      return setLevel(ctx, e.level, source);
    case 'activate-group':
      tryMove(ctx, `${e.group}.activate`);
      return recordEffect(ctx, source, `activate ${e.group}`);
    case 'stand-down-group':
      tryMove(ctx, `${e.group}.standDown`);
      return recordEffect(ctx, source, `stand down ${e.group}`);
    case 'dispatch':
      dispatch(ctx, e.team, e.to, e.count, source);
      return;
    case 'contain':
      contain(ctx, e.incident, source);
      return recordEffect(ctx, source, `contain ${e.incident}`);
    case 'worsen':
      worsen(ctx, e.incident, e.by);
      return recordEffect(ctx, source, `worsen ${e.incident} +${e.by}`);
    case 'restore':
      w.restored[e.facility] = w.scenarioMs;
      for (const id of ctx.model.incidentsAt.get(e.facility) ?? []) if (/power|telecom|water/.test(w.incidents[id]!.kind)) contain(ctx, id, source);
      return recordEffect(ctx, source, `restore ${e.facility}`);
    case 'open-shelter':
      if (w.sheltersOpen[e.facility] === undefined) w.sheltersOpen[e.facility] = w.scenarioMs;
      return recordEffect(ctx, source, `open shelter ${e.facility}`);
    case 'evacuate':
      w.evacuated += e.people;
      return recordEffect(ctx, source, `evacuate ${e.people} from ${e.place}`);
    case 'close-route':
      if (!w.routesClosed.includes(e.route)) w.routesClosed.push(e.route);
      return recordEffect(ctx, source, `close ${e.route}`);
    case 'open-route':
      w.routesClosed = w.routesClosed.filter((r) => r !== e.route);
      for (const id of ctx.model.incidentsAt.get(e.route) ?? []) contain(ctx, id, source);
      return recordEffect(ctx, source, `open ${e.route}`);
    case 'notify':
      for (const to of e.to) w.messages.push({ seq: w.seq, clock: w.clock, kind: 'notify', from: source, to });
      return;
    case 'fire-inject':
      deliverInject(ctx, e.inject, true);
      return;
  }
}
