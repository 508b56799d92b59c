import { describe, expect, it } from "vitest";
import { SECOND, TestCluster, webCluster } from "../test-fixture.ts";

describe("kubectl describe pod", () => {
  it("prints the v1.34 layout with containers, conditions, tolerations and events", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe pod web-7b9f6c5d48-x2kqp")).toEqual({
      stdout: `Name:             web-7b9f6c5d48-x2kqp
Namespace:        default
Priority:         0
Service Account:  default
Node:             n1/10.0.0.11
Start Time:       Thu, 01 Jan 2026 09:05:00 +0000
Labels:           app=web
                  pod-template-hash=7b9f6c5d48
Annotations:      <none>
Status:           Running
IP:               10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-7b9f6c5d48
Containers:
  nginx:
    Container ID:   containerd://4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a30
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 09:05:00 +0000
    Ready:          True
    Restart Count:  0
    Requests:
      cpu:        100m
      memory:     128Mi
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-r8xdt (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-r8xdt:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  95s   default-scheduler  Successfully assigned default/web-7b9f6c5d48-x2kqp to n1
`,
      stderr: "",
      exitCode: 0,
    });
  });

  it("shows a pending pod, a terminated last state, probes, env, volumes and repeated events", () => {
    const c = new TestCluster();
    c.node("n1");
    const p = c.pod("api", {
      node: "n1",
      ready: false,
      containers: [
        {
          name: "api",
          image: "ghcr.io/acme/api:2.1",
          command: ["/bin/api"],
          args: ["--port=8080"],
          ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
          env: [{ name: "MODE", value: "prod" }],
          resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "250m", memory: "128Mi" } },
          livenessProbe: { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [{ name: "cache", mountPath: "/cache" }],
        },
      ],
      statuses: [
        {
          state: { waiting: { reason: "CrashLoopBackOff" } },
          lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: c.ts(), finishedAt: c.ts() } },
          restartCount: 3,
          started: false,
        },
      ],
    });
    c.event(p, "Warning", "BackOff", "Back-off restarting failed container api in pod api_default(x)", "kubelet", { count: 6, firstOffsetMs: 0, host: "n1" });
    c.advance(3 * 60 * SECOND + 21 * SECOND);
    c.event(p, "Warning", "Unhealthy", "Readiness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused", "kubelet");
    c.advance(11 * SECOND);
    const out = c.run("kubectl describe pods api").stdout;
    expect(out).toContain(`    Port:          8080/TCP (http)
    Host Port:     0/TCP (http)
    Command:
      /bin/api
    Args:
      --port=8080
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 01 Jan 2026 09:00:00 +0000
      Finished:     Thu, 01 Jan 2026 09:00:00 +0000
    Ready:          False
    Restart Count:  3
    Limits:
      cpu:     500m
      memory:  256Mi
    Requests:
      cpu:      250m
      memory:   128Mi
    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3
    Readiness:  tcp-socket :8080 delay=5s timeout=1s period=5s #success=1 #failure=3
    Environment:
      MODE:  prod
    Mounts:
      /cache from cache (rw)
`);
    expect(out).toContain(`Events:
  Type     Reason     Age                    From     Message
  ----     ------     ----                   ----     -------
  Warning  BackOff    3m32s (x6 over 3m32s)  kubelet  Back-off restarting failed container api in pod api_default(x)
  Warning  Unhealthy  11s                    kubelet  Readiness probe failed: dial tcp 10.244.1.5:8080: connect: connection refused
`);
  });

  it("describes pods whose name starts with the argument when none matches exactly", () => {
    const { c } = webCluster();
    const out = c.run("kubectl describe pod web-7b9f6c5d48");
    expect(out.stdout.match(/^Name: /gm)?.length).toBe(2);
    expect(out.stdout.endsWith("to n1\n\n") || out.stdout.endsWith("<none>\n")).toBe(true);
    expect(c.run("kubectl describe pod zzz")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "zzz" not found\n', exitCode: 1 });
  });

  it("separates several descriptions with a blank line", () => {
    const { c } = webCluster();
    const out = c.run("kubectl describe pods").stdout;
    expect(out).toContain(`${"Events:".padEnd(29)}<none>\n\n\nName:             web-7b9f6c5d48-x2kqp\n`);
  });

  it("reports errors the way kubectl does", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe")).toEqual({
      stdout: "",
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(c.run("kubectl describe pods -n kube-system")).toEqual({ stdout: "", stderr: "No resources found in kube-system namespace.\n", exitCode: 0 });
  });
});

describe("kubectl describe node", () => {
  it("prints conditions, capacity, system info, pods with their share and the allocated totals", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe node n1").stdout).toBe(`Name:               n1
Roles:              control-plane
Labels:             kubernetes.io/arch=amd64
                    kubernetes.io/hostname=n1
                    kubernetes.io/os=linux
                    node-role.kubernetes.io/control-plane=
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  n1
  AcquireTime:     <unset>
  RenewTime:       Thu, 01 Jan 2026 09:00:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Thu, 01 Jan 2026 09:00:00 +0000   Thu, 01 Jan 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  10.0.0.11
  Hostname:    n1
Capacity:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             16Gi
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  100Gi
  memory:             16Gi
  pods:               110
System Info:
  Machine ID:                 ec2a1b2c3d4e5f60718293a4b5c6d7e8
  System UUID:                ec2a1b2c-3d4e-5f60-7182-93a4b5c6d7e8
  Boot ID:                    8f7e6d5c-4b3a-2910-8f7e-6d5c4b3a2910
  Kernel Version:             6.8.0-1021-aws
  OS Image:                   Ubuntu 24.04.1 LTS
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.0.5
  Kubelet Version:            v1.34.10
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (2 in total)
  Namespace                   Name                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                    ------------  ----------  ---------------  -------------  ---
  default                     web-7b9f6c5d48-ab3cd    100m (2%)     0 (0%)      128Mi (0%)       0 (0%)         95s
  default                     web-7b9f6c5d48-x2kqp    100m (2%)     0 (0%)      128Mi (0%)       0 (0%)         95s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                200m (5%)   0 (0%)
  memory             256Mi (1%)  0 (0%)
  ephemeral-storage  0 (0%)      0 (0%)
Events:
  Type    Reason          Age   From             Message
  ----    ------          ----  ----             -------
  Normal  RegisteredNode  95s   node-controller  Node n1 event: Registered Node n1 in Controller
`);
  });

  it("lists taints sorted by effect then key, and a missing lease", () => {
    const { c } = webCluster();
    c.run("kubectl taint nodes worker-2 dedicated=gpu:NoSchedule b:NoExecute a:NoSchedule");
    const out = c.run("kubectl describe node worker-2").stdout;
    expect(out).toContain(`Taints:             b:NoExecute
                    a:NoSchedule
                    dedicated=gpu:NoSchedule
Unschedulable:      true
Lease:              Failed to get lease: leases.coordination.k8s.io "worker-2" not found
`);
    expect(out).toContain(`Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
Events:              <none>
`);
  });
});

describe("kubectl describe deployment, replicaset and namespace", () => {
  it("describes a deployment with its ReplicaSets", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe deploy web").stdout).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:05:00 +0000
Labels:                 app=web
Annotations:            <none>
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7b9f6c5d48 (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  95s   deployment-controller  Scaled up replica set web-7b9f6c5d48 from 0 to 2
`);
  });

  it("describes a replicaset with its pod counts", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe rs web-7b9f6c5d48").stdout).toBe(`Name:           web-7b9f6c5d48
Namespace:      default
Selector:       app=web,pod-template-hash=7b9f6c5d48
Labels:         app=web
                pod-template-hash=7b9f6c5d48
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       2 current / 2 desired
Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=7b9f6c5d48
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`);
  });

  it("describes a namespace without quotas or limit ranges", () => {
    const { c } = webCluster();
    expect(c.run("kubectl describe ns default").stdout).toBe(`Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
  });

  it("describes a lease with the generic describer", () => {
    const { c } = webCluster();
    const lease = c.client.get("leases", "kube-node-lease", "n1");
    if (!lease.ok) throw new Error("no lease");
    expect(c.run("kubectl describe lease n1 -n kube-node-lease").stdout).toBe(`Name:         n1
Namespace:    kube-node-lease
Labels:       <none>
Annotations:  <none>
API Version:  coordination.k8s.io/v1
Kind:         Lease
Metadata:
  Creation Timestamp:  2026-01-01T09:00:00Z
  Resource Version:    ${lease.object.metadata.resourceVersion}
  UID:                 ${lease.object.metadata.uid}
Spec:
  Holder Identity:         n1
  Lease Duration Seconds:  40
  Renew Time:              2026-01-01T09:00:00.000000Z
Events:                    <none>
`);
  });
});

describe("kubectl describe: options", () => {
  it.each([
    ["no type", "kubectl describe", 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ["-f", "kubectl describe -f -", 'error: "kubectl describe -f" is not available in the Pod Pilot console\n'],
  ])("refuses %s", (_name, line, stderr) => {
    const { c } = webCluster();
    expect(c.run(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
