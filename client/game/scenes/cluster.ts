// The cluster screen. It enters the shared room (made, joined or resumed; see
// net/connection.ts) and keeps the seat through drops (net/room-session.ts),
// redraws the ClusterView and the presence panels when the synced state
// changes, and turns gestures into intents: dragging a pending pod onto a node
// (or choosing both with the keyboard) asks the server to bind it, and node
// buttons crash or restart machines. It owns no game rules.

import * as Phaser from "phaser";
import type { PodView } from "../../../server/rooms/schema/cluster-state.ts";
import { MessageType, type Speed } from "../../../shared/protocol/messages.ts";
import { ClusterStore, podKey } from "../../net/cluster-store.ts";
import { newRoomSession, openRoom, type ClusterRoom, type RoomRequest } from "../../net/connection.ts";
import { newIntents, requestErrorMessage, type Intents } from "../../net/intents.ts";
import { showJoinCodeInAddress, withJoinCode } from "../../net/join-link.ts";
import type { RoomSession } from "../../net/room-session.ts";
import { showClusterMirror, type ClusterMirror } from "../../ui/a11y/cluster-mirror.ts";
import { showClusterToolbar, type ClusterToolbar } from "../../ui/cluster-toolbar.ts";
import { LOGICAL_W } from "../../ui/overlay.ts";
import { confirmLeave, guardUnload } from "../../ui/rooms/leave-guard.ts";
import { showSessionStatus } from "../../ui/rooms/session-ui.ts";
import { newViewportSync } from "../../net/viewport-sync.ts";
import { PresenceOverlay } from "../presence-overlay.ts";
import type { Rect } from "../layout.ts";
import { SceneKeys } from "../scene-keys.ts";
import { onHtmlControl, onSceneKeyDown } from "../keys.ts";
import { hint, prune, step, type Selection } from "../selection.ts";
import { servicesOf, type ClusterInspection } from "../services.ts";
import { Colors, Fonts, assignWorkloadColors, css } from "../theme.ts";
import { ClusterView, type ClusterOrder } from "../views/cluster-view.ts";
import type { NodeAction } from "../views/node-card.ts";
import { podFinder } from "../views/pod-finder.ts";
import { Toast } from "../views/toast.ts";

/** What a player who is not the host is told on pressing a node's Crash/Restart button. */
const NODE_ACTION_HOST_ONLY = "Only the host can crash or restart nodes.";

/** Screen areas, in logical pixels (the HUD and the level panel are DOM). */
const QUEUE_PANEL: Rect = { x: 16, y: 88, w: 320, h: 976 };
const CLUSTER_AREA: Rect = { x: 356, y: 144, w: 1184, h: 920 };

export type ClusterSceneData = RoomRequest;

export class ClusterScene extends Phaser.Scene {
  private request: RoomRequest = { create: "sandbox" };
  private session: RoomSession<ClusterRoom> | undefined;
  private room: ClusterRoom | undefined;
  private presence!: PresenceOverlay;
  private unguard: (() => void) | undefined;
  private store: ClusterStore | undefined;
  private intents: Intents | undefined;
  private mirror: ClusterMirror | undefined;
  private toolbar: ClusterToolbar | undefined;
  private view!: ClusterView;
  private toast!: Toast;
  private statusText!: Phaser.GameObjects.Text;
  private order: ClusterOrder = { nodes: [], pending: [] };
  private selection: Selection = {};
  private binding = new Set<string>();
  private dragging: string | undefined;
  private dropHover: string | undefined;
  private dirty = true;
  private leaving = false;

  constructor() {
    super(SceneKeys.cluster);
  }

  init(data: ClusterSceneData): void {
    // Phaser reuses the scene object across visits: start clean.
    this.request = data;
    this.session = this.room = this.store = this.intents = this.mirror = this.unguard = undefined;
    this.order = { nodes: [], pending: [] };
    this.selection = {};
    this.binding = new Set();
    this.dragging = this.dropHover = undefined;
    this.dirty = true;
    this.leaving = false;
  }

  create(): void {
    const { ui } = servicesOf(this);
    this.input.dragDistanceThreshold = 4;
    this.view = new ClusterView(this, { queue: QUEUE_PANEL, cluster: CLUSTER_AREA }, (node, action) => void this.nodeAction(node, action), (node) => this.select({ ...this.selection, node }, true));
    this.toolbar = showClusterToolbar(ui.overlay.root, podFinder(this.view, () => this.store?.pods() ?? [], () => (this.dirty = true)));
    this.toast = new Toast(this, CLUSTER_AREA.x + CLUSTER_AREA.w / 2, CLUSTER_AREA.y + CLUSTER_AREA.h - 4, CLUSTER_AREA.w - 80);
    this.statusText = this.add
      .text(CLUSTER_AREA.x + CLUSTER_AREA.w / 2, CLUSTER_AREA.y + 300, "Connecting to the cluster…", { fontFamily: Fonts.sans, fontSize: "32px", color: css(Colors.textDim), align: "center" })
      .setOrigin(0.5);

    this.presence = new PresenceOverlay(this);
    ui.hud.setTitle("");
    ui.hud.setClock(0, 1);
    ui.hud.show({
      onBack: () => this.leave(),
      onSpeed: (speed) => void this.setSpeed(speed),
      onConsole: () => ui.console.toggle(),
      onInvite: () => this.invite(),
    });
    ui.levelPanel.show();
    ui.playersPanel.show({ onRemove: (name) => void this.removePlayer(name) });
    ui.activityPanel.show();
    ui.eventsPanel.show();
    this.mirror = showClusterMirror(ui.mirrorHost, {
      onSelectPod: (key) => this.select({ ...this.selection, pod: key }),
      onSelectNode: (name) => this.select({ ...this.selection, node: name }),
      onBindTo: (name) => {
        this.select({ ...this.selection, node: name });
        this.bindSelection();
      },
      onNodeAction: (name, action) => void this.nodeAction(name, action),
    });

    this.bindDragAndDrop();
    this.bindKeyboard();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    void this.connect();
  }

  update(): void {
    if (!this.dirty || !this.store?.state) return;
    this.dirty = false;
    this.sync();
  }

  private async connect(): Promise<void> {
    let joined;
    try {
      joined = await openRoom(this.request);
    } catch (error) {
      if (!this.leaving) this.statusText.setText(`Could not join the cluster:\n${requestErrorMessage(error)}\n\nPress Esc for the menu.`);
      return;
    }
    if (this.leaving) {
      void joined.room.leave();
      return;
    }
    const session = newRoomSession(joined);
    this.session = session;
    showJoinCodeInAddress(session.code);
    this.unguard = guardUnload();
    let previous = session.status.kind;
    session.onStatus((status) => {
      showSessionStatus(servicesOf(this).ui, session.code, previous, status, { onRejoin: () => session.rejoinNow(), onMenu: () => this.backToMenu() });
      previous = status.kind;
      if (status.kind === "lost" || status.kind === "removed") servicesOf(this).ui.console.attach(undefined);
    });
    session.onRoom((room) => this.attach(room));
    this.statusText.setVisible(false);
    this.attach(session.room);
  }

  /** Draws and acts through `room`: the first one, or the one a rejoin after a server restart brought. */
  private attach(room: ClusterRoom): void {
    const services = servicesOf(this);
    const { ui } = services;
    this.store?.dispose();
    this.room = room;
    this.store = new ClusterStore(room);
    this.intents = newIntents(room);
    services.hook.room = room;
    services.hook.inspect = () => this.inspect();
    // The nodes on screen get their pods in detail (per-client views).
    this.view.reportVisibleNodes(newViewportSync(room));

    this.store.onChange(() => (this.dirty = true));
    this.store.onClock(() => {
      const store = this.store;
      const state = store?.state;
      if (!store || !state) return;
      ui.hud.setClock(state.timeMs ?? 0, state.speed ?? 0);
      ui.levelPanel.setTime(state.timeMs ?? 0);
      ui.eventsPanel.update(store.events(), state.timeMs ?? 0);
      ui.activityPanel.update(store.activity(), state.timeMs ?? 0);
    });
    room.onMessage(MessageType.error, (payload: { message?: string } | undefined) => this.report(payload?.message ?? "server error"));
    room.onMessage(MessageType.notice, (payload: { message?: string } | undefined) => {
      if (typeof payload?.message === "string") {
        ui.noticeBanner.show(payload.message);
        ui.announcer.alert(payload.message);
      }
    });
    ui.console.attach(this.intents);
    this.dirty = true;
  }

  private sync(): void {
    const store = this.store!;
    const state = store.state;
    const { ui } = servicesOf(this);
    const nodes = store.nodes();
    const pods = store.pods().sort((a, b) => a.createdMs - b.createdMs || compare(podKey(a), podKey(b)));
    const pending = pods.filter((p) => p.node === "");
    const workloads = store.workloads();
    const podWorkloads = [...new Set(pods.map(workloadOf))].sort(compare);
    const colors = assignWorkloadColors([...workloads.map((w) => w.name), ...podWorkloads]);

    this.selection = prune(this.selection, new Set(pending.map(podKey)), new Set(nodes.map((n) => n.name)));
    this.order = this.view.render({ nodes, pods, colors, selection: this.selection, binding: this.binding, dragging: this.dragging, dropHover: this.dropHover });
    const nameOf = (key: string | undefined) => pending.find((p) => podKey(p) === key)?.name;
    this.view.setSelectionHint(hint(nameOf(this.selection.pod), this.selection.node));

    ui.levelPanel.update({ level: state.level, workloads, podWorkloads, colors });
    ui.levelPanel.setTime(state.timeMs ?? 0);
    ui.eventsPanel.update(store.events(), state.timeMs ?? 0);
    this.syncPresence();
    if (state.title) ui.hud.setTitle(state.title);
    ui.hud.setClock(state.timeMs ?? 0, state.speed ?? 0);
    const byName = new Map(nodes.map((n) => [n.name, n]));
    this.mirror?.update(pending.map((pod) => ({ key: podKey(pod), pod })), this.order.nodes.map((n) => byName.get(n)!), this.selection, this.isHost() ? undefined : NODE_ACTION_HOST_ONLY);
  }

  private bindDragAndDrop(): void {
    const keyOf = (object: Phaser.GameObjects.GameObject) => object.getData("podKey") as string | undefined;
    this.input.on(Phaser.Input.Events.DRAG_START, (_p: Phaser.Input.Pointer, object: Phaser.GameObjects.Container) => {
      const key = keyOf(object);
      if (!key) return;
      this.dragging = key;
      this.intents?.drag({ namespace: key.slice(0, key.indexOf("/")), pod: nameFromKey(key) });
      this.view.block(key)?.lift();
      this.selection = { ...this.selection, pod: key };
    });
    // The card under the pointer is found through the cluster camera, at any zoom.
    this.input.on(Phaser.Input.Events.DRAG, (pointer: Phaser.Input.Pointer, object: Phaser.GameObjects.Container, x: number, y: number) => {
      object.setPosition(x, y);
      const over = this.view.nodeAt(pointer.x, pointer.y);
      if (over !== this.dropHover) {
        this.dropHover = over;
        this.dirty = true;
      }
    });
    this.input.on(Phaser.Input.Events.DRAG_END, (_p: Phaser.Input.Pointer, object: Phaser.GameObjects.Container) => {
      const key = keyOf(object);
      if (key) this.intents?.drag({ namespace: key.slice(0, key.indexOf("/")), pod: null });
      if (key && this.dropHover) void this.bind(key, this.dropHover);
      this.dragging = this.dropHover = undefined;
      if (key) this.view.block(key)?.returnHome();
      this.dirty = true;
    });
  }

  private bindKeyboard(): void {
    onSceneKeyDown(this, (event) => {
      switch (event.key) {
        case "ArrowDown":
        case "ArrowUp":
          event.preventDefault();
          this.select({ ...this.selection, pod: step(this.order.pending, this.selection.pod, event.key === "ArrowDown" ? 1 : -1) }, true);
          break;
        case "ArrowRight":
        case "ArrowLeft":
          event.preventDefault();
          this.select({ ...this.selection, node: step(this.order.nodes, this.selection.node, event.key === "ArrowRight" ? 1 : -1) }, true);
          break;
        case "Enter":
          if (!onHtmlControl(event)) this.bindSelection();
          break;
        case "Escape":
          if (!this.room || this.leaving) this.backToMenu();
          else this.select({}, true);
          break;
        default:
          if (/^[1-9]$/.test(event.key) && !onHtmlControl(event)) {
            const node = this.order.nodes[Number(event.key) - 1];
            if (node) this.select({ ...this.selection, node }, true);
          }
      }
    });
  }

  private select(next: Selection, announce = false): void {
    if (next.pod === this.selection.pod && next.node === this.selection.node) return;
    const changedPod = next.pod !== this.selection.pod;
    if (next.node && next.node !== this.selection.node) this.view.reveal(next.node);
    this.selection = next;
    this.dirty = true;
    if (!announce) return;
    const { announcer } = servicesOf(this).ui;
    if (changedPod && next.pod) announcer.say(`Selected pod ${nameFromKey(next.pod)}.`);
    else if (next.node) announcer.say(`Selected node ${next.node}.`);
  }

  private bindSelection(): void {
    const { pod, node } = this.selection;
    const { announcer } = servicesOf(this).ui;
    if (!pod) return announcer.say("Select a pending pod first: arrow up or down.");
    if (!node) return announcer.say("Select a node: arrow left or right, or a number key.");
    void this.bind(pod, node);
  }

  private async bind(key: string, node: string): Promise<void> {
    const intents = this.intents;
    if (!intents || this.binding.has(key)) return;
    const name = nameFromKey(key);
    this.binding.add(key);
    this.dirty = true;
    const result = await intents.bind({ namespace: key.slice(0, key.indexOf("/")), pod: name, node });
    this.binding.delete(key);
    this.dirty = true;
    if (!this.scene.isActive()) return;
    if (result.ok) {
      servicesOf(this).ui.announcer.say(`Bound ${name} to ${node}.`);
      // Keep the node chosen: the next pod often goes to the same one.
      if (this.selection.pod === key) this.selection = { node };
    } else {
      const reason = result.message || result.reasons.join(", ");
      this.toast.show(`${node} refused ${name}:\n${reason}`, "error");
      servicesOf(this).ui.announcer.alert(`Cannot place ${name} on ${node}: ${reason}`);
    }
  }

  private async nodeAction(node: string, action: NodeAction): Promise<void> {
    if (!this.isHost()) return this.report(NODE_ACTION_HOST_ONLY);
    const result = await this.intents?.nodeAction({ node, action });
    if (!result || !this.scene.isActive()) return;
    if (!result.ok) return this.report(result.message);
    const message = action === "crash" ? `${node} crashed.` : `${node} is restarting.`;
    this.toast.show(message, "info");
    servicesOf(this).ui.announcer.say(message);
  }

  private async setSpeed(speed: Speed): Promise<void> {
    const error = await this.intents?.speed(speed);
    if (error && this.scene.isActive()) this.report(error);
  }

  private report(message: string): void {
    this.toast.show(message, "error");
    servicesOf(this).ui.announcer.alert(message);
  }

  /** The Menu button and Esc: asks before leaving a room the player is in. */
  private leave(): void {
    const session = this.session;
    if (session && session.status.kind !== "removed" && !confirmLeave(session.code)) return;
    this.backToMenu();
  }

  private backToMenu(): void {
    if (this.leaving) return;
    this.leaving = true;
    this.scene.start(SceneKeys.menu);
  }

  private isHost(): boolean {
    const name = this.session?.name;
    return name !== undefined && this.store?.state?.players?.get(name)?.role === "host";
  }

  /** The player list, the activity feed, whose hand is on which pod, and what only the host may press. */
  private syncPresence(): void {
    const store = this.store!;
    const { ui } = servicesOf(this);
    const self = this.session?.name;
    const players = store.players();
    const host = this.isHost();
    ui.playersPanel.update(players, self);
    ui.activityPanel.update(store.activity(), store.state.timeMs ?? 0);
    if (this.session) ui.hud.setRoom(this.session.code, host);
    this.view.setHostControls(host);
    // Where the view drew the pending pods, in logical pixels.
    const pending = this.view.inspect((r: Rect) => ({ ...r }), [], store.pods(), this.selection, true, undefined).pending;
    const holds = players.filter((p) => p.holding && p.name !== self).map((p) => ({ player: p.name, pod: p.holding }));
    this.presence.showHolds(holds, (key) => (key === this.dragging ? undefined : pending.find((p) => p.key === key)));
  }

  private invite(): void {
    const code = this.session?.code;
    if (!code) return;
    servicesOf(this).ui.invite.open(code, new URL(withJoinCode(window.location.href, code), window.location.href).href);
  }

  private async removePlayer(name: string): Promise<void> {
    if (!this.intents || !window.confirm(`Remove ${name} from room ${this.session?.code}?`)) return;
    const error = await this.intents.kick(name);
    if (error && this.scene.isActive()) this.report(error);
  }

  private teardown(): void {
    const { ui, hook } = servicesOf(this);
    this.leaving = true;
    ui.hud.hide();
    ui.levelPanel.hide();
    ui.playersPanel.hide();
    ui.activityPanel.hide();
    ui.eventsPanel.hide();
    ui.invite.close();
    ui.connectionBanner.hide();
    ui.noticeBanner.hide();
    ui.console.attach(undefined);
    this.unguard?.();
    showJoinCodeInAddress(undefined);
    this.mirror?.dispose();
    this.toolbar?.dispose();
    this.store?.dispose();
    this.presence.destroy();
    if (this.session) void this.session.leave();
    else void this.room?.leave();
    hook.room = undefined;
    hook.inspect = undefined;
    this.view.destroy();
  }

  private inspect(): ClusterInspection {
    const canvas = this.game.canvas.getBoundingClientRect();
    const k = canvas.width / LOGICAL_W;
    const toPage = (r: Rect) => ({ x: canvas.left + r.x * k, y: canvas.top + r.y * k, w: r.w * k, h: r.h * k });
    return this.view.inspect(toPage, this.store?.nodes() ?? [], this.store?.pods() ?? [], this.selection, !this.dirty, this.toast.current());
  }
}

function nameFromKey(key: string): string {
  return key.slice(key.indexOf("/") + 1);
}

function workloadOf(pod: Pick<PodView, "workload" | "name">): string {
  return pod.workload || pod.name;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
