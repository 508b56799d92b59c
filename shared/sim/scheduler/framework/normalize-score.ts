// helper.DefaultNormalizeScore: scales raw scores so the highest becomes
// maxPriority (integer maths, as upstream), or, reversed, so the lowest raw score
// gets maxPriority (TaintToleration: fewer intolerable taints is better).

export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Float64Array): void {
  let maxCount = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > maxCount) maxCount = scores[i]!;
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const score = Math.trunc((maxPriority * scores[i]!) / maxCount);
    scores[i] = reverse ? maxPriority - score : score;
  }
}
