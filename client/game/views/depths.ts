// Draw order on the cluster screen. Phaser's input also picks the top-most
// object by depth, so buttons sit above the card they belong to.
export const Depth = {
  zone: 0,
  dropZone: 1,
  card: 2,
  cardText: 3,
  button: 4,
  pod: 5,
  queuePod: 6,
  dragging: 50,
  toast: 60,
} as const;
