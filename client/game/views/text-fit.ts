// Measuring text before it becomes a Phaser Text texture, so labels can be
// shortened to fit a block without re-rendering a texture per attempt.

let context: CanvasRenderingContext2D | null | undefined;

export function textWidth(text: string, font: string): number {
  context ??= document.createElement("canvas").getContext("2d");
  if (!context) return text.length * 10;
  context.font = font;
  return context.measureText(text).width;
}

/** `text`, or its longest prefix + "…" that fits `maxW` ("" if nothing fits). */
export function ellipsize(text: string, font: string, maxW: number): string {
  if (textWidth(text, font) <= maxW) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const candidate = `${text.slice(0, n)}…`;
    if (textWidth(candidate, font) <= maxW) return candidate;
  }
  return "";
}

/** The first of `candidates` that fits, else the last one ellipsized. */
export function firstThatFits(candidates: readonly string[], font: string, maxW: number): string {
  for (const candidate of candidates) if (textWidth(candidate, font) <= maxW) return candidate;
  return ellipsize(candidates[candidates.length - 1] ?? "", font, maxW);
}
