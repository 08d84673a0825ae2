// The page as a server drill (issue 11), loaded by boot.ts only for `?join=<token>` or `?host=<key>`:
// - `?join=` opens the drill at the server (the page's origin, or `?server=<url>`) at the screen of the
//   link's role: the console for 总指挥, 导调 and 控制人员, the seat's own screen for a seat, the read-only
//   views for 评估人员 and 观摩. Until the server has welcomed it, the join screen says how it goes.
// - `?host=` is the host panel: create a drill, hand out its join links.
import { render } from 'lit-html';
import { mountApp, type App, type MapHandle } from '../app.ts';
import type { ClockSource } from '../drill/session.ts';
import { FACTS } from '../shipped.ts';
import type { UiStore } from '../store.ts';
import { ROLE_TABLE } from '../../protocol/roles.ts';
import { connectionState } from '../views/connection-state.ts';
import { hostPanel } from '../views/host-panel.ts';
import { joinScreen } from '../views/join-screen.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { hostApi } from './host-api.ts';
import { remoteRecords } from './review-stream.ts';
import { roleScreens } from './role-screens.ts';
import { drillLinks, type DrillLinks } from './links.ts';
import { joinDrill, socketTo, type OpenSocket, type RemoteDrill, type RemoteSession } from './remote-session.ts';

export interface ServerPageOptions {
  container: HTMLElement;
  store: UiStore;
  clock: ClockSource;
  /** The page's query: join or host, and server. */
  params: URLSearchParams;
  /** The page's origin: the server, unless `?server=` names another. */
  origin: string;
  mountMap?: (el: HTMLElement) => MapHandle;
  /** Tests pass a fake socket and a fake fetch. */
  open?: OpenSocket;
  fetch?: typeof fetch;
}


export function openServerPage(options: ServerPageOptions): void {
  const server = options.params.get('server') ?? options.origin;
  const host = options.params.get('host');
  if (host !== null) openHost(options, server, host);
  else openJoin(options, server, options.params.get('join') ?? '');
}

/** The drill a join link opens; the app is mounted once the server has welcomed the seat. */
export function openJoin(options: ServerPageOptions, server: string, token: string): { drill: RemoteDrill; app: () => App | null; close: () => void } {
  const { container, store } = options;
  const drill = joinDrill({ token, lang: store.getState().lang, clock: options.clock, open: options.open ?? socketTo(server) });
  let app: App | null = null;
  let links: DrillLinks | null = null;
  let ticking: ReturnType<typeof setInterval> | undefined;

  const drawJoin = () => {
    const { lang, setLang } = store.getState();
    render(joinScreen(lang, drill.connection, drill.problem, setLang), container);
  };

  const mount = (session: RemoteSession) => {
    const w = session.welcome;
    if (ROLE_TABLE[w.role].controls) links = drillLinks(hostApi(server, token, () => store.getState().lang, options.fetch), w.drill, () => app?.render(), undefined, container.ownerDocument);
    const screens = roleScreens(w.role, w.seat);
    const who = (lang: Lang) => {
      const role = pick(lang, ROLE_TABLE[w.role].name);
      return w.role === 'seat' && session.exercise.model.seats.has(w.seat) ? t(lang, 'server.join.asSeat', { role, seat: seatLabel(session, w.seat, lang) }) : t(lang, 'server.join.as', { role });
    };
    app = mountApp(container, { file: w.file, result: { ok: true, scenario: session.scenario } }, store, {
      clock: options.clock,
      ...(options.mountMap ? { mountMap: options.mountMap } : {}),
      records: remoteRecords(session, drill.subscribe),
      remote: {
        // Who this terminal is, on every screen: the role, and the seat's name for a 参演单位.
        banner: (lang) => connectionState(lang, drill.connection, drill.problem, who(lang)),
        role: screens,
        ...(ROLE_TABLE[w.role].view === 'participant' ? { scores: () => session.scores } : {}),
        ...(links ? { links: (lang) => links!.panel(lang) } : {}),
      },
    });
    app.loadDrill(session);
    if (screens.seat !== null) store.getState().setSeat(screens.seat);
    // The replay view plays on the page's clock (app.tick); the drill itself moves with the server's ticks.
    ticking = setInterval(() => app!.tick(), 250);
  };

  drill.subscribe(() => {
    if (app) app.render();
    else if (drill.session) mount(drill.session);
    else drawJoin();
  });
  store.subscribe(({ lang }) => {
    drill.setLang(lang);
    if (!app) drawJoin();
  });
  drawJoin();
  return {
    drill,
    app: () => app,
    close() {
      clearInterval(ticking);
      drill.close();
      app?.destroy();
    },
  };
}

const seatLabel = (session: RemoteSession, seat: string, lang: Lang) => {
  const org = session.scenario.organisation;
  const named = [org.hq, ...org.groups, ...org.units, ...org.counties].find((s) => s.id === seat);
  return named ? pick(lang, named.name) : seat;
};

/** The host panel: a drill created from a shipped scenario or an uploaded log, then its join links. */
export function openHost(options: ServerPageOptions, server: string, key: string): void {
  const { container, store } = options;
  const api = hostApi(server, key, () => store.getState().lang, options.fetch);
  let busy = false;
  let problem: string | null = null;
  let created: { id: string; links: DrillLinks } | null = null;

  const draw = () => {
    const { lang, setLang } = store.getState();
    render(
      hostPanel({
        lang,
        scenarios: FACTS,
        busy,
        problem,
        drill: created && { id: created.id, links: created.links.panel(lang) },
        on: { lang: setLang, create: (file) => make({ scenario: file.replace(/^.*\//, '') }), upload: (file) => void file.text().then((log) => make({ log })) },
      }),
      container,
    );
  };

  const make = (from: { scenario: string } | { log: string }) => {
    busy = true;
    problem = null;
    draw();
    void api.createDrill(from).then((reply) => {
      busy = false;
      if (reply.ok) created = { id: reply.value.drill, links: drillLinks(api, reply.value.drill, draw, reply.value.links, container.ownerDocument) };
      else problem = reply.reason;
      draw();
    });
  };

  store.subscribe(draw);
  draw();
}
