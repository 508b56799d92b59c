// Scene keys, in the order the game moves through them.
export const SceneKeys = {
  boot: "boot",
  preloader: "preloader",
  menu: "menu",
  cluster: "cluster",
} as const;
