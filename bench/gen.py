#!/usr/bin/env python3
"""Deterministic synthetic input in the SPEC layout, for timing `attain evaluate`.

    python3 bench/gen.py --partners 10000 --rows-per-customer 10 --out /tmp/attain-10k

Each partner has 10 customers (DPOR, some also TPOR of a second partner, some DAP only),
consumption in USD and EUR over 2017-2018, three people and a few achievements.
"""
import argparse, csv, os, random

p = argparse.ArgumentParser()
p.add_argument("--partners", type=int, default=10000)
p.add_argument("--customers-per-partner", type=int, default=10)
p.add_argument("--rows-per-customer", type=int, default=10)
p.add_argument("--seed", type=int, default=7)
p.add_argument("--out", required=True)
a = p.parse_args()
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)
countries = ["US", "DE", "KR", "IN", "BR", "CN", "FR", "JP", "PL", "MX"]
creds = ["exam:70-533", "exam:70-534", "exam:70-535", "assessment:13736", "exam:70-347", "exam:MB2-716"]
months = [f"{y}-{m:02d}" for y in (2017, 2018) for m in range(1, 13)]

def writer(name, header):
    f = open(os.path.join(a.out, name), "w", newline="")
    w = csv.writer(f, lineterminator="\n"); w.writerow(header); return f, w

fp, wp = writer("partners.csv", ["partner_id", "name", "country"])
fa, wa = writer("associations.csv", ["partner_id", "customer_id", "kind", "start", "end"])
fc, wc = writer("consumption.csv", ["customer_id", "date", "amount", "currency"])
fe, we = writer("people.csv", ["person_id", "partner_id", "name", "joined", "left"])
fh, wh = writer("achievements.csv", ["person_id", "credential", "date"])
fr, wr = writer("fx_rates.csv", ["currency", "month", "usd_per_unit"])
for m in months:
    wr.writerow(["EUR", m, f"{1.05 + rng.random() * 0.2:.4f}"])
for i in range(a.partners):
    pid = f"P{i:06d}"
    wp.writerow([pid, f"Partner {i}", rng.choice(countries)])
    scale = rng.paretovariate(1.5) * 300
    for c in range(a.customers_per_partner):
        cid = f"C{i:06d}-{c:02d}"
        kind = "DAP" if rng.random() < 0.1 else "DPOR"
        end = "2018-03-31" if rng.random() < 0.1 else ""
        wa.writerow([pid, cid, kind, "2017-01-01", end])
        if rng.random() < 0.2:
            wa.writerow([f"P{(i + 1) % a.partners:06d}", cid, "TPOR", "2017-06-01", ""])
        cur = "EUR" if rng.random() < 0.3 else "USD"
        for r in range(a.rows_per_customer):
            m = months[rng.randrange(len(months))]
            wc.writerow([cid, f"{m}-{rng.randint(1, 28):02d}", f"{scale * rng.random():.2f}", cur])
    for e in range(3):
        eid = f"E{i:06d}-{e}"
        left = "2018-09-30" if rng.random() < 0.1 else ""
        we.writerow([eid, pid, f"Person {i}-{e}", "2015-01-01", left])
        for _ in range(rng.randint(0, 2)):
            wh.writerow([eid, rng.choice(creds), f"2017-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
for f in (fp, fa, fc, fe, fh, fr):
    f.close()
