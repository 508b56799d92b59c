// kubectl's resource.Quantity: the API's exact quantities (sim/api/exact-quantity.ts),
// which admission and the quota controller share with kubectl's printers.

export * from "../../sim/api/exact-quantity.ts";
