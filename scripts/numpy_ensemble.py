#!/usr/bin/env python3
"""The NumPy reference of the ensemble (MODEL.md §3 and §4, "Ensemble"), for `twofutures
bench`: the same model, vectorised over members the way a NumPy user would write it
(one array operation per equation, months in a Python loop), then NumPy's percentiles.

Usage: numpy_ensemble.py [members] [repetitions]   (defaults 10000 and 7)
The ensemble is `twofutures run`'s default: status quo, H = 36, seed 1, r = 0.5.
Prints one JSON object: {"numpy_ms": median milliseconds of one ensemble, "members": N,
"horizon": H, "p50_lead": the median lead at the horizon, "probability": [P(future1),
P(contested), P(future2)]} (the last two let a test check that it ran the same model).
Exits 3 when NumPy is missing.
"""

import json
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy_ensemble: NumPy is not installed", file=sys.stderr)
    sys.exit(3)

# Fixed parameters (MODEL.md §2).
K_US0, K_CN0 = 100.0, 20.0
DELTA, D0, I0, LAMBDA_S, PHI = 1 / 48, 0.6, 4.0, 0.4, 0.5
TAU, U0, RHO, ZETA = 4.0, 0.85, 1 / 18, 0.3
B_CAP, B_PRICE, B_PROMO, B_INC, KAPPA = 1.5, 0.6, 1.0, 1.0, 0.5
W, S_N, S_SPUR = 0.5, 6.0, 4.0
F1, F2 = 12.0, 3.0

# Assumptions in table order: (default, min, max).
ASSUMPTIONS = [
    (3.3, 2.0, 5.0),  # us_compute_growth
    (3.0, 1.5, 6.0),  # algorithmic_progress
    (1.3, 1.0, 3.0),  # china_domestic_growth
    (0.3, 0.0, 1.0),  # controls_backfire
    (0.7, 0.0, 1.0),  # control_leakage
    (1.0, 0.2, 1.0),  # enforcement_effectiveness
    (0.25, 0.0, 0.9),  # distillation_efficiency
    (0.7, 0.0, 1.0),  # countermeasure_feasibility
    (0.3, 0.0, 0.6),  # research_compute_elasticity
    (10.0, 1.0, 50.0),  # china_price_advantage
]
STATUS_QUO = (0.5, 0.3, 0.2, 0.3, 0.2)
MASK = (1 << 64) - 1


def mix(z):
    """SplitMix64's finaliser on uint64 arrays (wrapping arithmetic)."""
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def uniforms(n, seed):
    """U(i, k) of MODEL.md §4 "Ensemble" for members i = 0…n−1, one row per assumption k
    (table order), as `CounterRandom.uniform`: a function of (seed, member, index) only."""
    member = np.arange(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        first = mix(np.uint64(seed) + member * np.uint64(0xD1B54A32D192ED03))
        rows = [mix(first + np.uint64(k)) for k in range(len(ASSUMPTIONS))]
    return np.array([((h >> np.uint64(11)).astype(np.float64) + 0.5) * 2.0**-53 for h in rows])


def triangular(u, x, lo, hi, r):
    """The triangular inverse CDF at u around the mode x (a number, or an array that
    broadcasts with u, as worlds drawn around several settings at once), with range
    [lo, hi] and uncertainty r; x itself where low = high."""
    low, high = x - r * (x - lo), x + r * (hi - x)
    width = high - low
    left = u * width < x - low
    root = np.sqrt(np.where(left, u * width * (x - low), (1 - u) * width * (high - x)))
    return np.where(width > 0, np.where(left, low + root, high - root), x)


def draws(n, seed, r):
    """Each member's assumptions (columns in table order), as `CounterRandom`: a uniform
    from (seed, member, index), then the triangular inverse CDF."""
    u = uniforms(n, seed)
    return [triangular(u[k], x, lo, hi, r) for k, (x, lo, hi) in enumerate(ASSUMPTIONS)]


def regime(a, levers):
    """The lever-dependent constants of one regime (MODEL.md §3, "Lever regimes")."""
    e, s, o, v, p = levers
    _, _, cdg, backfire, leak, enf, de, cf, _, cpa = a
    g_d = (np.log10(cdg) * (1 - PHI * e) + backfire * e * np.log10(S_SPUR)) / 12
    blocked = leak * I0 * e
    price = cpa * (1 - KAPPA * p)
    b_frac = de * (1 - v * cf)
    return e, enf * s, enf * o, p, g_d, blocked, price, b_frac


def ensemble(levers, horizon, start, n, seed, r):
    """Bands (p10, p50, p90 of the four outputs per month) and P(future) at the horizon."""
    a = draws(n, seed, r)
    ucg, ap, rce = a[0], a[1], a[8]
    g_u, g_a = np.log10(ucg) / 12, np.log10(ap) / 12
    pace = g_u + g_a
    r0 = K_CN0 / K_US0
    early, late = regime(a, STATUS_QUO), regime(a, levers)
    k_us, k_cn = np.full(n, K_US0), np.full(n, K_CN0)
    a_us, a_cn, m, l_d = np.zeros(n), np.zeros(n), np.ones(n), np.zeros(n)
    b = a[6] * np.log10(1 / r0)
    u = np.full(n, U0)
    rows = np.empty((4, horizon + 1, n))
    for t in range(horizon + 1):
        e, s_hat, o_hat, p, g_d, blocked, price, b_frac = early if t < start else late
        cap_us = np.log10(k_us / K_US0) + a_us
        cc_cn = np.log10(k_cn / K_US0) + a_cn
        lead = (cap_us - cc_cn - b) / pace
        rev_cn = 1 + ZETA * (U0 - u)
        dom = D0 * 10**l_d * rev_cn
        imp = I0 * (1 - e) * m * rev_cn
        smg = LAMBDA_S * blocked * (1 - s_hat) * m * rev_cn
        off = (1 - LAMBDA_S) * blocked * (1 - o_hat) * m * rev_cn
        rows[0, t] = lead
        rows[1, t] = k_us / (k_us + k_cn)
        rows[2, t] = u
        rows[3, t] = W / (1 + np.exp(-lead / S_N)) + (1 - W) * u
        if t == horizon:
            break
        rev_us = 1 + ZETA * (u - U0)
        b_star = b_frac * np.maximum(0, cap_us - cc_cn)
        u_star = 1 / (1 + np.exp(-(B_CAP * lead / 12 - B_PRICE * np.log(price) + B_PROMO * p + B_INC)))
        a_cn = a_cn + g_a * ((k_cn / k_us) / r0) ** rce
        a_us = a_us + g_a
        k_us = k_us * 10 ** (g_u * rev_us)
        m = m * 10**g_u
        l_d = l_d + g_d
        k_cn = k_cn + dom + imp + smg + off - DELTA * k_cn
        b = b + (b_star - b) / TAU
        u = u + RHO * (u_star - u)
    bands = np.percentile(rows, [10, 50, 90], axis=2)
    final = rows[0, horizon]
    probability = (np.mean(final >= F1), np.mean((final > F2) & (final < F1)), np.mean(final <= F2))
    return bands, probability


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    levers, horizon = STATUS_QUO, 36
    times, bands, probability = [], None, None
    for _ in range(repetitions):
        t0 = time.perf_counter()
        bands, probability = ensemble(levers, horizon, 0, n, 1, 0.5)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    median = times[len(times) // 2]
    print(json.dumps({"numpy_ms": round(median, 4), "members": n, "horizon": horizon,
                      "p50_lead": float(bands[1, 0, horizon]),
                      "probability": [float(x) for x in probability]}))


if __name__ == "__main__":
    main()
