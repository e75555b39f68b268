import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one gateway process (GET /metrics). */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: "kt_gateway_requests_total",
    help: "Chat requests by outcome",
    labelNames: ["status", "action", "stream"],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "kt_gateway_request_duration_seconds",
    help: "Whole request time, upstream included",
    labelNames: ["stream"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly policyLatency = new Histogram({
    name: "kt_gateway_policy_duration_seconds",
    help: "Time spent in the policy chain per request",
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: "kt_gateway_policy_decisions_total",
    help: "Policy decisions that triggered",
    labelNames: ["policy", "type", "action", "stage"],
    registers: [this.registry],
  });
  readonly upstreamErrors = new Counter({
    name: "kt_gateway_upstream_errors_total",
    help: "Provider failures (connect, timeout, 5xx)",
    labelNames: ["target", "reason"],
    registers: [this.registry],
  });
  readonly spoolDepth = new Gauge({
    name: "kt_gateway_spool_depth",
    help: "Events on disk not yet accepted by the control plane",
    registers: [this.registry],
  });
  readonly budgetReservations = new Counter({
    name: "kt_gateway_budget_reservations_total",
    help: "Budget reservations asked of the control plane, by outcome (unknown: no answer, the call proceeded)",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  readonly budgetReserveLatency = new Histogram({
    name: "kt_gateway_budget_reserve_duration_seconds",
    help: "Round trip of a budget reservation",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly configVersion = new Gauge({
    name: "kt_gateway_config_version",
    help: "Config version in force",
    registers: [this.registry],
  });
}
