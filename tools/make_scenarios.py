#!/usr/bin/env python3
"""Writes the detector's regression scenarios to tests/fixtures/scenarios/: recorded mention
streams (contract.md §1) with their .expect.json (the format of ../shared/eval/scenarios).
Deterministic: the same files every run. Texts are invented for these scenarios.

usage: tools/make_scenarios.py [OUT_DIR]"""
import datetime as dt
import json
import pathlib
import random
import sys

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / "tests/fixtures/scenarios")
SOURCES = ["x", "mastodon", "bluesky", "reddit", "hackernews", "rss"]
CHATTER = {
    "en": ["Just saw a FjordTel ad on the bus lol", "Anyone know if FjordTel covers Svalbard?",
           "FjordTel sponsoring the ski jump this weekend", "Thinking of switching my parents to FjordTel",
           "FjordTel opens a new shop in Oslo today", "Does FjordTel do family plans?"],
    "no": ["FjordTel åpner ny butikk i Tromsø", "Noen som har prøvd det nye abonnementet til FjordTel?"],
    "sl": ["FjordTel odpira novo poslovalnico v Mariboru", "Je kdo že preizkusil novi paket FjordTel?"],
    "el": ["Έχει δοκιμάσει κανείς το νέο πρόγραμμα της FjordTel;", "Η FjordTel ανοίγει νέο κατάστημα"],
    "ru": ["FjordTel открывает новый салон в Осло", "Кто-нибудь пробовал новый тариф FjordTel?"],
}
COMPLAINTS = {
    "billing": ["FjordTel charged me twice this month, want my money back",
                "My FjordTel bill doubled without warning, what is going on"],
    "refund": ["Still waiting for my refund from FjordTel, it has been three weeks",
               "@fjordtel where is my refund? Support keeps closing my ticket"],
    "waiting": ["On hold with FjordTel for 90 minutes now", "FjordTel support never answers emails"],
    "delivery": ["FjordTel router never arrived, tracking says delivered"],
    "app_bug": ["FjordTel app keeps crashing when I try to pay"],
}
OUTAGE = {
    "en": ["FjordTel mobile data is down, no signal at all", "Is FjordTel down for everyone? Nothing loads",
           "FjordTel outage again, calls failing all morning"],
    "no": ["FjordTel mobilnett er nede igjen, ingen dekning", "Er FjordTel nede? Ingen internett her heller"],
    "sl": ["FjordTel spet ne dela, ni signala že vse jutro"],
    "el": ["Η FjordTel έπεσε πάλι, καθόλου ίντερνετ από το πρωί"],
    "ru": ["У FjordTel опять нет связи, интернет не работает с утра"],
}


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Stream:
    def __init__(self, name, seed):
        self.name = name
        self.rng = random.Random(seed)
        self.rows = []
        self.n = 0

    def post(self, t, text, lang="en", author=None, followers=None, source=None, **extra):
        self.n += 1
        mid = f"{self.name[:3]}{self.n:05d}"
        row = {
            "source": source or self.rng.choice(SOURCES), "id": mid, "text": text, "lang": lang,
            "created_at": ts(t), "observed_at": ts(t),
            "author": author or f"user{self.rng.randrange(10**6)}",
            "author_followers": followers if followers is not None else self.rng.randrange(20, 900),
            "likes": 0, "reposts": 0, "replies": 0, "url": f"https://example.social/{self.name}/{self.n}",
        }
        row.update(extra)
        self.rows.append(row)
        return row

    def update(self, row, t, likes, reposts, replies):
        u = dict(row, observed_at=ts(t), likes=likes, reposts=reposts, replies=replies)
        self.rows.append(u)

    def chatter(self, start, hours, per_hour):
        t = start
        end = start + dt.timedelta(hours=hours)
        while True:
            t += dt.timedelta(seconds=self.rng.expovariate(per_hour / 3600))
            if t >= end:
                return
            lang = self.rng.choice(list(CHATTER))
            self.post(t, self.rng.choice(CHATTER[lang]), lang)

    def background_complaints(self, start, hours, per_hour, categories=None):
        t = start
        end = start + dt.timedelta(hours=hours)
        ids = []
        while True:
            t += dt.timedelta(seconds=self.rng.expovariate(per_hour / 3600))
            if t >= end:
                return ids
            cat = self.rng.choice(categories or list(COMPLAINTS))
            ids.append(self.post(t, self.rng.choice(COMPLAINTS[cat]))["id"])

    def write(self, expect):
        self.rows.sort(key=lambda r: (r["observed_at"], r["id"]))
        OUT.mkdir(parents=True, exist_ok=True)
        with open(OUT / f"{self.name}.jsonl", "w") as f:
            for r in self.rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        with open(OUT / f"{self.name}.expect.json", "w") as f:
            json.dump(expect, f, indent=1, ensure_ascii=False)
            f.write("\n")


def incident(tag, onset, alert_by, ids):
    return {"tag": tag, "onset": ts(onset), "alert_by": ts(alert_by), "ids": ids}


T0 = dt.datetime(2026, 10, 5, 0, 0)  # a Monday


def sarcasm_burst():
    s = Stream("sarcasm_burst", 1)
    s.chatter(T0, 18, 8)
    texts = ["Great job @FjordTel, third outage this week. Love paying for nothing 🙄",
             "Wow FjordTel, internet down AGAIN. Truly world class service /s",
             "Thanks FjordTel for the outage, really needed a day offline 🙃",
             "Oh great, FjordTel is down again. Best network ever, said no one",
             "FjordTel never fails to fail. No signal since 8am, amazing"]
    onset = T0 + dt.timedelta(hours=10)
    ids = [s.post(onset + dt.timedelta(minutes=3 * i + s.rng.random()), texts[i % len(texts)])["id"] for i in range(14)]
    s.write({"incidents": [incident("sarcastic_outage", onset, onset + dt.timedelta(minutes=45), ids)],
             "must_not_alert": {}})


def multilingual_outage():
    s = Stream("multilingual_outage", 2)
    s.chatter(T0, 12, 10)
    onset = T0 + dt.timedelta(hours=7)
    ids = []
    langs = ["no", "el", "en", "sl", "ru", "no", "en", "el", "ru", "sl"]
    for i in range(36):
        lang = langs[i % len(langs)]
        t = onset + dt.timedelta(minutes=i * 50 / 36 + s.rng.random())
        ids.append(s.post(t, s.rng.choice(OUTAGE[lang]), lang)["id"])
    s.write({"incidents": [incident("outage", onset, onset + dt.timedelta(minutes=30), ids)], "must_not_alert": {}})


def slow_burn():
    s = Stream("slow_burn", 3)
    s.chatter(T0, 60, 6)
    noise = s.background_complaints(T0, 60, 0.4, ["waiting", "delivery", "app_bug"])
    texts = ["FjordTel promised a refund in May and nothing arrived. Anyone else?",
             "Still waiting for my refund from FjordTel, it has been three weeks",
             "@fjordtel where is my refund? Support keeps closing my ticket",
             "FjordTel refund still not here, this is theft"]
    ids = []
    # Two days: a refund complaint every few hours, then more and more.
    t = T0 + dt.timedelta(hours=6)
    end = T0 + dt.timedelta(hours=54)
    while t < end:
        hours_in = (t - T0).total_seconds() / 3600
        per_hour = 0.2 if hours_in < 30 else 0.2 + (hours_in - 30) * 0.12
        t += dt.timedelta(seconds=s.rng.expovariate(per_hour / 3600))
        if t < end:
            ids.append(s.post(t, s.rng.choice(texts))["id"])
    s.write({"incidents": [incident("refund_slow_burn", T0 + dt.timedelta(hours=30), T0 + dt.timedelta(hours=50), ids)],
             "must_not_alert": {"scattered_complaints": noise}})


def bot_network():
    s = Stream("bot_network", 4)
    s.chatter(T0, 12, 8)
    noise = s.background_complaints(T0, 12, 0.3)
    text = "FjordTel stole my money and will steal yours too, avoid them at all costs and share this everywhere"
    start = T0 + dt.timedelta(hours=6)
    bots = [s.post(start + dt.timedelta(seconds=15 * i), text, author=f"freedom_{s.rng.randrange(10**5)}_{i}",
                   followers=s.rng.randrange(0, 15))["id"] for i in range(40)]
    s.write({"incidents": [], "must_not_alert": {"bot_network": bots, "scattered_complaints": noise}})


def big_account():
    s = Stream("big_account", 5)
    s.chatter(T0, 10, 8)
    t = T0 + dt.timedelta(hours=5)
    row = s.post(t, "@fjordtel your support hung up on me twice today. Disgraceful way to treat a customer of 12 years",
                 author="nora_sings", followers=500_000, source="x")
    for k, (likes, reposts, replies) in enumerate([(900, 120, 80), (4000, 900, 400), (9000, 2500, 900)]):
        s.update(row, t + dt.timedelta(minutes=20 * (k + 1)), likes, reposts, replies)
    s.write({"incidents": [incident("large_audience", t, t + dt.timedelta(minutes=5), [row["id"]])],
             "must_not_alert": {}})


def quiet_brand():
    s = Stream("quiet_brand", 6)
    s.chatter(T0, 24 * 35, 0.3)
    weekly = []
    cats = list(COMPLAINTS)
    for week in range(5):
        t = T0 + dt.timedelta(days=7 * week + s.rng.randrange(7), hours=s.rng.randrange(8, 20))
        weekly.append(s.post(t, s.rng.choice(COMPLAINTS[cats[week % len(cats)]]))["id"])
    onset = T0 + dt.timedelta(days=35, hours=10)
    ids = [s.post(onset + dt.timedelta(minutes=17 * i), COMPLAINTS["billing"][i % 2])["id"] for i in range(3)]
    s.write({"incidents": [incident("three_people_one_morning", onset, onset + dt.timedelta(hours=1), ids)],
             "must_not_alert": {"one_complaint_a_week": weekly}})


def busy_brand():
    s = Stream("busy_brand", 7)
    days = 3
    s.chatter(T0, 24 * days, 30)
    s.background_complaints(T0, 24 * days, 12)
    onset = T0 + dt.timedelta(days=2, hours=14)
    ids = []
    for i in range(40):
        lang = "en" if i % 3 else s.rng.choice(["no", "el", "sl", "ru"])
        ids.append(s.post(onset + dt.timedelta(minutes=i * 0.75 + s.rng.random()), s.rng.choice(OUTAGE[lang]), lang)["id"])
    s.write({"incidents": [incident("outage", onset, onset + dt.timedelta(minutes=30), ids)], "must_not_alert": {},
             "learn_until": ts(T0 + dt.timedelta(days=1))})


for make in [sarcasm_burst, multilingual_outage, slow_burn, bot_network, big_account, quiet_brand, busy_brand]:
    make()
print(f"scenarios written to {OUT}")
