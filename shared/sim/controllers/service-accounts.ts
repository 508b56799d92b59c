// The ServiceAccount each controller runs as (kube-controller-manager with
// --use-service-account-credentials); its bootstrap role is
// system:controller:<account>. Most share the controller's name; these do not.

const ACCOUNT_BY_CONTROLLER: Readonly<Record<string, string>> = {
  "node-lifecycle-controller": "node-controller",
  "garbage-collector-controller": "generic-garbage-collector",
  "serviceaccount-controller": "service-account-controller",
};

export function controllerServiceAccount(controller: string): string {
  return ACCOUNT_BY_CONTROLLER[controller] ?? controller;
}
