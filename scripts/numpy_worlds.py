#!/usr/bin/env python3
"""The NumPy reference of the worlds analysis (MODEL.md §4 "Across worlds", what
`twofutures run --worlds` computes), for `twofutures bench`: the model of
numpy_ensemble.py (its constants, uniforms, triangular draws and lever regimes), run as a
NumPy user would write it for many scenarios at once: one array operation per equation over
(scenario, member) blocks, months in a Python loop, loop-invariant constants computed once.

The worlds analysis of a scenario at N members, seed and uncertainty r is 240 scenario
Summaries (median lead at the horizon by NumPy's default percentile, and the fractions of
members in Future 1, in Future 2 and with China's markets), all over one set of uniforms
U(i, k): Sensitivity across worlds (16 rows, low and high: 32 scenarios), Attribution
across worlds (the 32 coalitions of the five levers, an exact Shapley split) and Response
across worlds (16 parameters at 11 points: 176 scenarios). Every scenario is run, also
where two of them coincide (the scenario itself is one of the sensitivity rows' settings,
and a response's end points are a sensitivity row's).

Usage: numpy_worlds.py [members] [repetitions] [--preset future1|status_quo|future2]
         [--seed S] [--uncertainty R] [--response ID,ID,...]
(defaults 2000 members, 5 repetitions, status_quo, seed 1, r = 0.5, all 16 response
curves; horizon 36, policy_start 0, assumptions at their defaults). --response computes
only those parameters' curves (fewer scenarios: 64 + 11 per curve), for a quicker check.
Prints one JSON object: {"numpy_ms": median milliseconds of one whole worlds analysis,
"members", "scenarios": 240, "seed", "uncertainty", "preset", "summary": {S},
"sensitivity": [{"id", "kind", "low": {S}, "high": {S}, "swing": {S}}] (sorted as MODEL.md
says), "attribution": {"base": "future2", "base_summary", "total", "levers": {id: {S}}},
"response": {id: {"values": [11], "median_lead": [11], "p_future1": [11]}}}, where {S} is
{"median_lead", "p_future1", "p_future2", "p_china_markets"}.
Exits 3 when NumPy is missing.
"""

import itertools
import json
import math
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy_worlds: NumPy is not installed", file=sys.stderr)
    sys.exit(3)

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import numpy_ensemble as model  # noqa: E402  (the model, from the script beside this one)

USAGE = __doc__[__doc__.index("Usage:"):__doc__.index("Prints one")].strip()

LEVERS = ["export_controls", "smuggling_enforcement", "offshore_controls", "distillation_defense",
          "export_promotion"]
ASSUMPTION_IDS = ["us_compute_growth", "algorithmic_progress", "china_domestic_growth", "controls_backfire",
                  "control_leakage", "enforcement_effectiveness", "distillation_efficiency",
                  "countermeasure_feasibility", "research_compute_elasticity", "china_price_advantage"]
PRESETS = {
    "future1": (0.9, 0.85, 0.85, 0.85, 0.75),
    "status_quo": model.STATUS_QUO,
    "future2": (0.3, 0.1, 0.1, 0.1, 0.1),
}
# Response across worlds' parameters, in order; sensitivity's rows before sorting.
PARAMETERS = LEVERS + ["policy_start"] + ASSUMPTION_IDS
KINDS = ["lever"] * 5 + ["timing"] + ["assumption"] * 10
SUMMARY = ["median_lead", "p_future1", "p_future2", "p_china_markets"]
HORIZON, UNCERTAINTY, LATEST_START = 36, 0.5, 24
# Scenarios run together: about this many (scenario, member) pairs per array (128 KiB
# arrays, which stay in a core's cache better than larger ones).
BLOCK = 1 << 14


def setting(scenario, j, value):
    """The scenario (levers, policy_start, assumptions) with parameter j (of PARAMETERS)
    at value."""
    levers, start, assumptions = scenario
    if j < 5:
        return (levers[:j] + (value,) + levers[j + 1:], start, assumptions)
    if j == 5:
        return (levers, value, assumptions)
    k = j - 6
    return (levers, start, assumptions[:k] + (value,) + assumptions[k + 1:])


def extremes(j):
    """Sensitivity's low and high setting of parameter j."""
    if j < 5:
        return 0.0, 1.0
    if j == 5:
        return 0, LATEST_START
    _, lo, hi = model.ASSUMPTIONS[j - 6]
    return lo, hi


def points(j):
    """Response across worlds' 11 values of parameter j."""
    if j < 5:
        return [i / 10 for i in range(11)]
    if j == 5:
        return [math.floor(2.4 * i + 0.5) for i in range(11)]
    _, lo, hi = model.ASSUMPTIONS[j - 6]
    return [lo + i * (hi - lo) / 10 if i < 10 else hi for i in range(11)]


def scenarios(scenario, curves):
    """The scenarios of the worlds analysis, in the order: sensitivity (16 rows, low then
    high), attribution (the 32 coalitions S, a 5-bit mask with bit i set when lever i is
    as set), response (the parameters `curves` × 11 points): 240 with all 16 curves."""
    levers, start, assumptions = scenario
    out = [setting(scenario, j, value) for j in range(len(PARAMETERS)) for value in extremes(j)]
    for mask in range(32):
        chosen = tuple(levers[i] if mask >> i & 1 else PRESETS["future2"][i] for i in range(5))
        out.append((chosen, start, assumptions))
    out += [setting(scenario, j, value) for j in curves for value in points(j)]
    return out


def block_summaries(block, u, r, horizon):
    """The Summaries (rows of median_lead, p_future1, p_future2, p_china_markets) of a block
    of scenarios with one policy_start, each over the worlds drawn around its assumptions
    from the same uniforms u (10 × N)."""
    start = block[0][1]
    modes = np.array([s[2] for s in block])  # scenarios × 10
    a = [model.triangular(u[k], modes[:, k:k + 1], lo, hi, r) for k, (_, lo, hi) in enumerate(model.ASSUMPTIONS)]
    levers = [np.array([s[0][i] for s in block])[:, None] for i in range(5)]
    shape = a[0].shape
    ucg, ap, rce = a[0], a[1], a[8]
    g_u, g_a = np.log10(ucg) / 12, np.log10(ap) / 12
    pace = g_u + g_a
    m_growth = 10**g_u
    r0 = model.K_CN0 / model.K_US0

    def constants(lever_values):
        """A regime's constants, reduced to what the months use: the domestic output's
        monthly growth factor, the legal, smuggled and offshore flows per unit of m·revCN,
        u*'s lever-dependent term, and Bfrac."""
        e, s_hat, o_hat, p, g_d, blocked, price, b_frac = model.regime(a, lever_values)
        flows = (model.I0 * (1 - e) + model.LAMBDA_S * blocked * (1 - s_hat)
                 + (1 - model.LAMBDA_S) * blocked * (1 - o_hat))
        bias = -model.B_PRICE * np.log(price) + model.B_PROMO * p + model.B_INC
        return 10**g_d, flows, bias, b_frac

    early, late = constants(model.STATUS_QUO), constants(levers)
    k_us, k_cn = np.full(shape, model.K_US0), np.full(shape, model.K_CN0)
    a_us, a_cn = np.zeros(shape), np.zeros(shape)
    m, domestic = np.ones(shape), np.full(shape, model.D0)
    b = a[6] * np.log10(1 / r0)
    adoption = np.full(shape, model.U0)
    for t in range(horizon + 1):
        d_growth, flows, bias, b_frac = early if t < start else late
        gap = np.log10(k_us / k_cn) + (a_us - a_cn)  # cap_US − cc_CN
        lead = (gap - b) / pace
        if t == horizon:
            break
        rev_cn = 1 + model.ZETA * (model.U0 - adoption)
        inflow = (domestic + flows * m) * rev_cn
        b_star = b_frac * np.maximum(0, gap)
        u_star = 1 / (1 + np.exp(-(model.B_CAP / 12 * lead + bias)))
        a_us += g_a
        a_cn += g_a * ((k_cn / k_us) / r0) ** rce
        k_us *= 10 ** (g_u * (2 - rev_cn))  # revUS = 1 + ζ(u − u0) = 2 − revCN
        m *= m_growth
        domestic *= d_growth
        k_cn += inflow - model.DELTA * k_cn
        b += (b_star - b) / model.TAU
        adoption += model.RHO * (u_star - adoption)
    return np.stack([
        np.percentile(lead, 50, axis=1),
        np.mean(lead >= model.F1, axis=1),
        np.mean(lead <= model.F2, axis=1),
        np.mean(adoption < 0.5, axis=1),
    ], axis=1)


def summaries(all_scenarios, n, seed, r, horizon):
    """Every scenario's Summary (a row of four), over one set of uniforms: blocks of about
    BLOCK pairs of consecutive scenarios with the same policy_start."""
    u = model.uniforms(n, seed)
    out = np.empty((len(all_scenarios), 4))
    per_block = max(1, BLOCK // n)
    order = sorted(range(len(all_scenarios)), key=lambda j: all_scenarios[j][1])
    for _, group in itertools.groupby(order, key=lambda j: all_scenarios[j][1]):
        group = list(group)
        for first in range(0, len(group), per_block):
            chosen = group[first:first + per_block]
            out[chosen] = block_summaries([all_scenarios[j] for j in chosen], u, r, horizon)
    return out


def shapley(values):
    """The exact Shapley split over five players of v(S) (values[S], S a bit mask)."""
    n = 5
    shares = np.zeros((n, values.shape[1]))
    for i in range(n):
        for mask in range(32):
            if mask >> i & 1:
                continue
            size = bin(mask).count("1")
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            shares[i] += weight * (values[mask | 1 << i] - values[mask])
    return shares


def worlds(scenario, n, seed, r, horizon, curves=range(len(PARAMETERS))):
    """The worlds analysis of scenario (levers, policy_start, assumptions): its Summaries,
    then the results made of them (a dict of "summary", "sensitivity", "attribution",
    "response", and "scenarios", how many Summaries it took)."""
    every = scenarios(scenario, curves)
    s = summaries(every, n, seed, r, horizon)

    def summary(row):
        return {key: float(row[j]) for j, key in enumerate(SUMMARY)}

    rows = []
    for j, name in enumerate(PARAMETERS):
        low, high = s[2 * j], s[2 * j + 1]
        rows.append({"id": name, "kind": KINDS[j], "low": summary(low), "high": summary(high),
                     "swing": summary(high - low)})
    rows.sort(key=lambda row: -abs(row["swing"]["median_lead"]))  # stable: ties keep table order
    coalitions = s[32:64]
    shares = shapley(coalitions)
    itself = coalitions[31]
    response = {}
    for c, j in enumerate(curves):
        curve = s[64 + 11 * c:64 + 11 * (c + 1)]
        response[PARAMETERS[j]] = {"values": points(j), "median_lead": [float(x) for x in curve[:, 0]],
                                   "p_future1": [float(x) for x in curve[:, 1]]}
    return {
        "summary": summary(itself),
        "sensitivity": rows,
        "attribution": {"base": "future2", "base_summary": summary(coalitions[0]),
                        "total": summary(itself - coalitions[0]),
                        "levers": {name: summary(shares[i]) for i, name in enumerate(LEVERS)}},
        "response": response,
        "scenarios": len(every),
    }


def main():
    args, options = [], {"--preset": "status_quo", "--seed": "1", "--uncertainty": str(UNCERTAINTY),
                         "--response": ",".join(PARAMETERS)}
    argv = sys.argv[1:]
    try:
        while argv:
            arg = argv.pop(0)
            if arg in options and argv:
                options[arg] = argv.pop(0)
            elif arg.startswith("-"):
                raise ValueError(arg)
            else:
                args.append(arg)
        preset, seed, r = options["--preset"], int(options["--seed"]), float(options["--uncertainty"])
        curves = [PARAMETERS.index(name) for name in options["--response"].split(",")]
        n = int(args[0]) if args else 2000
        repetitions = int(args[1]) if len(args) > 1 else 5
        if preset not in PRESETS or len(args) > 2 or seed < 0 or not 0 <= r <= 1 or n < 1 or repetitions < 1:
            raise ValueError(preset)
    except ValueError:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    scenario = (PRESETS[preset], 0, tuple(x for x, _, _ in model.ASSUMPTIONS))
    times, analysis = [], None
    for _ in range(repetitions):
        t0 = time.perf_counter()
        analysis = worlds(scenario, n, seed, r, HORIZON, curves)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    result = {"numpy_ms": round(times[len(times) // 2], 4), "members": n, "scenarios": analysis.pop("scenarios"),
              "seed": seed, "uncertainty": r, "preset": preset}
    result.update(analysis)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
