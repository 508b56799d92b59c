// Pod IPs from the node's /24 (flannel with host-local IPAM): .1 is the cni0
// bridge, pods get .2 to .254, handed out round-robin from the last one given,
// so a freed address is not reused at once.

const FIRST_HOST = 2;
const LAST_HOST = 254;

export class HostLocalIpam {
  readonly #prefix: string;
  readonly #inUse = new Map<number, string>();
  #last = FIRST_HOST - 1;

  /** `podCidrIndex` picks 10.244.<index>.0/24. */
  constructor(podCidrIndex: number) {
    this.#prefix = `10.244.${podCidrIndex}.`;
  }

  /** Allocates the next free address for `owner` (a pod uid). */
  allocate(owner: string): string {
    for (let i = 0; i <= LAST_HOST - FIRST_HOST; i++) {
      const host = ((this.#last - FIRST_HOST + 1 + i) % (LAST_HOST - FIRST_HOST + 1)) + FIRST_HOST;
      if (this.#inUse.has(host)) continue;
      this.#inUse.set(host, owner);
      this.#last = host;
      return this.#prefix + host;
    }
    // maxPods is at most 250 (scenario validation), so the range cannot run out.
    throw new Error(`no IP addresses available in range ${this.#prefix}0/24`);
  }

  release(owner: string): void {
    for (const [host, o] of this.#inUse) if (o === owner) this.#inUse.delete(host);
  }

  /** Every sandbox died with the machine; CNI DEL frees their addresses. */
  releaseAll(): void {
    this.#inUse.clear();
  }
}

/** The node's pod CIDR (spec.podCIDR). */
export function podCIDR(index: number): string {
  return `10.244.${index}.0/24`;
}
