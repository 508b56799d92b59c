import { describe, expect, it } from "vitest";
import { streamText, MAX_LINE_BYTES } from "../../shared/protocol/messages.ts";
import type { ClusterRoom } from "./connection.ts";
import { kubectlResponse, newIntents, requestErrorMessage } from "./intents.ts";

/** A room whose request() answers with `reply(type, payload)`, recording what was sent. */
function fakeRoom(reply: (type: string, payload: unknown) => unknown) {
  const sent: Array<[string, unknown]> = [];
  const room = {
    request: async (type: string, payload: unknown) => {
      sent.push([type, payload]);
      return reply(type, payload);
    },
  };
  return { room: room as unknown as ClusterRoom, sent };
}

const rejection = (reason: unknown) => Object.assign(new Error("request rejected"), { reason });

describe("kubectlResponse", () => {
  const noAnswer = { exitCode: 1, output: [{ stream: "stderr", text: "error: the server sent no answer to this command\n" }] };
  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a string", "ok"],
    ["an empty object", {}],
  ])("turns %s into one error line", (_name, reply) => expect(kubectlResponse(reply)).toEqual(noAnswer));

  it("keeps a well-formed answer as it is", () => {
    const ok = { exitCode: 0, output: [{ stream: "stdout", text: "pod/web created\n" }] };
    expect(kubectlResponse(ok)).toEqual(ok);
  });

  it("drops chunks that are not text on a known stream", () => {
    expect(kubectlResponse({ exitCode: 0, output: [{ stream: "stdout", text: "a\n" }, { stream: "other", text: "b" }, { stream: "stderr", text: 3 }, null] })).toEqual({ exitCode: 0, output: [{ stream: "stdout", text: "a\n" }] });
  });
});

describe("newIntents", () => {
  it("prints a rejection's reason as one line (rate limit, role)", async () => {
    const { room } = fakeRoom(() => {
      throw rejection({ message: "slow down: at most 8 messages a second" });
    });
    const result = await newIntents(room).kubectl("kubectl get pods");
    expect(result.output).toEqual([{ stream: "stderr", text: "error: slow down: at most 8 messages a second\n" }]);
    expect(await newIntents(fakeRoom(() => Promise.reject(rejection({ message: "only the host can change the speed" }))).room).speed(5)).toBe("only the host can change the speed");
  });

  it("refuses a line over the limit without sending it", async () => {
    const { room, sent } = fakeRoom(() => ({}));
    const result = await newIntents(room).kubectl("x".repeat(MAX_LINE_BYTES + 100));
    expect(streamText(result, "stderr")).toBe("error: the command line is 4.1 KB; a console line may be at most 4 KB\n");
    expect(sent).toEqual([]);
  });

  it("refuses a 200 KB manifest without sending it", async () => {
    const { room, sent } = fakeRoom(() => ({}));
    const result = await newIntents(room).kubectl("kubectl apply -f -", "a: b\n".repeat(40_960));
    expect(streamText(result, "stderr")).toBe("error: the manifest is 200 KB; the YAML editor takes at most 64 KB\n");
    expect(sent).toEqual([]);
  });

  it("sends the hand as a drag message and ignores its failure", async () => {
    const { room, sent } = fakeRoom(() => Promise.reject(new Error("timeout")));
    const intents = newIntents(room);
    intents.drag({ namespace: "default", pod: "web-1" });
    intents.drag({ namespace: "default", pod: null });
    await Promise.resolve();
    expect(sent).toEqual([["drag", { namespace: "default", pod: "web-1" }], ["drag", { namespace: "default", pod: null }]]);
  });

  it("survives a completion reply without candidates", async () => {
    expect(await newIntents(fakeRoom(() => undefined).room).complete("kubectl g")).toEqual({ candidates: [] });
  });
});

describe("requestErrorMessage", () => {
  it.each([
    ["a string reason", rejection("not allowed"), "not allowed"],
    ["a { message } reason", rejection({ message: "only the host can remove players" }), "only the host can remove players"],
    ["a plain error", new Error("request timed out"), "request timed out"],
    ["anything else", 42, "42"],
  ])("%s", (_name, error, message) => expect(requestErrorMessage(error)).toBe(message));
});
