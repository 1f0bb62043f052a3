#!/usr/bin/env python3
"""A sequential model of how the routing spreads work, to explain the fairness numbers in ../RESULTS.md.

It is not a measurement: it replays the routing rules on a random stream of cases, one decision at a time (no
concurrency, no HTTP, no storage). The rules are those of src/Grains/Domain/Routing: a case of a type goes to its
department in the customer's region (consultation 1 and complaint 2 units to customer service, fault 2 to technical
support, installation 3, maintenance 3); the customer's previous technician takes it when eligible (customer affinity,
whatever its load); otherwise the least-loaded eligible technician (ties: idle longest, then id); a technician is
eligible when the case fits its capacity or it holds nothing. Fairness is the largest |load - pool mean| / pool mean.

    python3 bench/results/fairness-model.py
"""
import random

TYPES = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 3)]  # (department, weight) per case type, equally likely
REGIONS = 4


def run(cases, customers, technicians, capacity, affinity, seed=1):
    rnd = random.Random(seed)
    pools = {}
    load = [0] * technicians
    last_assigned = [-1] * technicians
    pool_of = []
    for t in range(technicians):
        pool = (t % 16 % 4, t % 16 // 4)  # round-robin over 4 departments x 4 regions, as the bench seeds them
        pools.setdefault(pool, []).append(t)
        pool_of.append(pool)
    previous = {}
    by_affinity = 0
    for n in range(cases):
        customer = rnd.randrange(customers)
        department, weight = TYPES[rnd.randrange(len(TYPES))]
        pool = (department, customer % REGIONS)

        def fits(t):
            return load[t] == 0 or load[t] + weight <= capacity

        chosen = previous.get(customer) if affinity else None
        if chosen is not None and pool_of[chosen] == pool and fits(chosen):
            by_affinity += 1
        else:
            eligible = [t for t in pools[pool] if fits(t)]
            chosen = min(eligible, key=lambda t: (load[t], last_assigned[t], t)) if eligible else None
        if chosen is None:
            continue
        load[chosen] += weight
        last_assigned[chosen] = n
        previous[customer] = chosen
    worst, smallest_mean = 0.0, float("inf")
    for members in pools.values():
        mean = sum(load[t] for t in members) / len(members)
        smallest_mean = min(smallest_mean, mean)
        worst = max([worst] + [abs(load[t] - mean) / mean for t in members])
    return worst, smallest_mean, by_affinity / cases


if __name__ == "__main__":
    print("cases    customers technicians capacity affinity | max deviation  smallest pool mean  decided by affinity")
    for cases, customers, technicians, capacity, affinity in [
        (16_000, 1_000, 1_000, 50, True),
        (16_000, 1_000, 1_000, 50, False),
        (16_000, 20_000, 1_000, 50, True),
        (38_000, 1_000, 1_000, 1_000, True),
        (38_000, 1_000, 1_000, 1_000, False),
        (60_000, 1_000, 1_000, 1_000, True),
        (120_000, 1_000, 1_000, 1_000, True),
        (10_000, 1_000, 160, 1_000, True),
        (40_000, 1_000, 160, 1_000, True),
    ]:
        worst, mean, share = run(cases, customers, technicians, capacity, affinity)
        print(f"{cases:>7,} {customers:>9,} {technicians:>11,} {capacity:>8,} {str(affinity):>8} | "
              f"{worst:>12.1%} {mean:>19.1f} {share:>20.1%}")
