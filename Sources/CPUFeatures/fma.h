/* A marker: CPUFeatures.FMA imports only when the target CPU has fused multiply-add. */
